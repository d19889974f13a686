import LyceumContracts
import SQLKit

/// SQL for per-kind preferences. A kind without a row is on.
enum NotificationPreferenceStore {
    /// The kinds the user switched off.
    static func switchedOff(userID: String, on sql: any SQLDatabase) async throws -> Set<NotificationKind> {
        let rows = try await sql.select().column("kind").from("notification_preferences")
            .where("user_id", .equal, userID).where("in_app", .equal, false).all()
        return Set(try rows.compactMap { NotificationKind(rawValue: try $0.decode(column: "kind", as: String.self)) })
    }

    /// Which of `userIDs` switched `kind` off.
    static func usersWithKindOff(_ kind: NotificationKind, among userIDs: [String], on sql: any SQLDatabase) async throws -> Set<String> {
        guard !userIDs.isEmpty else { return [] }
        let rows = try await sql.select().column("user_id").from("notification_preferences")
            .where("kind", .equal, kind.rawValue).where("in_app", .equal, false).where("user_id", .in, userIDs).all()
        return Set(try rows.map { try $0.decode(column: "user_id", as: String.self) })
    }

    /// Stores each preference, replacing the user's earlier choice for its kind.
    static func save(_ preferences: [NotificationPreference], userID: String, on sql: any SQLDatabase) async throws {
        guard !preferences.isEmpty else { return }
        var insert = sql.insert(into: "notification_preferences").columns("user_id", "kind", "in_app")
        for preference in preferences {
            insert = insert.values(SQLBind(userID), SQLBind(preference.kind.rawValue), SQLBind(preference.inApp))
        }
        try await insert.onConflict(with: ["user_id", "kind"]) { $0.set(excludedValueOf: "in_app") }.run()
    }
}
