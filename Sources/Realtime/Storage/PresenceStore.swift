import Foundation
import LyceumCore
import SQLKit

/// SQL for presence: each replica's rows of connected users, and each user's announced status and last seen.
enum PresenceStore {
    /// One replica's row for a user.
    struct ReplicaRow: Sendable {
        let replicaID: String
        let counts: PresenceCounts
        let refreshedAt: Date
    }

    /// The user's announced status, locked for the rest of the transaction (the row lock makes changes to one
    /// user take turns across replicas on PostgreSQL; SQLite's single writer already does). A user never seen
    /// before gets a row, `offline` as of `now`.
    static func lockAnnounced(_ userID: String, now: Date, on sql: any SQLDatabase) async throws -> AnnouncedPresence {
        let row = try await sql.raw(
            """
            INSERT INTO user_last_seen (user_id, status, last_seen_at) VALUES (\(bind: userID), 'offline', \(bind: now))
            ON CONFLICT (user_id) DO UPDATE SET status = user_last_seen.status
            RETURNING status, last_seen_at
            """
        ).first()
        guard let row else { throw AppError.staleReference }
        return try announced(row)
    }

    /// Every replica's row for the user.
    static func rows(of userID: String, on sql: any SQLDatabase) async throws -> [ReplicaRow] {
        try await sql.select().columns("replica_id", "connections", "away_connections", "refreshed_at").from("realtime_presence")
            .where("user_id", .equal, userID).all()
            .map { row in
                ReplicaRow(
                    replicaID: try row.decode(column: "replica_id", as: String.self),
                    counts: PresenceCounts(
                        connections: try row.decode(column: "connections", as: Int.self),
                        away: try row.decode(column: "away_connections", as: Int.self)
                    ),
                    refreshedAt: try row.decode(column: "refreshed_at", as: Date.self)
                )
            }
    }

    /// Writes this replica's row for the user: its counts as of `now`, or no row without connections.
    static func write(_ counts: PresenceCounts, replicaID: String, userID: String, now: Date, on sql: any SQLDatabase) async throws {
        guard counts.connections > 0 else {
            try await sql.delete(from: "realtime_presence").where("replica_id", .equal, replicaID).where("user_id", .equal, userID).run()
            return
        }
        try await sql.raw(
            """
            INSERT INTO realtime_presence (replica_id, user_id, connections, away_connections, refreshed_at)
            VALUES (\(bind: replicaID), \(bind: userID), \(bind: counts.connections), \(bind: counts.away), \(bind: now))
            ON CONFLICT (replica_id, user_id) DO UPDATE SET connections = excluded.connections,
                away_connections = excluded.away_connections, refreshed_at = excluded.refreshed_at
            """
        ).run()
    }

    /// Deletes the user's rows of these (expired) replicas.
    static func delete(userID: String, replicaIDs: [String], on sql: any SQLDatabase) async throws {
        guard !replicaIDs.isEmpty else { return }
        try await sql.delete(from: "realtime_presence").where("user_id", .equal, userID).where("replica_id", .in, replicaIDs).run()
    }

    /// Records the status announced for the user and when they were last seen.
    static func announce(_ change: PresenceChange, on sql: any SQLDatabase) async throws {
        try await sql.update("user_last_seen").set("status", to: change.status.rawValue).set("last_seen_at", to: change.lastSeenAt)
            .where("user_id", .equal, change.userID).run()
    }

    /// Marks this replica's rows refreshed at `now`; returns how many it has.
    static func refresh(replicaID: String, now: Date, on sql: any SQLDatabase) async throws -> Int {
        try await sql.update("realtime_presence").set("refreshed_at", to: now).where("replica_id", .equal, replicaID).run()
        return try await sql.raw("SELECT COUNT(*) AS n FROM realtime_presence WHERE replica_id = \(bind: replicaID)").first()?
            .decode(column: "n", as: Int.self) ?? 0
    }

    /// The users whose status may be stale: those with another replica's row not refreshed since `cutoff`, and
    /// those announced online or away without any row left.
    static func sweepCandidates(before cutoff: Date, replicaID: String, on sql: any SQLDatabase) async throws -> [String] {
        try await sql.raw(
            """
            SELECT DISTINCT user_id FROM realtime_presence WHERE refreshed_at < \(bind: cutoff) AND replica_id <> \(bind: replicaID)
            UNION
            SELECT user_id FROM user_last_seen s WHERE s.status IN ('online', 'away')
                AND NOT EXISTS (SELECT 1 FROM realtime_presence p WHERE p.user_id = s.user_id)
            """
        ).all().map { try $0.decode(column: "user_id", as: String.self) }
    }

    /// The announced status of each of these users that was ever seen.
    static func announced(userIDs: [String], on sql: any SQLDatabase) async throws -> [String: AnnouncedPresence] {
        var result: [String: AnnouncedPresence] = [:]
        for chunk in stride(from: 0, to: userIDs.count, by: 500).map({ Array(userIDs[$0..<min($0 + 500, userIDs.count)]) }) {
            for row in try await sql.select().columns("user_id", "status", "last_seen_at").from("user_last_seen")
                .where("user_id", .in, chunk).all()
            {
                result[try row.decode(column: "user_id", as: String.self)] = try announced(row)
            }
        }
        return result
    }

    private static func announced(_ row: any SQLRow) throws -> AnnouncedPresence {
        AnnouncedPresence(
            status: PresenceStatus(rawValue: try row.decode(column: "status", as: String.self)) ?? .offline,
            lastSeenAt: try row.decode(column: "last_seen_at", as: Date.self)
        )
    }
}
