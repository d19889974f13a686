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

    /// `/notifications/preferences`: a checkbox per kind.
    struct Preferences: Sendable {
        struct Choice: Sendable {
            let kind: String
            let label: String
            let inApp: Bool
        }

        let choices: [Choice]
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
        case .enrollment: "Added to a course by its staff"
        case .grade: "Quiz attempts graded"
        }
    }
}
