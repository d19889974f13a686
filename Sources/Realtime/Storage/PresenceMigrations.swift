import LyceumPlatform

/// Presence's tables (Realtime's versions 520–539). Users are referenced by id only.
///
/// `realtime_presence` holds one row per replica and connected user: how many of the user's connections that
/// replica holds and how many of those are away. Each replica refreshes `refreshed_at` on its rows every
/// heartbeat; a row not refreshed within the expiry belongs to a replica that is gone and is swept.
/// `user_last_seen` holds the status last announced for a user (changes are decided against it, under its
/// row lock, so one transition is announced once however many replicas see it) and when they were last seen.
enum PresenceMigrations {
    static let all: [Migration] = [
        Migration(version: 520, name: "create_presence") { engine in
            let timestamp = ColumnType.timestamp(engine)
            return [
                """
                CREATE TABLE realtime_presence (
                    replica_id TEXT NOT NULL,
                    user_id TEXT NOT NULL,
                    connections INTEGER NOT NULL CHECK (connections > 0),
                    away_connections INTEGER NOT NULL CHECK (away_connections BETWEEN 0 AND connections),
                    refreshed_at \(timestamp) NOT NULL,
                    PRIMARY KEY (replica_id, user_id)
                )
                """,
                "CREATE INDEX realtime_presence_user ON realtime_presence (user_id)",
                "CREATE INDEX realtime_presence_refreshed ON realtime_presence (refreshed_at)",
                """
                CREATE TABLE user_last_seen (
                    user_id TEXT PRIMARY KEY,
                    status TEXT NOT NULL CHECK (status IN ('online', 'away', 'offline')),
                    last_seen_at \(timestamp) NOT NULL
                )
                """,
                "CREATE INDEX user_last_seen_status ON user_last_seen (status)",
            ]
        }
    ]
}
