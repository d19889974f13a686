import HTTPTypes
import Hummingbird
import LyceumHTTP

/// Adds the browser security headers to every response, error pages and cached pages included:
/// a strict Content-Security-Policy, `nosniff`, `Referrer-Policy`, and HSTS when served over HTTPS.
///
/// It is the outermost middleware, outside the envelope that turns errors into responses, so error pages
/// carry the headers too.
public struct SecurityHeadersMiddleware: RouterMiddleware {
    public typealias Context = AppRequestContext
    private let secureByDefault: Bool
    private let headers: HTTPFields

    /// Creates the middleware.
    /// - Parameters:
    ///   - secureByDefault: whether the public URL is HTTPS (HSTS even behind a plain-HTTP hop).
    ///   - storageOrigin: the object store's origin when browsers talk to it directly (an S3 bucket), which
    ///     the policy then allows for uploads (`connect-src`), pictures and media; `nil` on disk.
    ///   - formTargetOrigin: another origin a form's answer may redirect the browser to (Stripe's hosted
    ///     Checkout after the buy form), which `form-action` then allows; browsers apply it to redirects too.
    public init(secureByDefault: Bool, storageOrigin: String? = nil, formTargetOrigin: String? = nil) {
        self.secureByDefault = secureByDefault
        self.headers = Self.headers(storageOrigin: storageOrigin, formTargetOrigin: formTargetOrigin)
    }

    /// The headers every response carries when the object store is Lyceum's own.
    public static let headers = headers(storageOrigin: nil)

    /// The headers every response carries, allowing `storageOrigin` (the bucket's `scheme://host[:port]`)
    /// as a source of pictures and media and as a target of scripts' requests, and `formTargetOrigin` as
    /// where a form's answer may lead.
    public static func headers(storageOrigin: String?, formTargetOrigin: String? = nil) -> HTTPFields {
        let storage = storageOrigin.map { " " + $0 } ?? ""
        let formTarget = formTargetOrigin.map { " " + $0 } ?? ""
        return [
            .contentSecurityPolicy: "default-src 'self'; img-src 'self' data:\(storage); media-src 'self'\(storage); connect-src 'self'\(storage); "
                + "frame-ancestors 'none'; form-action 'self'\(formTarget); base-uri 'none'; object-src 'none'",
            .xContentTypeOptions: "nosniff",
            HTTPField.Name("Referrer-Policy")!: "same-origin",
            HTTPField.Name("X-Frame-Options")!: "DENY",
        ]
    }

    /// Two years, subdomains included, as the HSTS preload list asks.
    public static let strictTransportSecurity = "max-age=63072000; includeSubDomains"

    public func handle(
        _ request: Request, context: AppRequestContext, next: (Request, AppRequestContext) async throws -> Response
    ) async throws -> Response {
        var response = try await next(request, context)
        Self.apply(self.headers, to: &response.headers, secure: RequestEnvelopeMiddleware.isSecure(request, secureByDefault: secureByDefault))
        return response
    }

    /// Adds the default headers to `headers`.
    public static func apply(to headers: inout HTTPFields, secure: Bool) {
        apply(Self.headers, to: &headers, secure: secure)
    }

    private static func apply(_ fields: HTTPFields, to headers: inout HTTPFields, secure: Bool) {
        for field in fields where headers[field.name] == nil { headers.append(field) }
        if secure, headers[.strictTransportSecurity] == nil {
            headers[.strictTransportSecurity] = strictTransportSecurity
        }
    }
}
