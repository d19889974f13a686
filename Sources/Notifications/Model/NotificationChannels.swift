import LyceumContracts

/// Where notifications of one kind reach a user: in the app, by email at once, and in the weekly digest.
public struct NotificationChannels: Sendable, Equatable {
    /// Shown in the app (the bell and the list).
    public var inApp: Bool
    /// Emailed when it happens.
    public var email: Bool
    /// Listed in the weekly digest of unread notifications.
    public var digest: Bool

    /// Creates a choice of channels.
    public init(inApp: Bool, email: Bool, digest: Bool) {
        self.inApp = inApp
        self.email = email
        self.digest = digest
    }

    /// What a user gets for `kind` until they choose: every kind in the app but the welcome, which is an
    /// email only (`isEmailOnly`); email for what answers or concerns the user directly (not for resolved
    /// reports, which are routine); the digest for every kind but the one-off welcome and certificate, which
    /// are emailed at once.
    public static func defaults(for kind: NotificationKind) -> NotificationChannels {
        switch kind {
        case .reply, .mention, .answered, .group, .grade, .enrollment, .announcement:
            NotificationChannels(inApp: true, email: true, digest: true)
        case .report:
            NotificationChannels(inApp: true, email: false, digest: true)
        case .certificate:
            NotificationChannels(inApp: true, email: true, digest: false)
        case .welcome:
            NotificationChannels(inApp: false, email: true, digest: false)
        }
    }

    /// Whether `kind` is only ever emailed, never shown in the app (so never in a digest either): the welcome,
    /// which would only repeat what the new user just did.
    public static func isEmailOnly(_ kind: NotificationKind) -> Bool {
        kind == .welcome
    }
}
