import Foundation
import LyceumContracts

/// One notification as its recipient sees it.
public struct InAppNotification: Sendable, Equatable {
    /// Its id.
    public let id: String
    /// What kind it is.
    public let kind: NotificationKind
    /// One line saying what happened.
    public let title: String
    /// A short plain-text excerpt; may be empty.
    public let body: String
    /// The site path it opens.
    public let link: String
    /// The user whose action caused it, if any.
    public let actorID: String?
    /// When it was created.
    public let createdAt: Date
    /// When its recipient read it; `nil` while unread.
    public let readAt: Date?
}

/// A page of the caller's notifications, newest first.
public struct NotificationPage: Sendable {
    /// The notifications on this page.
    public let items: [InAppNotification]
    /// The cursor of the next page; `nil` on the last page.
    public let nextCursor: String?
}

/// Whether one kind of notification is shown in the app.
public struct NotificationPreference: Sendable, Equatable {
    /// The kind.
    public let kind: NotificationKind
    /// Whether notifications of this kind are created for the user (on unless switched off).
    public let inApp: Bool

    /// Creates a preference.
    public init(kind: NotificationKind, inApp: Bool) {
        self.kind = kind
        self.inApp = inApp
    }
}

/// What to mark read: some of the caller's notifications, or all of them.
public enum NotificationSelection: Sendable, Equatable {
    /// These ids; ids of other users' notifications are never touched.
    case ids([String])
    /// Every unread notification of the caller.
    case all
}
