import HTTPTypes
import Hummingbird
import LyceumCore

/// Answers 405 with an `Allow` header, instead of the router's 404, when the path exists but not with the
/// request's method (`DELETE /api/v1/me`, `TRACE /courses`).
///
/// It only runs when the router found no route, so it costs nothing on served requests.
public struct MethodNotAllowedMiddleware<Context: RequestContext>: RouterMiddleware {
    private struct Pattern: Sendable {
        let segments: [Substring]
        var methods: Set<HTTPRequest.Method>

        func matches(_ path: [Substring]) -> Bool {
            segments.count == path.count
                && zip(segments, path).allSatisfy { pattern, segment in pattern.hasPrefix("{") || pattern == segment }
        }

        /// How many segments are fixed words rather than parameters.
        var literalCount: Int { segments.count { !$0.hasPrefix("{") } }
    }

    private let patterns: [Pattern]

    /// Creates the middleware for `routes`: (method, path with `{parameter}` segments) as the router reports them.
    public init(routes: [(method: HTTPRequest.Method, path: String)]) {
        var patterns: [String: Pattern] = [:]
        for route in routes {
            patterns[route.path, default: Pattern(segments: route.path.split(separator: "/"), methods: [])].methods.insert(route.method)
        }
        for (path, pattern) in patterns where pattern.methods.contains(.get) {
            patterns[path]?.methods.insert(.head)
        }
        self.patterns = Array(patterns.values)
    }

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound {
            let path = request.uri.path.split(separator: "/")
            // The most specific routes name the address: `/uploads/presign` is not `/uploads/{id}`, as the
            // router's preference for fixed words says.
            let matching = patterns.filter { $0.matches(path) }
            let specific = matching.map(\.literalCount).max()
            let allowed = matching.filter { $0.literalCount == specific }.reduce(into: Set<HTTPRequest.Method>()) { $0.formUnion($1.methods) }
            guard !allowed.isEmpty, !allowed.contains(request.method) else { throw error }
            throw MethodNotAllowed(allowed: allowed.map(\.rawValue).sorted())
        }
    }
}

/// The path exists, but not with this method; the envelope answers 405 with `Allow` (JSON or an HTML page).
public struct MethodNotAllowed: Error, Sendable {
    /// The methods the path accepts, sorted.
    public let allowed: [String]

    /// The error the client sees.
    public var appError: AppError {
        AppError(status: 405, code: "method_not_allowed", message: "This address accepts \(allowed.joined(separator: ", ")).")
    }
}
