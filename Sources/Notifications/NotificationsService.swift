import Foundation
import Logging
import LyceumContracts
import LyceumCore
import LyceumPlatform

/// The Notifications domain: creates one notification per recipient for every request other domains
/// publish, and lets each user read, count and mark their own notifications and choose which kinds they get.
///
/// Every read and change is scoped to the caller's own notifications: another user's notification is
/// indistinguishable from one that does not exist (404).
public struct NotificationsService: Sendable {
    let database: any Database
    let clock: WallClock
    let pubSub: any PubSub
    let logger: Logger

    /// Creates the service.
    public init(database: any Database, clock: WallClock, pubSub: any PubSub, logger: Logger) {
        self.database = database
        self.clock = clock
        self.pubSub = pubSub
        self.logger = logger
    }

    /// The caller's notifications, newest first, `limit` per page; only unread ones with `unreadOnly`.
    public func list(_ principal: Principal?, unreadOnly: Bool, limit: Int, cursor: PageCursor?) async throws -> NotificationPage {
        let caller = try Self.caller(principal)
        let rows = try await database.read { sql in
            try await NotificationStore.list(recipientID: caller.userID, unreadOnly: unreadOnly, after: cursor, limit: limit, on: sql)
        }
        let items = Array(rows.prefix(limit))
        let next = rows.count > limit ? items.last.map { PageCursor(createdAt: $0.createdAt, id: $0.id).encoded } : nil
        return NotificationPage(items: items, nextCursor: next)
    }

    /// How many unread notifications the caller has.
    public func unreadCount(_ principal: Principal?) async throws -> Int {
        let caller = try Self.caller(principal)
        return try await database.read { sql in try await NotificationStore.unreadCount(recipientID: caller.userID, on: sql) }
    }

    /// Marks the selected notifications of the caller read and returns how many stay unread.
    /// - Throws: 404 when an id is not one of the caller's notifications (nothing is marked then).
    public func markRead(_ principal: Principal?, _ selection: NotificationSelection) async throws -> Int {
        let caller = try Self.caller(principal)
        let now = clock.nowForStorage()
        return try await database.transaction { sql in
            switch selection {
            case .all:
                try await NotificationStore.markAllRead(recipientID: caller.userID, at: now, on: sql)
            case .ids(let ids):
                let wanted = Set(ids)
                let marked = try await NotificationStore.markRead(ids: Array(wanted), recipientID: caller.userID, at: now, on: sql)
                guard marked.count == wanted.count else { throw AppError.notFound("notification") }
            }
            return try await NotificationStore.unreadCount(recipientID: caller.userID, on: sql)
        }
    }

    /// The caller's choice for every kind, in the order of `NotificationKind.allCases`.
    public func preferences(_ principal: Principal?) async throws -> [NotificationPreference] {
        let caller = try Self.caller(principal)
        let off = try await database.read { sql in try await NotificationPreferenceStore.switchedOff(userID: caller.userID, on: sql) }
        return NotificationKind.allCases.map { NotificationPreference(kind: $0, inApp: !off.contains($0)) }
    }

    /// Stores the caller's choices for the kinds named (others keep theirs) and returns every kind's choice.
    public func savePreferences(_ principal: Principal?, _ changes: [NotificationPreference]) async throws -> [NotificationPreference] {
        let caller = try Self.caller(principal)
        var latest: [NotificationKind: Bool] = [:]
        for change in changes { latest[change.kind] = change.inApp }
        let unique = NotificationKind.allCases.compactMap { kind in latest[kind].map { NotificationPreference(kind: kind, inApp: $0) } }
        try await database.transaction { sql in try await NotificationPreferenceStore.save(unique, userID: caller.userID, on: sql) }
        return try await preferences(caller)
    }

    static func caller(_ principal: Principal?) throws(AppError) -> Principal {
        guard let principal else { throw AppError.unauthenticated() }
        return principal
    }
}
