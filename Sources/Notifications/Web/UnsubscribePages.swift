import Hummingbird
import LyceumContracts
import LyceumCore
import LyceumHTTP
import LyceumWeb

/// `/unsubscribe/{token}`: the link in every non-essential email. `GET` shows what it would switch off and
/// changes nothing (mail scanners follow links); `POST` switches it off (RFC 8058 one-click: mail clients post
/// `List-Unsubscribe=One-Click`, and the page's button posts the same). Neither needs a session or a CSRF
/// token: the signed token is the authority, and a forged one answers 400 with nothing changed.
struct UnsubscribePages: Sendable {
    let notifications: NotificationsService
    let renderer: PageRenderer

    /// What the pages show.
    struct Content: Sendable {
        let token: String
        let what: String
        let done: Bool
    }

    func addRoutes(to root: RouterGroup<AppRequestContext>) {
        root.get("unsubscribe/:token", use: confirm)
        root.post("unsubscribe/:token", use: unsubscribe)
    }

    @Sendable func confirm(_ request: Request, context: AppRequestContext) async throws -> Response {
        let token = try context.parameters.require("token")
        let scope = try notifications.unsubscribeScope(token: token)
        let content = Content(token: token, what: Self.describe(scope), done: false)
        return try renderer.render(Page("unsubscribe", title: "Unsubscribe", content: content, narrow: true), context: context)
    }

    @Sendable func unsubscribe(_ request: Request, context: AppRequestContext) async throws -> Response {
        let token = try context.parameters.require("token")
        let scope = try await notifications.unsubscribe(token: token)
        let content = Content(token: token, what: Self.describe(scope), done: true)
        return try renderer.render(Page("unsubscribe", title: "Unsubscribed", content: content, narrow: true), context: context)
    }

    /// The email the scope names, completing "You will no longer get …".
    static func describe(_ scope: UnsubscribeScope) -> String {
        switch scope {
        case .kind(let kind): "emails about “\(NotificationPageContent.label(kind))”"
        case .digest: "the weekly digest of unread notifications"
        case .all: "any email except account and payment messages"
        }
    }
}

/// The unsubscribe page's template: the confirmation before, the result after.
enum UnsubscribeTemplates {
    static let all = [PageTemplate("unsubscribe", page)]

    static let page = """
        {{<layout}}
        {{$content}}
        {{#done}}
        <h1>You are unsubscribed</h1>
        <p class="card">You will no longer get {{what}}.</p>
        {{/done}}
        {{^done}}
        <h1>Unsubscribe</h1>
        <form method="post" action="/unsubscribe/{{token}}" class="card">
          <input type="hidden" name="List-Unsubscribe" value="One-Click">
          <p>You will no longer get {{what}}.</p>
          <button type="submit">Unsubscribe</button>
        </form>
        {{/done}}
        <p>Choose exactly which email you get on your <a href="/notifications/preferences">notification preferences</a> (you will be asked to sign in).</p>
        {{/content}}
        {{/layout}}
        """
}
