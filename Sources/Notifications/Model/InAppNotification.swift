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

/// A user's channels for one kind of notification.
public struct NotificationPreference: Sendable, Equatable {
    /// The kind.
    public let kind: NotificationKind
    /// Its channels: the user's choice, else the kind's defaults.
    public let channels: NotificationChannels

    /// Whether notifications of this kind are created for the user in the app.
    public var inApp: Bool { channels.inApp }
    /// Whether they are emailed.
    public var email: Bool { channels.email }
    /// Whether they are listed in the weekly digest.
    public var digest: Bool { channels.digest }

    /// Creates a preference.
    public init(kind: NotificationKind, channels: NotificationChannels) {
        self.kind = kind
        self.channels = channels
    }
}

/// A change to one kind's channels; `nil` keeps a channel as it is.
public struct NotificationPreferenceChange: Sendable, Equatable {
    /// The kind.
    public let kind: NotificationKind
    /// The in-app channel's new state.
    public let inApp: Bool?
    /// The email channel's new state.
    public let email: Bool?
    /// The digest channel's new state.
    public let digest: Bool?

    /// Creates a change.
    public init(kind: NotificationKind, inApp: Bool? = nil, email: Bool? = nil, digest: Bool? = nil) {
        self.kind = kind
        self.inApp = inApp
        self.email = email
        self.digest = digest
    }
}

/// Every kind's channels for a user, and whether they switched off all email that is not essential.
public struct NotificationSettings: Sendable, Equatable {
    /// One preference per kind, in the order of `NotificationKind.allCases`.
    public let preferences: [NotificationPreference]
    /// No email but the essential ones (account and payment messages): overrides every kind's email and the digest.
    public let nonEssentialEmailOff: Bool
}

/// What to mark read: some of the caller's notifications, or all of them.
public enum NotificationSelection: Sendable, Equatable {
    /// These ids; ids of other users' notifications are never touched.
    case ids([String])
    /// Every unread notification of the caller.
    case all
}
