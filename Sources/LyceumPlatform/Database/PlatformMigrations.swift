/// The platform layer's own tables (versions 1–99).
public enum PlatformMigrations {
    /// Every platform migration, in order.
    public static let all: [Migration] = [
        Migration(version: 1, name: "create_mail_outbox") { engine in
            [
                """
                CREATE TABLE mail_outbox (
                    id TEXT PRIMARY KEY,
                    recipient TEXT NOT NULL,
                    subject TEXT NOT NULL,
                    body TEXT NOT NULL,
                    created_at \(ColumnType.timestamp(engine)) NOT NULL
                )
                """,
                "CREATE INDEX mail_outbox_recipient ON mail_outbox (recipient, created_at)",
            ]
        }
    ]
}
