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

    /// Creates the middleware.
    /// - Parameter secureByDefault: whether the public URL is HTTPS (HSTS even behind a plain-HTTP hop).
    public init(secureByDefault: Bool) {
        self.secureByDefault = secureByDefault
    }

    /// The headers every response carries.
    public static let headers: HTTPFields = [
        .contentSecurityPolicy: "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'; form-action 'self'; base-uri 'none'; object-src 'none'",
        .xContentTypeOptions: "nosniff",
        HTTPField.Name("Referrer-Policy")!: "same-origin",
        HTTPField.Name("X-Frame-Options")!: "DENY",
    ]

    /// Two years, subdomains included, as the HSTS preload list asks.
    public static let strictTransportSecurity = "max-age=63072000; includeSubDomains"

    public func handle(
        _ request: Request, context: AppRequestContext, next: (Request, AppRequestContext) async throws -> Response
    ) async throws -> Response {
        var response = try await next(request, context)
        Self.apply(to: &response.headers, secure: RequestEnvelopeMiddleware.isSecure(request, secureByDefault: secureByDefault))
        return response
    }

    /// Adds the headers to `headers`.
    public static func apply(to headers: inout HTTPFields, secure: Bool) {
        for field in Self.headers where headers[field.name] == nil { headers.append(field) }
        if secure, headers[.strictTransportSecurity] == nil {
            headers[.strictTransportSecurity] = strictTransportSecurity
        }
    }
}
