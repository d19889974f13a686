import LyceumContracts
import SQLKit

/// SQL for per-kind channel choices and the switch for all non-essential email. A kind without a row, and a
/// channel stored as NULL (rows saved before email existed), takes the kind's default.
enum NotificationPreferenceStore {
    /// Each of `userIDs`' channels for `kind` (defaults for users who never chose).
    static func channels(for kind: NotificationKind, among userIDs: [String], on sql: any SQLDatabase) async throws
        -> [String: NotificationChannels]
    {
        guard !userIDs.isEmpty else { return [:] }
        let defaults = NotificationChannels.defaults(for: kind)
        let rows = try await sql.select().columns("user_id", "in_app", "email", "digest").from("notification_preferences")
            .where("kind", .equal, kind.rawValue).where("user_id", .in, userIDs).all()
        var chosen: [String: NotificationChannels] = [:]
        for row in rows {
            chosen[try row.decode(column: "user_id", as: String.self)] = try channels(row, defaults: defaults)
        }
        return Dictionary(uniqueKeysWithValues: userIDs.map { ($0, chosen[$0] ?? defaults) })
    }

    /// Every kind's channels for each of `userIDs`: one query for all of them.
    static func allChannels(among userIDs: [String], on sql: any SQLDatabase) async throws -> [String: [NotificationKind: NotificationChannels]] {
        guard !userIDs.isEmpty else { return [:] }
        let rows = try await sql.select().columns("user_id", "kind", "in_app", "email", "digest").from("notification_preferences")
            .where("user_id", .in, userIDs).all()
        var chosen: [String: [NotificationKind: NotificationChannels]] = [:]
        for row in rows {
            guard let kind = NotificationKind(rawValue: try row.decode(column: "kind", as: String.self)) else { continue }
            chosen[try row.decode(column: "user_id", as: String.self), default: [:]][kind] = try channels(row, defaults: .defaults(for: kind))
        }
        return Dictionary(uniqueKeysWithValues: userIDs.map { user in
            (user, Dictionary(uniqueKeysWithValues: NotificationKind.allCases.map { ($0, chosen[user]?[$0] ?? .defaults(for: $0)) }))
        })
    }

    /// Stores `channels` for each kind, replacing the user's earlier choice for it.
    static func save(_ choices: [NotificationKind: NotificationChannels], userID: String, on sql: any SQLDatabase) async throws {
        guard !choices.isEmpty else { return }
        var insert = sql.insert(into: "notification_preferences").columns("user_id", "kind", "in_app", "email", "digest")
        for kind in NotificationKind.allCases {
            guard let channels = choices[kind] else { continue }
            insert = insert.values(
                SQLBind(userID), SQLBind(kind.rawValue), SQLBind(channels.inApp), SQLBind(channels.email), SQLBind(channels.digest)
            )
        }
        try await insert.onConflict(with: ["user_id", "kind"]) {
            $0.set(excludedValueOf: "in_app").set(excludedValueOf: "email").set(excludedValueOf: "digest")
        }.run()
    }

    /// Which of `userIDs` switched off all non-essential email.
    static func nonEssentialEmailOff(among userIDs: [String], on sql: any SQLDatabase) async throws -> Set<String> {
        guard !userIDs.isEmpty else { return [] }
        let rows = try await sql.select().column("user_id").from("notification_email_settings")
            .where("user_id", .in, userIDs).where("non_essential_off", .equal, true).all()
        return Set(try rows.map { try $0.decode(column: "user_id", as: String.self) })
    }

    /// Sets the user's switch for all non-essential email.
    static func setNonEssentialEmailOff(_ off: Bool, userID: String, on sql: any SQLDatabase) async throws {
        try await sql.insert(into: "notification_email_settings").columns("user_id", "non_essential_off")
            .values(SQLBind(userID), SQLBind(off))
            .onConflict(with: ["user_id"]) { $0.set(excludedValueOf: "non_essential_off") }.run()
    }

    private static func channels(_ row: any SQLRow, defaults: NotificationChannels) throws -> NotificationChannels {
        NotificationChannels(
            inApp: try row.decode(column: "in_app", as: Bool.self),
            email: try row.decode(column: "email", as: Bool?.self) ?? defaults.email,
            digest: try row.decode(column: "digest", as: Bool?.self) ?? defaults.digest
        )
    }
}
