import Foundation

/// How Billing reaches Stripe (`LYCEUM_STRIPE_*`). Without a secret key paid courses are not for sale;
/// without a webhook secret every webhook is refused.
public struct BillingConfiguration: Sendable {
    /// Stripe's secret API key (`sk_live_…`, `sk_test_…`); `nil` when payments are off.
    public var secretKey: String?
    /// The webhook endpoint's signing secrets (`whsec_…`); any of them verifies an event, so a rotated secret and
    /// its successor can both be configured for the changeover.
    public var webhookSecrets: [String] = []
    /// Stripe's API, without a trailing slash; tests point it at a local stand-in.
    public var apiBase = "https://api.stripe.com"
    /// The public address of the site, for the checkout's return links.
    public var publicURL = "http://localhost:8080"
    /// How long one call to Stripe may take.
    public var requestTimeout: Duration = .seconds(20)

    /// The defaults: payments off.
    public init() {}

    /// Where the buy form's answer sends the browser, for the pages' `form-action` policy: Stripe's hosted
    /// Checkout (`https://checkout.stripe.com`), or the stand-in's own origin when `apiBase` is not Stripe's
    /// API; `nil` while payments are off.
    public var checkoutOrigin: String? {
        guard secretKey != nil else { return nil }
        guard apiBase != "https://api.stripe.com", let url = URL(string: apiBase), let scheme = url.scheme, let host = url.host else {
            return "https://checkout.stripe.com"
        }
        return url.port.map { "\(scheme)://\(host):\($0)" } ?? "\(scheme)://\(host)"
    }
}
