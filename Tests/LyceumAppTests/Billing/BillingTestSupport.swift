import Billing
import Crypto
import Foundation
import HTTPTypes
import LyceumApp
import LyceumContracts
import LyceumCore
import LyceumPlatform
import LyceumTestSupport
import NIOCore
import SQLKit
import Testing

/// Billing tests' shared steps: an app wired to the Stripe stand-in, paid courses, signed webhook deliveries.
enum BillingTestSupport {
    static let webhookSecret = "whsec_lyceum_test_current"
    static let previousSecret = "whsec_lyceum_test_previous"

    /// Runs `body` against an app whose Stripe settings point at a fresh stand-in.
    static func run(
        _ engine: TestEngine, webhookSecrets: [String] = [webhookSecret], _ body: @Sendable @escaping (TestApp, StripeStandIn) async throws -> Void
    ) async throws {
        try await StripeStandIn.with { stripe in
            try await TestApp.run(engine, configure: { configuration in
                configuration.billing.secretKey = StripeStandIn.secretKey
                configuration.billing.webhookSecrets = webhookSecrets
                configuration.billing.apiBase = stripe.baseURL
            }) { app in
                try await body(app, stripe)
            }
        }
    }
}

extension TestApp {
    /// A published course priced `priceMinor` of `currency`, owned by a new instructor.
    func paidCourse(priceMinor: Int = 4900, currency: String = "usd") async throws -> (owner: APIUser, course: BuiltCourse) {
        let owner = try await account(role: .instructor)
        let course = try await buildCourse(owner: owner, extra: ["priceMinor": priceMinor, "currency": currency], modules: 1, lessonsPerModule: 1)
        return (owner, course)
    }

    /// Starts a checkout as `buyer`; returns the reply.
    func checkout(_ course: BuiltCourse, as buyer: APIUser, coupon: String? = nil) async throws -> Reply {
        try await request(.post, "/api/v1/courses/\(course.id)/checkout", json: coupon.map { ["couponCode": $0] } ?? [:], token: buyer.accessToken)
    }

    /// Sends `body` to the webhook signed with `secrets` at `timestamp` (default: the app's now).
    func deliverWebhook(
        _ body: String, secrets: [String] = [BillingTestSupport.webhookSecret], timestamp: Int? = nil, header: String? = nil
    ) async throws -> Reply {
        let time = timestamp ?? Int(clock.wallClock.now().timeIntervalSince1970)
        let signatures = secrets.map { "v1=" + Self.signature(body, timestamp: time, secret: $0) }
        var headers: HTTPFields = [.contentType: "application/json"]
        headers[HTTPField.Name("Stripe-Signature")!] = header ?? (["t=\(time)"] + signatures).joined(separator: ",")
        return try await raw(.post, "/api/v1/payments/webhook", headers: headers, body: ByteBuffer(string: body))
    }

    /// Stripe's scheme: hex HMAC-SHA256 of `"<t>.<body>"` under the secret.
    static func signature(_ body: String, timestamp: Int, secret: String) -> String {
        let code = HMAC<SHA256>.authenticationCode(for: Data("\(timestamp).\(body)".utf8), using: SymmetricKey(data: Data(secret.utf8)))
        return code.map { String(format: "%02x", $0) }.joined()
    }

    /// Waits until no event or mail job is left to run (seat changes and emails run as jobs).
    func settleJobs() async throws {
        _ = try await mail(to: "nobody@example.org")
    }

    /// The order's status as stored.
    func orderStatus(_ orderID: String) async throws -> String? {
        try await services.database.read { sql in
            try await sql.raw("SELECT status FROM billing_orders WHERE id = \(bind: orderID)").first()?.decode(column: "status", as: String.self)
        }
    }

    /// How many active enrollments the user has in the course.
    func activeEnrollments(_ userID: String, _ courseID: String) async throws -> Int {
        try await services.database.read { sql in
            try await sql.raw(
                "SELECT COUNT(*) AS n FROM enrollments WHERE user_id = \(bind: userID) AND course_id = \(bind: courseID) AND status = 'active'"
            ).first()?.decode(column: "n", as: Int.self) ?? 0
        }
    }
}

/// Stripe event bodies as Stripe sends them (the parts Billing reads, and some it does not).
enum StripeEvents {
    static func completed(_ id: String, session: String, order: String, paymentIntent: String) -> String {
        #"{"id":"\#(id)","object":"event","type":"checkout.session.completed","created":1700000000,"data":{"object":{"id":"\#(session)","object":"checkout.session","client_reference_id":"\#(order)","metadata":{"order_id":"\#(order)"},"payment_intent":"\#(paymentIntent)","payment_status":"paid","amount_total":4900}}}"#
    }

    static func expired(_ id: String, session: String, order: String) -> String {
        #"{"id":"\#(id)","object":"event","type":"checkout.session.expired","data":{"object":{"id":"\#(session)","object":"checkout.session","client_reference_id":"\#(order)","metadata":{"order_id":"\#(order)"},"payment_status":"unpaid"}}}"#
    }

    static func refunded(_ id: String, paymentIntent: String, order: String?) -> String {
        let metadata = order.map { #"{"order_id":"\#($0)"}"# } ?? "{}"
        return #"{"id":"\#(id)","object":"event","type":"charge.refunded","data":{"object":{"id":"ch_\#(id)","object":"charge","payment_intent":"\#(paymentIntent)","refunded":true,"metadata":\#(metadata)}}}"#
    }

    static func disputed(_ id: String, paymentIntent: String) -> String {
        #"{"id":"\#(id)","object":"event","type":"charge.dispute.created","data":{"object":{"id":"dp_\#(id)","object":"dispute","payment_intent":"\#(paymentIntent)","charge":"ch_1"}}}"#
    }
}
