import LyceumPlatform

/// Identity's tables (versions 100–199).
public enum IdentityMigrations {
    /// Every Identity migration, in order.
    public static let all: [Migration] = [
        Migration(version: 100, name: "create_users_sessions_tokens") { engine in
            let timestamp = ColumnType.timestamp(engine)
            let boolean = ColumnType.boolean(engine)
            return [
                """
                CREATE TABLE users (
                    id TEXT PRIMARY KEY,
                    email TEXT NOT NULL UNIQUE,
                    display_name TEXT NOT NULL,
                    search_text TEXT NOT NULL,
                    role TEXT NOT NULL CHECK (role IN ('student', 'instructor', 'admin')),
                    active \(boolean) NOT NULL,
                    email_verified \(boolean) NOT NULL,
                    password_hash TEXT NOT NULL,
                    bio TEXT,
                    created_at \(timestamp) NOT NULL,
                    updated_at \(timestamp) NOT NULL
                )
                """,
                "CREATE INDEX users_created ON users (created_at, id)",
                """
                CREATE TABLE sessions (
                    id TEXT PRIMARY KEY,
                    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
                    kind TEXT NOT NULL CHECK (kind IN ('api', 'web')),
                    web_token_hash TEXT UNIQUE,
                    created_at \(timestamp) NOT NULL,
                    expires_at \(timestamp) NOT NULL,
                    revoked_at \(timestamp),
                    revoked_reason TEXT
                )
                """,
                "CREATE INDEX sessions_user ON sessions (user_id)",
                """
                CREATE TABLE refresh_tokens (
                    token_hash TEXT PRIMARY KEY,
                    session_id TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
                    created_at \(timestamp) NOT NULL,
                    expires_at \(timestamp) NOT NULL,
                    rotated_at \(timestamp)
                )
                """,
                "CREATE INDEX refresh_tokens_session ON refresh_tokens (session_id)",
                """
                CREATE TABLE account_tokens (
                    token_hash TEXT PRIMARY KEY,
                    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
                    purpose TEXT NOT NULL CHECK (purpose IN ('verify_email', 'password_reset')),
                    created_at \(timestamp) NOT NULL,
                    expires_at \(timestamp) NOT NULL,
                    used_at \(timestamp)
                )
                """,
                "CREATE INDEX account_tokens_user ON account_tokens (user_id, purpose)",
            ]
        },
        // `name_key` is the display name lowercased by Swift (Unicode-aware, unlike SQLite's `lower`), set on
        // every write; the backfill uses the engine's `lower`, exact for the ASCII names SQLite can lower.
        Migration(version: 101, name: "users_display_name_lookup") { _ in
            [
                "ALTER TABLE users ADD COLUMN name_key TEXT NOT NULL DEFAULT ''",
                "UPDATE users SET name_key = lower(display_name)",
                "CREATE INDEX users_name_key ON users (name_key)",
            ]
        },
        // The profile picture: an upload id of Media's, with no foreign key across domains. Media announces
        // deletions (`UploadDeleted`), which clear it; the index serves that and the read-access question.
        Migration(version: 102, name: "users_avatar") { _ in
            [
                "ALTER TABLE users ADD COLUMN avatar_upload_id TEXT",
                "CREATE INDEX users_avatar_upload ON users (avatar_upload_id)",
            ]
        },
    ]
}
