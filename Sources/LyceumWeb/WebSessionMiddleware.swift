import LyceumContracts
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import LyceumCore
import LyceumHTTP

/// For browser pages: signs the request in from the session cookie and provides the CSRF token.
///
/// CSRF uses the double-submit pattern: an HttpOnly, SameSite=Lax cookie holds a random token that every
/// form repeats in a hidden field; `CSRFMiddleware` rejects state-changing requests where the two differ.
public struct WebSessionMiddleware: RouterMiddleware {
    public typealias Context = AppRequestContext
    /// The session cookie's name.
    public static let sessionCookie = "lyceum_session"
    /// The CSRF cookie's name.
    public static let csrfCookie = "lyceum_csrf"

    private let authenticator: any CallerAuthenticator

    /// Creates the middleware.
    public init(authenticator: any CallerAuthenticator) {
        self.authenticator = authenticator
    }

    public func handle(
        _ request: Request, context: AppRequestContext, next: (Request, AppRequestContext) async throws -> Response
    ) async throws -> Response {
        var context = context
        if let cookie = request.cookies[Self.sessionCookie]?.value, !cookie.isEmpty, cookie.utf8.count <= 128,
            let caller = try await authenticator.authenticate(webSessionCookie: cookie)
        {
            context.principal = caller.principal
            context.displayName = caller.displayName
            context.avatarPath = caller.avatarPath
            context.logger[metadataKey: "user.id"] = .string(caller.principal.userID)
        }
        if let token = request.cookies[Self.csrfCookie]?.value, token.utf8.count == 43 {
            context.csrfToken = token
        } else {
            context.csrfToken = SecureToken.generate()
            context.csrfCookieIsNew = true
        }
        var response = try await next(request, context)
        if context.csrfCookieIsNew, let token = context.csrfToken {
            response.setCookie(Self.cookie(Self.csrfCookie, value: token, maxAge: nil, secure: context.isSecure))
            // A response that sets a visitor's cookie must never be stored by a shared proxy or CDN.
            if response.headers[.cacheControl] != "no-store" { response.headers[.cacheControl] = "private, no-cache" }
        }
        return response
    }

    /// A Lyceum cookie: HttpOnly, SameSite=Lax, path `/`, Secure over HTTPS.
    public static func cookie(_ name: String, value: String, maxAge: Int?, secure: Bool) -> Cookie {
        Cookie(name: name, value: value, maxAge: maxAge, path: "/", secure: secure, httpOnly: true, sameSite: .lax)
    }
}
