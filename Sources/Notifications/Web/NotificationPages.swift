import Foundation
import Hummingbird
import LyceumContracts
import LyceumCore
import LyceumHTTP
import LyceumWeb

/// The notifications pages, and the session-authenticated count the header's bell reads.
struct NotificationPages: Sendable {
    typealias Content = NotificationPageContent
    let notifications: NotificationsService
    let renderer: PageRenderer

    func addRoutes(to pages: RouterGroup<AppRequestContext>) {
        pages.get("notifications", use: list)
        pages.post("notifications/read", use: markRead)
        pages.get("notifications/unread-count", use: unreadCount)
        pages.get("notifications/preferences", use: preferences)
        pages.post("notifications/preferences", use: savePreferences)
    }

    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard context.principal != nil else { return PageRenderer.signIn(returningTo: request.uri.description) }
        let query = request.uri.queryParameters
        let unreadOnly = query.get("unread") == "true"
        let cursor = try query.get("cursor").flatMap { $0.isEmpty ? nil : $0 }.map { text throws(AppError) in try PageCursor(decoding: text) }
        let page = try await notifications.list(context.principal, unreadOnly: unreadOnly, limit: PageLimit.defaultSize, cursor: cursor)
        let items = page.items.map { item in
            Content.List.Item(
                id: item.id, title: item.title, body: item.body.isEmpty ? nil : item.body, link: item.link,
                date: PageFormat.date(item.createdAt), unread: item.readAt == nil
            )
        }
        let next = page.nextCursor.map { cursor in
            var components = URLComponents()
            components.path = "/notifications"
            components.queryItems = (unreadOnly ? [URLQueryItem(name: "unread", value: "true")] : []) + [URLQueryItem(name: "cursor", value: cursor)]
            return components.string ?? "/notifications"
        }
        let content = Content.List(items: items, unreadOnly: unreadOnly, hasUnread: items.contains(where: \.unread), nextURL: next)
        return try renderer.render(Page("notifications", title: "Notifications", content: content), context: context)
    }

    /// Marks one notification (`id`) or all of them (`all=yes`) read and returns to the list.
    @Sendable func markRead(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard context.principal != nil else { return PageRenderer.signIn(returningTo: "/notifications") }
        let form = try context.submittedForm()
        if form["all"] == "yes" {
            _ = try await notifications.markRead(context.principal, .all)
        } else if let id = form.nonEmpty("id") {
            _ = try await notifications.markRead(context.principal, .ids([id]))
        }
        return PageRenderer.redirect(to: "/notifications")
    }

    /// `{"unreadCount": N}` for the bell's script: the session cookie authenticates it, like the pages.
    @Sendable func unreadCount(_ request: Request, context: AppRequestContext) async throws -> Response {
        let count = try await notifications.unreadCount(try context.requirePrincipal())
        return JSONResponse.write(NotificationUnreadView(unreadCount: count))
    }

    @Sendable func preferences(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard context.principal != nil else { return PageRenderer.signIn(returningTo: "/notifications/preferences") }
        let saved = request.uri.queryParameters.get("saved") == "1"
        return try await preferencesPage(context: context, notice: saved ? "Saved your notification preferences." : nil)
    }

    /// Every kind's every channel is saved: a checked box (`inApp.<kind>`, `email.<kind>`, `digest.<kind>`) is
    /// on, an unchecked one (absent from the form) is off; so is the switch for all non-essential email.
    @Sendable func savePreferences(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard context.principal != nil else { return PageRenderer.signIn(returningTo: "/notifications/preferences") }
        let form = try context.submittedForm()
        let changes = NotificationKind.allCases.map {
            NotificationPreferenceChange(
                kind: $0, inApp: form.has("inApp.\($0.rawValue)"), email: form.has("email.\($0.rawValue)"), digest: form.has("digest.\($0.rawValue)")
            )
        }
        _ = try await notifications.saveSettings(context.principal, changes, nonEssentialEmailOff: form.has("nonEssentialEmailOff"))
        return PageRenderer.redirect(to: "/notifications/preferences?saved=1")
    }

    private func preferencesPage(context: AppRequestContext, notice: String?) async throws -> Response {
        let settings = try await notifications.settings(context.principal)
        let choices = settings.preferences.map {
            Content.Preferences.Choice(kind: $0.kind.rawValue, label: Content.label($0.kind), inApp: $0.inApp, email: $0.email, digest: $0.digest,
                emailOnly: NotificationChannels.isEmailOnly($0.kind)
            )
        }
        let page = Page(
            "notification-preferences", title: "Notification preferences",
            content: Content.Preferences(choices: choices, nonEssentialEmailOff: settings.nonEssentialEmailOff), notice: notice
        )
        return try renderer.render(page, context: context)
    }
}
