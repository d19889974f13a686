import Foundation
import HTTPTypes
import Hummingbird
import LyceumCore
import Logging
import LyceumHTTP

/// Renders page errors with the visitor's session, so a signed-in user keeps the signed-in header.
///
/// The envelope middleware, outermost, sees a context without the session (the web session middleware runs
/// inside it), and the router's own 404 for an unknown address passes through no page group at all. This
/// middleware sits just inside the envelope: when a browser navigation fails with a client error, it signs the
/// request in from the session cookie (with `WebSessionMiddleware` itself, which also sets a new visitor's
/// CSRF cookie) and renders the error page. Server faults, `HEAD` requests, API paths and errors it cannot
/// name are thrown on to the envelope, which logs and answers them as before.
public struct PageErrorMiddleware: RouterMiddleware {
    public typealias Context = AppRequestContext

    private let renderer: PageRenderer
    private let session: WebSessionMiddleware

    /// Creates the middleware.
    /// - Parameters:
    ///   - renderer: renders the error page.
    ///   - session: signs the failed request in, as it does for pages.
    public init(renderer: PageRenderer, session: WebSessionMiddleware) {
        self.renderer = renderer
        self.session = session
    }

    public func handle(
        _ request: Request, context: AppRequestContext, next: (Request, AppRequestContext) async throws -> Response
    ) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            guard Self.isPageNavigation(request), let appError = Self.clientError(error) else { throw error }
            do {
                return try await session.handle(request, context: context) { request, context in
                    renderer.errorPage(appError, request: request, context: context)
                }
            } catch {
                context.logger.warning("The error page could not sign the request in", metadata: ["error": "\(String(reflecting: error))"])
                throw appError
            }
        }
    }

    /// A browser asking for a page (not the API, not health checks, not `HEAD`).
    static func isPageNavigation(_ request: Request) -> Bool {
        let path = request.uri.path
        return request.method != .head && !path.hasPrefix("/api/") && !path.hasPrefix("/health/")
            && request.headers[.accept]?.contains("text/html") == true
    }

    /// The client error `error` stands for, or `nil` for server faults and errors the envelope must answer.
    static func clientError(_ error: any Error) -> AppError? {
        switch error {
        case let error as AppError where (400..<500).contains(error.status): error
        case let error as HTTPError where error.status == .notFound: AppError.notFound("page")
        default: nil
        }
    }
}

/// What an error page says, in plain words.
struct ErrorExplanation {
    let heading: String
    let message: String
    let detail: String?

    init(_ error: AppError) {
        switch error.status {
        case 404:
            heading = "Page not found"
            let what = error.message.hasPrefix("No such ") ? String(error.message.dropFirst(8).dropLast()) : ""
            let thing = ["", "page", "route", "resource"].contains(what) ? "that page" : "that \(what)"
            message = "We could not find \(thing). It may have been moved or removed, or the address may be mistyped."
            detail = nil
        case 403:
            heading = "Not allowed"
            message = "You do not have access to this page with your account."
            detail = error.message == AppError.forbidden().message ? nil : error.message
        case 401:
            heading = "Please sign in"
            message = "You need to sign in to see this page."
            detail = error.message == AppError.unauthenticated().message ? nil : error.message
        case 409:
            heading = "That did not work"
            message = "Your change clashed with the current state of things, so nothing was changed."
            detail = error.message
        case 413:
            heading = "Too much data"
            message = "What you sent is larger than Lyceum accepts."
            detail = error.message
        case 429:
            heading = "Too many attempts"
            message = error.message
            detail = nil
        case 500...:
            heading = "Something went wrong"
            message = error.message
            detail = nil
        default:
            heading = "That did not work"
            message = error.message
            detail = error.fields.isEmpty
                ? nil : error.fields.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: "; ") + "."
        }
    }
}

/// Where an error page sends the visitor back to.
enum ErrorPageLinks {
    struct Link: Sendable, Equatable {
        let href: String
        let label: String
    }

    /// The page the visitor came from when `referer` is on this site (and is not the page that failed), else
    /// the page above `path` (the course of a lesson, the list of a detail page); `nil` when that is Home.
    static func back(referer: String?, host: String?, path: String) -> Link? {
        if let came = sameSitePath(referer, host: host), came.split(separator: "?").first.map(String.init) != path {
            return Link(href: came, label: label(for: came))
        }
        guard let parent = parent(of: path) else { return nil }
        return Link(href: parent, label: label(for: parent))
    }

    /// The path and query of `referer` when it is an absolute `http(s)` URL of this site (`host`), as browsers
    /// send it, and its path is one a sign-in `next` would accept.
    static func sameSitePath(_ referer: String?, host: String?) -> String? {
        guard let referer, let host, referer.utf8.count <= 1024, !referer.contains("\\"),
            let url = URLComponents(string: referer), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
            let refererHost = url.host, !refererHost.isEmpty, url.user == nil, url.password == nil
        else { return nil }
        let authority = url.port.map { "\(refererHost):\($0)" } ?? refererHost
        guard authority.lowercased() == host.lowercased() else { return nil }
        var local = url.percentEncodedPath
        if let query = url.percentEncodedQuery, !query.isEmpty { local += "?" + query }
        return isSafePath(local) ? local : nil
    }

    /// A path on this site: one leading `/`, no `//` or `\` that a browser would read as another host, no
    /// control characters or spaces.
    static func isSafePath(_ path: String) -> Bool {
        path.hasPrefix("/") && !path.hasPrefix("//") && path.utf8.count <= 512
            && !path.unicodeScalars.contains { $0.value < 0x21 || $0.value == 0x7F || $0 == "\\" }
    }

    /// The page above `path`: `/courses/s/lessons/x` → `/courses/s`, `/teach/courses/s/…` →
    /// `/teach/courses/s`, `/admin/users/id` → `/admin/users`, otherwise the path without its last segment.
    static func parent(of path: String) -> String? {
        let segments = path.split(separator: "/").map(String.init)
        let parent: [String]
        switch segments.count {
        case 0, 1: return nil
        case _ where segments[0] == "courses": parent = segments.count > 2 ? Array(segments.prefix(2)) : ["courses"]
        case _ where segments.starts(with: ["teach", "courses"]):
            parent = segments.count > 3 ? Array(segments.prefix(3)) : ["teach"]
        default: parent = Array(segments.dropLast())
        }
        let href = "/" + parent.joined(separator: "/")
        return href != "/" && isSafePath(href) ? href : nil
    }

    /// What a link to `path` is called.
    static func label(for path: String) -> String {
        let segments = (path.split(separator: "?").first ?? "").split(separator: "/").map(String.init)
        switch segments {
        case ["courses"]: return "Back to the courses"
        case _ where segments.count == 2 && segments[0] == "courses": return "Back to the course"
        case _ where segments.count == 3 && segments.starts(with: ["teach", "courses"]): return "Back to the course"
        case ["teach"]: return "Back to teaching"
        case ["learning"]: return "Back to my learning"
        case ["profile"]: return "Back to your profile"
        case ["admin", "users"]: return "Back to the users"
        case ["admin", "jobs"]: return "Back to the jobs"
        default: return "Back to the previous page"
        }
    }
}
