import LyceumPlatform

/// Notifications' tables (versions 400–499). Users are referenced by id only, like every other domain.
enum NotificationsMigrations {
    static let all: [Migration] = [
        Migration(version: 400, name: "create_notifications") { engine in
            let timestamp = ColumnType.timestamp(engine)
            let boolean = ColumnType.boolean(engine)
            return [
                """
                CREATE TABLE notifications (
                    id TEXT PRIMARY KEY,
                    recipient_id TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    title TEXT NOT NULL,
                    body TEXT NOT NULL,
                    link TEXT NOT NULL,
                    actor_id TEXT,
                    source_key TEXT NOT NULL,
                    created_at \(timestamp) NOT NULL,
                    read_at \(timestamp),
                    UNIQUE (recipient_id, source_key)
                )
                """,
                // The list, newest first, and its cursor.
                "CREATE INDEX notifications_recipient_list ON notifications (recipient_id, created_at DESC, id DESC)",
                // The unread count reads only this partial index: one entry per unread notification.
                "CREATE INDEX notifications_recipient_unread ON notifications (recipient_id) WHERE read_at IS NULL",
                """
                CREATE TABLE notification_preferences (
                    user_id TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    in_app \(boolean) NOT NULL,
                    PRIMARY KEY (user_id, kind)
                )
                """,
            ]
        },
        Migration(version: 401, name: "notification_email_channels") { engine in
            let timestamp = ColumnType.timestamp(engine)
            let boolean = ColumnType.boolean(engine)
            return [
                // NULL: the kind's default (`NotificationChannels.defaults`), for rows saved before email existed.
                "ALTER TABLE notification_preferences ADD COLUMN email \(boolean)",
                "ALTER TABLE notification_preferences ADD COLUMN digest \(boolean)",
                """
                CREATE TABLE notification_email_settings (
                    user_id TEXT PRIMARY KEY,
                    non_essential_off \(boolean) NOT NULL
                )
                """,
                // When the notification went out in a weekly digest; each goes in at most one.
                "ALTER TABLE notifications ADD COLUMN digested_at \(timestamp)",
                "CREATE INDEX notifications_digest_due ON notifications (created_at, recipient_id) WHERE read_at IS NULL AND digested_at IS NULL",
            ]
        },
    ]
}
