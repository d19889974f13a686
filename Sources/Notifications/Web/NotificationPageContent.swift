import LyceumContracts

/// What the notifications pages show.
enum NotificationPageContent {
    /// `/notifications`: a page of the viewer's notifications.
    struct List: Sendable {
        struct Item: Sendable {
            let id: String
            let title: String
            let body: String?
            let link: String
            let date: String
            let unread: Bool
        }

        let items: [Item]
        let unreadOnly: Bool
        let hasUnread: Bool
        let nextURL: String?
    }

    /// `/notifications/preferences`: a row per kind with a checkbox per channel, and the switch for all
    /// non-essential email.
    struct Preferences: Sendable {
        struct Choice: Sendable {
            let kind: String
            let label: String
            let inApp: Bool
            let email: Bool
            let digest: Bool
            /// Only ever an email: no in-app or digest checkbox.
            let emailOnly: Bool
        }

        let choices: [Choice]
        let nonEssentialEmailOff: Bool
    }

    /// How each kind is named on the pages.
    static func label(_ kind: NotificationKind) -> String {
        switch kind {
        case .announcement: "Course announcements"
        case .reply: "Replies to my threads and replies"
        case .mention: "Mentions of me"
        case .answered: "My questions answered, my answers accepted"
        case .group: "Study group requests approved and invitations"
        case .report: "My reports resolved"
        case .enrollment: "Enrolled in a course (in the app: added by its staff)"
        case .grade: "Quiz attempts graded"
        case .certificate: "Courses completed, certificates issued"
        case .welcome: "Welcome on signing up"
        }
    }
}
