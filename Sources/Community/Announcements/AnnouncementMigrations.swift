import LyceumPlatform

/// Announcement tables (Community's versions 340–349). Courses and users are referenced by id only.
enum AnnouncementMigrations {
    static let all: [Migration] = [
        Migration(version: 340, name: "create_course_announcements") { engine in
            let timestamp = ColumnType.timestamp(engine)
            let boolean = ColumnType.boolean(engine)
            let no = engine == .postgres ? "FALSE" : "0"
            return [
                """
                CREATE TABLE community_announcements (
                    id TEXT PRIMARY KEY,
                    course_id TEXT NOT NULL,
                    author_id TEXT NOT NULL,
                    title TEXT NOT NULL,
                    body TEXT NOT NULL,
                    pinned \(boolean) NOT NULL DEFAULT \(no),
                    publish_at \(timestamp) NOT NULL,
                    notified_at \(timestamp),
                    created_at \(timestamp) NOT NULL,
                    updated_at \(timestamp) NOT NULL
                )
                """,
                "CREATE INDEX community_announcements_course ON community_announcements (course_id, publish_at)",
            ]
        }
    ]
}
