/// Where new notifications are announced, for live updates (Realtime pushes each to its recipient's `user:` topic).
///
/// One channel for every user, so a replica needs one `LISTEN` however many users it serves; each message is
/// a small JSON object `{"recipientId": "…", "id": "…", "unread": 3}`: whom it is for, the new notification's
/// id (read it through the API) and the recipient's unread count after it. Messages are sent after the
/// notifications commit and are not retried: a listener that was away (or sees `.resubscribed`) recounts.
public enum NotificationChannel {
    /// The pub/sub channel name.
    public static let name = "notifications"
}
