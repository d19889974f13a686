import Hummingbird
import LyceumContracts
import LyceumCore
import LyceumHTTP

/// `/api/v1/me/notifications`: the caller's notifications, unread count, marking read and preferences.
struct NotificationsAPI: Sendable {
    let notifications: NotificationsService
    /// Most ids one request may mark read.
    static let idLimit = 100

    func addRoutes(to api: RouterGroup<AppRequestContext>) {
        api.get("me/notifications", use: list)
        api.get("me/notifications/unread-count", use: unreadCount)
        api.post("me/notifications/read", use: markRead)
        api.get("me/notifications/preferences", use: preferences)
        api.put("me/notifications/preferences", use: savePreferences)
    }

    /// `{"ids": [...]}` or `{"all": true}`.
    struct ReadBody: Decodable {
        let ids: [String]?
        let all: Bool?
    }

    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let query = request.uri.queryParameters
        let unreadOnly: Bool
        switch query.get("unread") {
        case nil, "false": unreadOnly = false
        case "true": unreadOnly = true
        default: throw AppError.badRequest("invalid_unread", "unread must be true or false.")
        }
        let limit = try PageLimit.parse(query.get("limit"))
        let cursor = try query.get("cursor").map { text throws(AppError) in try PageCursor(decoding: text) }
        let page = try await notifications.list(principal, unreadOnly: unreadOnly, limit: limit, cursor: cursor)
        return JSONResponse.write(NotificationPageView(page))
    }

    @Sendable func unreadCount(_ request: Request, context: AppRequestContext) async throws -> Response {
        let count = try await notifications.unreadCount(try context.requirePrincipal())
        return JSONResponse.write(NotificationUnreadView(unreadCount: count))
    }

    @Sendable func markRead(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let body = try await request.decodeJSON(ReadBody.self, context: context)
        let selection = try Self.selection(body)
        let unread = try await notifications.markRead(principal, selection)
        return JSONResponse.write(NotificationUnreadView(unreadCount: unread))
    }

    @Sendable func preferences(_ request: Request, context: AppRequestContext) async throws -> Response {
        let settings = try await notifications.settings(try context.requirePrincipal())
        return try JSONResponse.encode(NotificationPreferencesView(settings))
    }

    @Sendable func savePreferences(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let body = try await request.decodeJSON(NotificationPreferencesChangeBody.self, context: context)
        let changes = try Self.changes(body)
        let saved = try await notifications.saveSettings(principal, changes, nonEssentialEmailOff: body.nonEssentialEmailOff)
        return try JSONResponse.encode(NotificationPreferencesView(saved))
    }

    /// The body's changes: at most 50, each naming at least one channel, and the body changing something.
    static func changes(_ body: NotificationPreferencesChangeBody) throws(AppError) -> [NotificationPreferenceChange] {
        let items = body.preferences ?? []
        guard body.preferences != nil || body.nonEssentialEmailOff != nil else {
            throw AppError.validation(["preferences": "send preferences, nonEssentialEmailOff or both"])
        }
        guard items.count <= 50 else {
            throw AppError.validation(["preferences": "must list at most 50 choices"])
        }
        guard items.allSatisfy({ $0.inApp != nil || $0.email != nil || $0.digest != nil }) else {
            throw AppError.validation(["preferences": "each choice names inApp, email or digest"])
        }
        return items.map { NotificationPreferenceChange(kind: $0.kind, inApp: $0.inApp, email: $0.email, digest: $0.digest) }
    }

    /// Exactly one of a non-empty list of ids or `"all": true`.
    static func selection(_ body: ReadBody) throws(AppError) -> NotificationSelection {
        switch (body.ids, body.all) {
        case (nil, true?):
            return .all
        case (let ids?, nil), (let ids?, false?):
            guard !ids.isEmpty, ids.count <= idLimit else {
                throw AppError.validation(["ids": "must list 1 to \(idLimit) notification ids"])
            }
            guard ids.allSatisfy({ !$0.isEmpty && $0.count <= 64 }) else {
                throw AppError.validation(["ids": "must be notification ids"])
            }
            return .ids(ids)
        case (nil, _):
            throw AppError.validation(["ids": "send ids, or all set to true"])
        case (_?, true?):
            throw AppError.validation(["all": "send either ids or all, not both"])
        }
    }
}
