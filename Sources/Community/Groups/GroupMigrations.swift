import LyceumPlatform

/// Study group tables (Community's versions 320–339). Users and courses are referenced by id only.
enum GroupMigrations {
    static let all: [Migration] = [
        Migration(version: 320, name: "create_study_groups") { engine in
            let timestamp = ColumnType.timestamp(engine)
            return [
                """
                CREATE TABLE community_groups (
                    id TEXT PRIMARY KEY,
                    name TEXT NOT NULL,
                    description TEXT NOT NULL,
                    course_id TEXT,
                    visibility TEXT NOT NULL CHECK (visibility IN ('open', 'request', 'invite')),
                    member_limit INTEGER NOT NULL CHECK (member_limit >= 2),
                    member_count INTEGER NOT NULL DEFAULT 0,
                    owner_id TEXT NOT NULL,
                    created_at \(timestamp) NOT NULL
                )
                """,
                "CREATE INDEX community_groups_course ON community_groups (course_id)",
                """
                CREATE TABLE community_group_members (
                    group_id TEXT NOT NULL REFERENCES community_groups (id) ON DELETE CASCADE,
                    user_id TEXT NOT NULL,
                    role TEXT NOT NULL CHECK (role IN ('owner', 'moderator', 'member')),
                    joined_at \(timestamp) NOT NULL,
                    PRIMARY KEY (group_id, user_id)
                )
                """,
                "CREATE INDEX community_group_members_user ON community_group_members (user_id)",
                """
                CREATE TABLE community_group_requests (
                    id TEXT PRIMARY KEY,
                    group_id TEXT NOT NULL REFERENCES community_groups (id) ON DELETE CASCADE,
                    user_id TEXT NOT NULL,
                    kind TEXT NOT NULL CHECK (kind IN ('request', 'invite')),
                    invited_by TEXT,
                    message TEXT NOT NULL DEFAULT '',
                    created_at \(timestamp) NOT NULL,
                    UNIQUE (group_id, user_id)
                )
                """,
            ]
        }
    ]
}
