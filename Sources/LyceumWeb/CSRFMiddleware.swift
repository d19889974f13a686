import Foundation
import HTTPTypes
import Hummingbird
import LyceumCore
import LyceumHTTP
import NIOCore

/// Checks every state-changing page request before its handler runs: the body must be a form
/// (`application/x-www-form-urlencoded`) within the size limit, and its `_csrf` field must match the CSRF
/// cookie. The parsed form goes to the handler in `context.form`, so no handler reads a body itself and
/// no route can forget the check.
///
/// A script's request (a streamed multipart upload, a JSON call) instead repeats the token in the
/// `X-CSRF-Token` header: when that header is present it alone decides, its body is left unread for the
/// handler, and a wrong or stale token is refused like a form's.
public struct CSRFMiddleware: RouterMiddleware {
    public typealias Context = AppRequestContext

    /// Creates the middleware.
    public init() {}

    /// The header a script's request carries the CSRF token in.
    public static let header = HTTPField.Name("X-CSRF-Token")!

    /// The answer to a post whose token is missing or wrong.
    public static let failure = AppError(
        status: 403, code: "csrf_failed",
        message: "This form has expired or did not come from Lyceum. Reload the page and try again."
    )

    public func handle(
        _ request: Request, context: AppRequestContext, next: (Request, AppRequestContext) async throws -> Response
    ) async throws -> Response {
        switch request.method {
        case .get, .head, .options: return try await next(request, context)
        default: break
        }
        if let presented = request.headers[Self.header] {
            guard !context.csrfCookieIsNew, let expected = context.csrfToken, SecureToken.constantTimeEquals(presented, expected)
            else { throw Self.failure }
            return try await next(request, context)
        }
        if let type = request.headers[.contentType]?.lowercased(), !type.hasPrefix("application/x-www-form-urlencoded") {
            throw AppError.unsupportedMediaType("application/x-www-form-urlencoded")
        }
        let buffer = try await request.collectBody(context: context)
        let form = FormData(urlEncoded: String(decoding: buffer.readableBytesView, as: UTF8.self))
        guard !context.csrfCookieIsNew, let expected = context.csrfToken, SecureToken.constantTimeEquals(form["_csrf"], expected)
        else { throw Self.failure }
        var context = context
        context.form = form
        return try await next(request, context)
    }
}
