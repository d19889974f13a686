import LyceumPlatform

/// Calls' tables (Realtime's versions 510–519). Rooms are named by their id as clients see it
/// (`course-…`, `group-…`, `dm-…`); users by id only.
///
/// A room has at most one call without `ended_at` (a partial unique index), so two members starting a call at
/// once get one call and one `call_in_progress`. A participant row follows one user through the call:
/// `invited` (ringing), `joined` (holds a seat on `connection_id`, refreshed in `seen_at`), then `declined`,
/// `left` or `missed`.
enum CallMigrations {
    static let all: [Migration] = [
        Migration(version: 510, name: "create_calls") { engine in
            let timestamp = ColumnType.timestamp(engine)
            return [
                """
                CREATE TABLE calls (
                    id TEXT PRIMARY KEY,
                    room_id TEXT NOT NULL,
                    started_by TEXT NOT NULL,
                    started_at \(timestamp) NOT NULL,
                    ended_at \(timestamp),
                    end_reason TEXT
                )
                """,
                "CREATE UNIQUE INDEX calls_active_room ON calls (room_id) WHERE ended_at IS NULL",
                "CREATE INDEX calls_room_started ON calls (room_id, started_at)",
                """
                CREATE TABLE call_participants (
                    call_id TEXT NOT NULL REFERENCES calls (id) ON DELETE CASCADE,
                    user_id TEXT NOT NULL,
                    state TEXT NOT NULL CHECK (state IN ('invited', 'joined', 'declined', 'left', 'missed')),
                    invited_at \(timestamp),
                    joined_at \(timestamp),
                    left_at \(timestamp),
                    connection_id TEXT,
                    seen_at \(timestamp),
                    PRIMARY KEY (call_id, user_id)
                )
                """,
                "CREATE INDEX call_participants_seen ON call_participants (state, seen_at)",
            ]
        },
        // Signals too large for PostgreSQL's NOTIFY cross replicas by reference: the frame waits here a
        // minute for the recipient's replica to read it.
        Migration(version: 511, name: "create_call_signals") { engine in
            let timestamp = ColumnType.timestamp(engine)
            let id = engine == .postgres ? "BIGSERIAL PRIMARY KEY" : "INTEGER PRIMARY KEY AUTOINCREMENT"
            return [
                """
                CREATE TABLE call_signals (
                    id \(id),
                    call_id TEXT NOT NULL,
                    topic TEXT NOT NULL,
                    frame TEXT NOT NULL,
                    created_at \(timestamp) NOT NULL
                )
                """,
                "CREATE INDEX call_signals_created ON call_signals (created_at)",
            ]
        },
    ]
}
