import LyceumPlatform

/// Chat's tables (Realtime's versions 500–599). Users, courses and groups are referenced by id only.
///
/// A room's `last_seq` is the position of its newest stored event; every change to the room bumps it in the
/// transaction that writes the change and the event (`chat_room_events`), so the log has no gaps and a
/// client resumes from the last `seq` it saw.
enum ChatMigrations {
    static let all: [Migration] = [
        Migration(version: 500, name: "create_chat") { engine in
            let timestamp = ColumnType.timestamp(engine)
            return [
                // `scope_id` is the course or group id, or for a direct conversation the digest of its member set,
                // so one set of people has one conversation even when two of them open it at once.
                """
                CREATE TABLE chat_rooms (
                    id TEXT PRIMARY KEY,
                    kind TEXT NOT NULL CHECK (kind IN ('course', 'group', 'direct')),
                    scope_id TEXT NOT NULL,
                    last_seq BIGINT NOT NULL DEFAULT 0,
                    created_by TEXT,
                    created_at \(timestamp) NOT NULL,
                    UNIQUE (kind, scope_id)
                )
                """,
                """
                CREATE TABLE chat_room_members (
                    room_id TEXT NOT NULL REFERENCES chat_rooms (id) ON DELETE CASCADE,
                    user_id TEXT NOT NULL,
                    joined_at \(timestamp) NOT NULL,
                    PRIMARY KEY (room_id, user_id)
                )
                """,
                "CREATE INDEX chat_room_members_user ON chat_room_members (user_id)",
                """
                CREATE TABLE chat_messages (
                    id TEXT PRIMARY KEY,
                    room_id TEXT NOT NULL REFERENCES chat_rooms (id) ON DELETE CASCADE,
                    seq BIGINT NOT NULL,
                    author_id TEXT NOT NULL,
                    body TEXT NOT NULL,
                    body_html TEXT NOT NULL,
                    reply_to TEXT,
                    created_at \(timestamp) NOT NULL,
                    edited_at \(timestamp),
                    deleted_at \(timestamp),
                    UNIQUE (room_id, seq)
                )
                """,
                """
                CREATE TABLE chat_reactions (
                    message_id TEXT NOT NULL REFERENCES chat_messages (id) ON DELETE CASCADE,
                    user_id TEXT NOT NULL,
                    emoji TEXT NOT NULL,
                    created_at \(timestamp) NOT NULL,
                    PRIMARY KEY (message_id, user_id, emoji)
                )
                """,
                """
                CREATE TABLE chat_read_marks (
                    room_id TEXT NOT NULL REFERENCES chat_rooms (id) ON DELETE CASCADE,
                    user_id TEXT NOT NULL,
                    last_read_seq BIGINT NOT NULL,
                    PRIMARY KEY (room_id, user_id)
                )
                """,
                """
                CREATE TABLE chat_mutes (
                    room_id TEXT NOT NULL REFERENCES chat_rooms (id) ON DELETE CASCADE,
                    user_id TEXT NOT NULL,
                    muted_by TEXT NOT NULL,
                    created_at \(timestamp) NOT NULL,
                    PRIMARY KEY (room_id, user_id)
                )
                """,
                """
                CREATE TABLE chat_room_events (
                    room_id TEXT NOT NULL REFERENCES chat_rooms (id) ON DELETE CASCADE,
                    seq BIGINT NOT NULL,
                    frame TEXT NOT NULL,
                    created_at \(timestamp) NOT NULL,
                    PRIMARY KEY (room_id, seq)
                )
                """,
            ]
        },
        // The message a stored event is about, so editing or deleting a message can rewrite the frames that
        // carry its text: a resume replays the current text, never a deleted or replaced one.
        Migration(version: 501, name: "chat_room_events_message") { _ in
            [
                "ALTER TABLE chat_room_events ADD COLUMN message_id TEXT",
                "CREATE INDEX chat_room_events_message ON chat_room_events (room_id, message_id)",
            ]
        },
        // Files on messages: uploads are Media's, referenced by id only; `UploadDeleted` removes their rows.
        Migration(version: 502, name: "create_chat_message_attachments") { _ in
            [
                """
                CREATE TABLE chat_message_attachments (
                    message_id TEXT NOT NULL REFERENCES chat_messages (id) ON DELETE CASCADE,
                    upload_id TEXT NOT NULL,
                    position INTEGER NOT NULL,
                    filename TEXT NOT NULL,
                    size BIGINT NOT NULL,
                    content_type TEXT NOT NULL,
                    PRIMARY KEY (message_id, upload_id)
                )
                """,
                "CREATE INDEX chat_message_attachments_upload ON chat_message_attachments (upload_id)",
            ]
        },
    ]
}
