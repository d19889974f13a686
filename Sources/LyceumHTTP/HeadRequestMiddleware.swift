import HTTPTypes
import Hummingbird

/// Answers `HEAD` wherever `GET` is answered: the same status and headers, no body.
///
/// Uptime monitors and some load balancers probe with `HEAD`; the router only knows `GET` routes, so the
/// request runs as a `GET` and the body is dropped, keeping its `Content-Length`.
public struct HeadRequestMiddleware<Context: RequestContext>: RouterMiddleware {
    /// Creates the middleware.
    public init() {}

    public func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        guard request.method == .head else { return try await next(request, context) }
        var head = request.head
        head.method = .get
        var response = try await next(Request(head: head, body: request.body), context)
        if response.headers[.contentLength] == nil, let length = response.body.contentLength {
            response.headers[.contentLength] = String(length)
        }
        response.body = ResponseBody()
        return response
    }
}
