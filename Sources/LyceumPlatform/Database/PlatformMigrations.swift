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
        },
        Migration(version: 2, name: "create_jobs") { engine in
            let timestamp = ColumnType.timestamp(engine)
            return [
                """
                CREATE TABLE jobs (
                    id TEXT PRIMARY KEY,
                    unique_key TEXT NOT NULL UNIQUE,
                    queue TEXT NOT NULL,
                    name TEXT NOT NULL,
                    payload TEXT NOT NULL,
                    priority INTEGER NOT NULL,
                    state TEXT NOT NULL,
                    attempts INTEGER NOT NULL,
                    max_attempts INTEGER NOT NULL,
                    run_at \(timestamp) NOT NULL,
                    lease_token TEXT,
                    lease_expires_at \(timestamp),
                    last_error TEXT,
                    created_at \(timestamp) NOT NULL,
                    updated_at \(timestamp) NOT NULL,
                    finished_at \(timestamp)
                )
                """,
                "CREATE INDEX jobs_due ON jobs (state, run_at)",
                "CREATE INDEX jobs_leases ON jobs (lease_token)",
                "CREATE INDEX jobs_recent ON jobs (updated_at)",
            ]
        },
        Migration(version: 3, name: "create_job_probes") { engine in
            [
                """
                CREATE TABLE job_probes (
                    job_key TEXT PRIMARY KEY,
                    runs INTEGER NOT NULL,
                    first_started_at \(ColumnType.timestamp(engine)) NOT NULL,
                    finished_at \(ColumnType.timestamp(engine))
                )
                """
            ]
        },
        Migration(version: 4, name: "add_mail_outbox_html_and_headers") { _ in
            [
                "ALTER TABLE mail_outbox ADD COLUMN html TEXT",
                "ALTER TABLE mail_outbox ADD COLUMN headers TEXT",
            ]
        },
        Migration(version: 5, name: "create_mail_deliveries") { engine in
            [
                """
                CREATE TABLE mail_deliveries (
                    idempotency_key TEXT PRIMARY KEY,
                    message_id TEXT NOT NULL,
                    delivered_at \(ColumnType.timestamp(engine)) NOT NULL
                )
                """,
                "CREATE INDEX mail_deliveries_age ON mail_deliveries (delivered_at)",
            ]
        },
    ]
}
