import Foundation
import HTTPTypes
import Hummingbird
import Identity
import LyceumCore
import LyceumHTTP
import Mustache

/// Renders the server-side pages with the shared layout.
struct PageRenderer: Sendable {
    private let library: MustacheLibrary
    private let stylesheetURL: String
    private let scriptURL: String

    init(assets: StaticAssets) throws {
        var library = MustacheLibrary()
        let templates: [(String, String)] = [
            ("layout", LayoutTemplates.layout),
            ("error", LayoutTemplates.errorPage),
            ("home", AccountTemplates.home),
            ("signup", AccountTemplates.signUp),
            ("signin", AccountTemplates.signIn),
            ("verify-email", AccountTemplates.verifyEmail),
            ("reset-request", AccountTemplates.resetRequest),
            ("reset-confirm", AccountTemplates.resetConfirm),
            ("profile", ProfileTemplates.profile),
            ("admin-users", ProfileTemplates.adminUsers),
            ("catalog", CourseTemplates.catalog),
            ("course", CourseTemplates.course),
            ("lesson", CourseTemplates.lesson),
            ("quiz", CourseTemplates.quiz),
            ("attempt", CourseTemplates.attempt),
            ("learning", CourseTemplates.learning),
            ("certificate", CourseTemplates.certificate),
            ("teach", TeachTemplates.dashboard),
            ("teach-editor", TeachTemplates.editor),
            ("teach-roster", TeachTemplates.roster),
            ("teach-gradebook", TeachTemplates.gradebook),
        ]
        for (name, text) in templates {
            try library.register(text, named: name)
        }
        self.library = library
        self.stylesheetURL = assets.url("app.css")
        self.scriptURL = assets.url("app.js")
    }

    /// Renders `template` with the layout's common values (title, viewer, CSRF token) plus `values`.
    func render(
        _ template: String, title: String, viewer: User?, context: AppRequestContext, values: [String: Any] = [:],
        status: HTTPResponse.Status = .ok
    ) -> Response {
        Self.html(html(template, title: title, viewer: viewer, context: context, values: values), status: status)
    }

    /// A page that is the same for every anonymous visitor, served from `cache`. Such pages must not contain
    /// the CSRF token (they have no forms that post).
    func sharedPage(
        _ cache: ResponseCache, key: String, request: Request, produce: () async throws -> String
    ) async throws -> Response {
        var response = try await cache.response(for: "page:\(key)", contentType: "text/html; charset=utf-8", request: request) {
            ByteBuffer(string: try await produce())
        }
        for field in Self.securityHeaders { response.headers.append(field) }
        return response
    }

    /// The HTML of `template` with the layout's common values plus `values`.
    func html(_ template: String, title: String, viewer: User?, context: AppRequestContext, values: [String: Any] = [:]) -> String {
        var all = values
        all["title"] = title
        all["stylesheet"] = stylesheetURL
        all["script"] = scriptURL
        all["csrf"] = context.csrfToken ?? ""
        if let viewer {
            all["viewer"] = ["displayName": viewer.displayName, "isAdmin": viewer.role == .admin]
            all["teaches"] = viewer.role >= .instructor
        }
        return library.render(all, withTemplate: template) ?? ""
    }

    /// An HTML error page for browsers; used by the envelope middleware for non-API paths.
    func errorPage(_ error: AppError, context: AppRequestContext) -> Response {
        let heading: String
        switch error.status {
        case 404: heading = "Page not found"
        case 403: heading = "Not allowed"
        case 401: heading = "Please sign in"
        case 413: heading = "Too much data"
        case 500...: heading = "Something went wrong"
        default: heading = "That did not work"
        }
        return render(
            "error", title: heading, viewer: nil, context: context,
            values: ["heading": heading, "message": error.message, "narrow": true],
            status: HTTPResponse.Status(code: error.status)
        )
    }

    static let securityHeaders: HTTPFields = [
        .contentSecurityPolicy: "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'; form-action 'self'",
        .xContentTypeOptions: "nosniff",
        HTTPField.Name("Referrer-Policy")!: "same-origin",
    ]

    static func html(_ html: String, status: HTTPResponse.Status) -> Response {
        var headers: HTTPFields = [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"]
        headers.append(contentsOf: securityHeaders)
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    /// A rendered page as a response.
    func html(_ html: String, status: HTTPResponse.Status) -> Response { Self.html(html, status: status) }

    /// 303 See Other to `location`, the answer to a successful form post.
    static func redirect(to location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location, .cacheControl: "no-store"])
    }
}
