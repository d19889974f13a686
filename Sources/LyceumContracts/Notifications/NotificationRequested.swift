import Foundation
import LyceumCore

/// The kinds of notification; each kind's channels (in the app, by email, in the weekly digest) can be switched
/// off in a user's preferences.
public enum NotificationKind: String, Sendable, Codable, CaseIterable {
    /// Course staff posted an announcement to a course the user is enrolled in.
    case announcement
    /// Someone replied to the user's thread or reply.
    case reply
    /// Someone mentioned the user (`@displayName`) in a post.
    case mention
    /// The user's question got an answer, or their answer was accepted.
    case answered
    /// The user's request to join a study group was approved, or they were invited to one.
    case group
    /// A report the user filed was resolved.
    case report
    /// The user joined a course: enrolled themselves, bought it, or was added by its staff.
    case enrollment
    /// One of the user's quiz attempts was graded.
    case grade
    /// The user completed a course and was issued its certificate.
    case certificate
    /// The user signed up.
    case welcome
}

/// Asks for notifications: one per recipient, created by the notifications worker, in the app and by email
/// as each recipient chose for the kind. A domain
/// publishes it in the same transaction as its cause (a reply, an announcement), so a notification exists
/// if and only if its cause committed; `sourceKey` makes delivery idempotent, so a retried delivery never
/// notifies anyone twice.
public struct NotificationRequested: DomainEvent {
    public static let eventName = "notifications.requested"

    /// Who is told; the actor and duplicates are left out by the worker.
    public let recipientIDs: [String]
    /// What kind of notification this is.
    public let kind: NotificationKind
    /// One line saying what happened ("Ada replied to “Limits”").
    public let title: String
    /// A short plain-text excerpt; may be empty.
    public let body: String
    /// The site path the notification opens ("/threads/…").
    public let link: String
    /// The user whose action caused it, if any; never notified of their own action.
    public let actorID: String?
    /// Names the cause ("reply:<id>"); with the recipient it is unique, so delivering twice is harmless.
    public let sourceKey: String

    /// Creates the request.
    public init(recipientIDs: [String], kind: NotificationKind, title: String, body: String, link: String, actorID: String?, sourceKey: String) {
        self.recipientIDs = recipientIDs
        self.kind = kind
        self.title = title
        self.body = body
        self.link = link
        self.actorID = actorID
        self.sourceKey = sourceKey
    }
}
