import LyceumPlatform

/// Forum tables (a slice of Community's versions 300–319). Users, courses, lessons and groups are referenced
/// by id only, so Community can later run apart from Identity and Courses.
enum ForumMigrations {
    static let all: [Migration] = [
        Migration(version: 300, name: "create_forum_boards_and_posts") { engine in
            let timestamp = ColumnType.timestamp(engine)
            let boolean = ColumnType.boolean(engine)
            return [
                """
                CREATE TABLE community_boards (
                    id TEXT PRIMARY KEY,
                    course_id TEXT UNIQUE,
                    group_id TEXT UNIQUE,
                    title TEXT NOT NULL,
                    description TEXT NOT NULL,
                    allow_anonymous \(boolean) NOT NULL,
                    created_by TEXT,
                    created_at \(timestamp) NOT NULL
                )
                """,
                """
                CREATE TABLE community_posts (
                    id TEXT PRIMARY KEY,
                    board_id TEXT NOT NULL REFERENCES community_boards (id) ON DELETE CASCADE,
                    thread_id TEXT REFERENCES community_posts (id) ON DELETE CASCADE,
                    parent_id TEXT REFERENCES community_posts (id) ON DELETE CASCADE,
                    author_id TEXT NOT NULL,
                    anonymous \(boolean) NOT NULL,
                    kind TEXT NOT NULL CHECK (kind IN ('question', 'discussion', 'reply')),
                    title TEXT,
                    body TEXT NOT NULL,
                    tags TEXT NOT NULL,
                    lesson_id TEXT,
                    score INTEGER NOT NULL DEFAULT 0,
                    reply_count INTEGER NOT NULL DEFAULT 0,
                    accepted_reply_id TEXT,
                    pinned \(boolean) NOT NULL,
                    locked \(boolean) NOT NULL,
                    created_at \(timestamp) NOT NULL,
                    edited_at \(timestamp),
                    last_activity_at \(timestamp) NOT NULL,
                    deleted_at \(timestamp),
                    deleted_by TEXT,
                    search_text TEXT NOT NULL
                )
                """,
                "CREATE INDEX community_posts_listing ON community_posts (board_id, thread_id, pinned, created_at)",
                "CREATE INDEX community_posts_thread ON community_posts (thread_id, created_at)",
                """
                CREATE TABLE community_votes (
                    post_id TEXT NOT NULL REFERENCES community_posts (id) ON DELETE CASCADE,
                    user_id TEXT NOT NULL,
                    value INTEGER NOT NULL CHECK (value IN (-1, 1)),
                    PRIMARY KEY (post_id, user_id)
                )
                """,
                "CREATE INDEX community_votes_user ON community_votes (user_id, post_id)",
                """
                CREATE TABLE community_post_edits (
                    id TEXT PRIMARY KEY,
                    post_id TEXT NOT NULL REFERENCES community_posts (id) ON DELETE CASCADE,
                    editor_id TEXT NOT NULL,
                    title TEXT,
                    body TEXT NOT NULL,
                    tags TEXT NOT NULL,
                    edited_at \(timestamp) NOT NULL
                )
                """,
                "CREATE INDEX community_post_edits_post ON community_post_edits (post_id, edited_at)",
                """
                CREATE TABLE community_mentions (
                    post_id TEXT NOT NULL REFERENCES community_posts (id) ON DELETE CASCADE,
                    user_id TEXT NOT NULL,
                    PRIMARY KEY (post_id, user_id)
                )
                """,
            ]
        },
        Migration(version: 301, name: "create_forum_moderation") { engine in
            let timestamp = ColumnType.timestamp(engine)
            return [
                """
                CREATE TABLE community_reports (
                    id TEXT PRIMARY KEY,
                    post_id TEXT NOT NULL REFERENCES community_posts (id) ON DELETE CASCADE,
                    board_id TEXT NOT NULL REFERENCES community_boards (id) ON DELETE CASCADE,
                    reporter_id TEXT NOT NULL,
                    reason TEXT NOT NULL,
                    status TEXT NOT NULL CHECK (status IN ('open', 'dismissed', 'removed', 'suspended')),
                    created_at \(timestamp) NOT NULL,
                    resolved_by TEXT,
                    resolved_at \(timestamp),
                    UNIQUE (post_id, reporter_id)
                )
                """,
                "CREATE INDEX community_reports_queue ON community_reports (status, created_at)",
                """
                CREATE TABLE community_board_suspensions (
                    board_id TEXT NOT NULL REFERENCES community_boards (id) ON DELETE CASCADE,
                    user_id TEXT NOT NULL,
                    suspended_by TEXT NOT NULL,
                    created_at \(timestamp) NOT NULL,
                    PRIMARY KEY (board_id, user_id)
                )
                """,
                "CREATE TABLE community_blocked_words (word TEXT PRIMARY KEY)",
            ]
        },
        // The body rendered once when written instead of on every read; NULL for posts written before, which
        // readers render as they go.
        Migration(version: 302, name: "store_forum_post_html") { _ in
            ["ALTER TABLE community_posts ADD COLUMN body_html TEXT"]
        },
        // Files on posts: uploads are Media's, referenced by id only; `UploadDeleted` removes their rows.
        Migration(version: 303, name: "create_forum_post_attachments") { _ in
            [
                """
                CREATE TABLE community_post_attachments (
                    post_id TEXT NOT NULL REFERENCES community_posts (id) ON DELETE CASCADE,
                    upload_id TEXT NOT NULL,
                    position INTEGER NOT NULL,
                    filename TEXT NOT NULL,
                    size BIGINT NOT NULL,
                    content_type TEXT NOT NULL,
                    PRIMARY KEY (post_id, upload_id)
                )
                """,
                "CREATE INDEX community_post_attachments_upload ON community_post_attachments (upload_id)",
            ]
        },
    ]
}
