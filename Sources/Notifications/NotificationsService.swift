import Foundation
import Logging
import LyceumContracts
import LyceumCore
import LyceumPlatform
import LyceumWeb
import SQLKit

/// The Notifications domain: creates one notification per recipient for every request other domains
/// publish, emails it to those who want it, sends the weekly digest, and lets each user read, count and mark
/// their own notifications and choose which kinds reach them on which channel.
///
/// Every read and change is scoped to the caller's own notifications: another user's notification is
/// indistinguishable from one that does not exist (404).
public struct NotificationsService: Sendable {
    let database: any Database
    let clock: WallClock
    let pubSub: any PubSub
    let logger: Logger
    let jobs: JobQueue
    let users: any UserDirectory
    let mail: NotificationMail

    /// Creates the service; it reads recipients' addresses from `users`, composes email with `composer` and
    /// queues it on `jobs`, and signs unsubscribe links with `unsubscribe`.
    public init(
        database: any Database, clock: WallClock, pubSub: any PubSub, logger: Logger, jobs: JobQueue, users: any UserDirectory,
        composer: MailComposer, unsubscribe: UnsubscribeTokens
    ) {
        self.database = database
        self.clock = clock
        self.pubSub = pubSub
        self.logger = logger
        self.jobs = jobs
        self.users = users
        self.mail = NotificationMail(composer: composer, tokens: unsubscribe)
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

    /// The caller's channels for every kind, in the order of `NotificationKind.allCases`, and their switch
    /// for all non-essential email.
    public func settings(_ principal: Principal?) async throws -> NotificationSettings {
        let caller = try Self.caller(principal)
        return try await database.read { sql in try await Self.settings(userID: caller.userID, on: sql) }
    }

    /// Applies the caller's changes (kinds not named keep their channels, a kind named twice takes the last;
    /// `nonEssentialEmailOff` `nil` keeps the switch) and returns the settings after them.
    public func saveSettings(
        _ principal: Principal?, _ changes: [NotificationPreferenceChange], nonEssentialEmailOff: Bool?
    ) async throws -> NotificationSettings {
        let caller = try Self.caller(principal)
        return try await applySettings(userID: caller.userID, changes, nonEssentialEmailOff: nonEssentialEmailOff)
    }

    /// Applies changes to `userID`'s settings in one transaction and returns the settings after them. Changes
    /// to one user's settings take turns (a page save and a one-click unsubscribe at once), so neither undoes
    /// the other's channels.
    func applySettings(userID: String, _ changes: [NotificationPreferenceChange], nonEssentialEmailOff: Bool?) async throws
        -> NotificationSettings
    {
        let database = database
        return try await database.transaction { sql in
            try await database.lockUntilCommit(["notifications.preferences:\(userID)"], on: sql)
            let current = try await NotificationPreferenceStore.allChannels(among: [userID], on: sql)[userID] ?? [:]
            var updated: [NotificationKind: NotificationChannels] = [:]
            for change in changes {
                var channels = updated[change.kind] ?? current[change.kind] ?? .defaults(for: change.kind)
                if let inApp = change.inApp { channels.inApp = inApp }
                if let email = change.email { channels.email = email }
                if let digest = change.digest { channels.digest = digest }
                updated[change.kind] = channels
            }
            try await NotificationPreferenceStore.save(updated, userID: userID, on: sql)
            if let nonEssentialEmailOff {
                try await NotificationPreferenceStore.setNonEssentialEmailOff(nonEssentialEmailOff, userID: userID, on: sql)
            }
            return try await Self.settings(userID: userID, on: sql)
        }
    }

    static func settings(userID: String, on sql: any SQLDatabase) async throws -> NotificationSettings {
        let channels = try await NotificationPreferenceStore.allChannels(among: [userID], on: sql)[userID] ?? [:]
        let off = try await NotificationPreferenceStore.nonEssentialEmailOff(among: [userID], on: sql)
        return NotificationSettings(
            preferences: NotificationKind.allCases.map { NotificationPreference(kind: $0, channels: channels[$0] ?? .defaults(for: $0)) },
            nonEssentialEmailOff: off.contains(userID)
        )
    }

    static func caller(_ principal: Principal?) throws(AppError) -> Principal {
        guard let principal else { throw AppError.unauthenticated() }
        return principal
    }
}
