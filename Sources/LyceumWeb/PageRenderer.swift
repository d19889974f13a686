import LyceumContracts
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import LyceumCore
import LyceumHTTP
import Mustache

/// Renders server-side pages inside the shared layout, from templates the modules contribute.
public struct PageRenderer: Sendable {
    private let library: MustacheLibrary
    private let stylesheetURL: String
    private let scriptURL: String
    private let signedInScripts: [String]
    private let iconURL: String
    private let assets: StaticAssets

    /// Parses the layout and every module's templates once.
    /// - Throws: when a template does not parse, or two modules register the same name.
    public init(templates: [PageTemplate], assets: StaticAssets) throws {
        var library = MustacheLibrary()
        var names: Set<String> = []
        for template in LayoutTemplates.all + templates {
            guard names.insert(template.name).inserted else {
                throw PageTemplateError(message: "Two templates are named \(template.name).")
            }
            try library.register(template.text, named: template.name)
        }
        self.library = library
        self.stylesheetURL = assets.url("app.css")
        self.scriptURL = assets.url("app.js")
        self.signedInScripts = assets.signedInScripts
        self.iconURL = assets.url("icon.svg")
        self.assets = assets
    }

    /// The versioned URL of the static asset `name` (a module's page script), for a page to load.
    public func assetURL(_ name: String) -> String {
        assets.url(name)
    }

    /// Renders `page` as an HTML response (no caching; the security headers come from the web layer).
    /// - Throws: a 500 when the template is missing, so a broken page never answers an empty 200.
    public func render<Content>(
        _ page: Page<Content>, context: AppRequestContext, status: HTTPResponse.Status = .ok
    ) throws(AppError) -> Response {
        Self.html(try html(page, context: context), status: status)
    }

    /// The HTML of `page` in the layout, with the viewer and CSRF token of `context`.
    public func html<Content>(_ page: Page<Content>, context: AppRequestContext) throws(AppError) -> String {
        let viewer = context.principal.map { principal in
            LayoutScope.Viewer(
                displayName: context.displayName ?? "Your profile", avatar: context.avatarPath, isAdmin: principal.role == .admin,
                teaches: principal.role >= .instructor
            )
        }
        let layout = LayoutScope(
            title: page.title, stylesheet: stylesheetURL, script: scriptURL, signedInScripts: signedInScripts, icon: iconURL, csrf: context.csrfToken,
            viewer: viewer, section: page.section, narrow: page.narrow, notice: page.notice, error: page.error
        )
        guard let html = library.render(PageValues.scope(layout: layout, content: page.content), withTemplate: page.template) else {
            context.logger.error("Page template is not registered", metadata: ["template": "\(page.template)"])
            throw AppError.internalError
        }
        return html
    }

    /// A page that is the same for every anonymous visitor, served from `cache` with an `ETag`. Such pages
    /// have no forms that post, so no CSRF token goes into the shared bytes.
    public func sharedPage(
        _ cache: any ResponseCache, key: String, request: Request, context: AppRequestContext,
        produce: () async throws -> (html: String, tags: Set<String>)
    ) async throws -> Response {
        try await cache.response(for: "page:\(key)", contentType: "text/html; charset=utf-8", request: request, context: context) {
            let page = try await produce()
            return CachedBody(ByteBuffer(string: page.html), tags: page.tags)
        }
    }

    /// An HTML error page for browsers: what happened in plain words, a link back to where the visitor came
    /// from (a same-site `Referer`, else the page above the one that failed), and Home.
    ///
    /// `PageErrorMiddleware` calls it with the signed-in viewer, so the header stays as it was. The envelope
    /// middleware calls it too, for errors no page middleware saw; its context has no session and no CSRF
    /// token, and a context without a CSRF token is always rendered signed out, because the header's sign-out
    /// form would carry an empty token.
    public func errorPage(_ error: AppError, request: Request, context: AppRequestContext) -> Response {
        let explanation = ErrorExplanation(error)
        let back = ErrorPageLinks.back(
            referer: request.headers[.referer], host: request.head.authority, path: request.uri.path
        )
        let signIn = error.status == 401
            ? Self.signInURL(returningTo: request.method == .get ? request.uri.description : back?.href ?? "/") : nil
        let content = ErrorContent(
            heading: explanation.heading, message: explanation.message, detail: explanation.detail, signIn: signIn, back: back
        )
        var viewerContext = context
        if context.csrfToken == nil { viewerContext.principal = nil }
        let page = Page("error", title: explanation.heading, content: content, narrow: true)
        let heading = SafeMarkdown.escape(explanation.heading)
        let html = (try? html(page, context: viewerContext)) ?? "<!doctype html><title>\(heading)</title><h1>\(heading)</h1>"
        var response = Self.html(html, status: HTTPResponse.Status(code: error.status))
        if let retryAfter = error.retryAfter { response.headers[.retryAfter] = String(retryAfter) }
        return response
    }

    /// A rendered page as an uncacheable HTML response.
    public static func html(_ html: String, status: HTTPResponse.Status) -> Response {
        Response(
            status: status, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(string: html))
        )
    }

    /// 303 See Other to `location`, the answer to a successful form post.
    public static func redirect(to location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location, .cacheControl: "no-store"])
    }

    /// A redirect to the sign-in page that comes back to `path` afterwards.
    public static func signIn(returningTo path: String) -> Response {
        redirect(to: signInURL(returningTo: path))
    }

    /// The sign-in page's address that comes back to `path` afterwards.
    public static func signInURL(returningTo path: String) -> String {
        var components = URLComponents()
        components.path = "/signin"
        components.queryItems = [URLQueryItem(name: "next", value: path)]
        return components.string ?? "/signin"
    }
}

/// A template set that cannot be used.
public struct PageTemplateError: Error, CustomStringConvertible {
    let message: String
    public var description: String { message }
}

struct ErrorContent: Sendable {
    let heading: String
    let message: String
    let detail: String?
    let signIn: String?
    let back: ErrorPageLinks.Link?
}

/// The values every page's layout shows.
struct LayoutScope {
    struct Viewer {
        let displayName: String
        /// The page path of the viewer's picture; their initials show when there is none.
        let avatar: String?
        let isAdmin: Bool
        let teaches: Bool

        /// The first letters of the first and last words of the name, upper-cased.
        var initials: String {
            let words = displayName.split(whereSeparator: \.isWhitespace)
            let letters = [words.first, words.count > 1 ? words.last : nil].compactMap { $0?.first.map(String.init) }
            return letters.joined().uppercased()
        }
    }

    let title: String
    let stylesheet: String
    let script: String
    /// The scripts loaded for signed-in viewers: the live client (which also drives the header's bell) and
    /// the modules' every-page scripts.
    let signedInScripts: [String]
    let icon: String
    let csrf: String?
    let viewer: Viewer?
    let section: NavigationSection?
    let narrow: Bool
    let notice: String?
    let error: String?

    /// The layout's values as the template reads them.
    var values: [String: Any] {
        var values: [String: Any] = [
            "title": title, "stylesheet": stylesheet, "script": script, "signedInScripts": signedInScripts, "icon": icon, "narrow": narrow,
            "nav": [
                "home": section == .home, "courses": section == .courses, "learning": section == .learning,
                "teach": section == .teach, "profile": section == .profile, "admin": section == .admin,
                "signin": section == .signin, "messages": section == .messages,
            ],
        ]
        if let csrf { values["csrf"] = csrf }
        if let viewer {
            var fields: [String: Any] = [
                "displayName": viewer.displayName, "initials": viewer.initials, "isAdmin": viewer.isAdmin, "teaches": viewer.teaches,
            ]
            if let avatar = viewer.avatar { fields["avatar"] = avatar }
            values["viewer"] = fields
        }
        if let notice { values["notice"] = notice }
        if let error { values["error"] = error }
        return values
    }
}

/// Turns a page's typed content into the dictionaries and arrays the template engine reads fastest, once per
/// render: each struct is reflected once (not once per `{{tag}}`), and absent optionals are left out, so a
/// template cannot render them.
enum PageValues {
    /// The layout's values with the content's on top (the content wins a name both have).
    static func scope<Content>(layout: LayoutScope, content: Content) -> [String: Any] {
        var values = layout.values
        if let fields = flatten(content) as? [String: Any] {
            values.merge(fields) { _, content in content }
        }
        return values
    }

    static func flatten(_ value: Any) -> Any? {
        switch value {
        case is String, is Int, is Bool, is Double, is [String: String]: return value
        default: break
        }
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional:
            guard let wrapped = mirror.children.first?.value else { return nil }
            return flatten(wrapped)
        case .collection, .set:
            return mirror.children.compactMap { flatten($0.value) }
        case .struct, .class:
            var fields: [String: Any] = [:]
            for child in mirror.children {
                guard let label = child.label, let field = flatten(child.value) else { continue }
                fields[label] = field
            }
            return fields
        default:
            return value
        }
    }
}
