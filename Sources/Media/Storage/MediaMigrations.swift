import LyceumPlatform

/// Media's tables (versions 600–699). Owners are referenced by user id only, like every other domain.
enum MediaMigrations {
    static let all: [Migration] = [
        Migration(version: 600, name: "create_uploads") { engine in
            let timestamp = ColumnType.timestamp(engine)
            return [
                """
                CREATE TABLE uploads (
                    id TEXT PRIMARY KEY,
                    owner_id TEXT NOT NULL,
                    purpose TEXT NOT NULL,
                    filename TEXT NOT NULL,
                    size BIGINT NOT NULL,
                    content_type TEXT NOT NULL,
                    sha256 TEXT,
                    storage_key TEXT NOT NULL UNIQUE,
                    status TEXT NOT NULL,
                    created_at \(timestamp) NOT NULL,
                    updated_at \(timestamp) NOT NULL
                )
                """,
                // The owner's quota sums this index's rows.
                "CREATE INDEX uploads_owner ON uploads (owner_id, status)",
                // The cleanup job reads unfinished and failed uploads oldest first.
                "CREATE INDEX uploads_cleanup ON uploads (status, updated_at)",
            ]
        }
    ]
}
