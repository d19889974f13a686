import LyceumContracts
import LyceumWeb

/// The emails Notifications sends: one per kind, and the weekly digest. Every one is non-essential and
/// carries an unsubscribe link. A kind's email is filled with `name` (the recipient's display name),
/// `title` (what happened, one line), `excerpt` (may be empty) and `url` (the absolute link to the page).
enum NotificationMailTemplates {
    /// The template name for `kind`'s email.
    static func name(_ kind: NotificationKind) -> String { "notifications.\(kind.rawValue)" }

    /// The template name for the weekly digest.
    static let digestName = "notifications.digest"

    static var all: [MailTemplate] {
        NotificationKind.allCases.map(template) + [digest]
    }

    /// Why the email came (the cause, in a sentence) and what its button says.
    private static func wording(_ kind: NotificationKind) -> (cause: String, action: String) {
        switch kind {
        case .reply: ("Someone replied in a discussion you take part in.", "Read the reply")
        case .mention: ("Someone mentioned you in a post.", "Read the post")
        case .answered: ("Your question got an answer, or your answer was accepted.", "Open the discussion")
        case .group: ("There is news about a study group.", "Open the group")
        case .report: ("A report you filed was resolved.", "See what changed")
        case .enrollment: ("You are enrolled in a course.", "Go to the course")
        case .grade: ("One of your quiz attempts was graded.", "See your result")
        case .announcement: ("The staff of one of your courses posted an announcement.", "Read the announcement")
        case .certificate: ("Congratulations: you completed every lesson and passed every quiz of a course.", "See your certificate")
        case .welcome: ("Your account is ready. Browse the catalog, enrol in a course and start learning.", "Find a course")
        }
    }

    private static func template(_ kind: NotificationKind) -> MailTemplate {
        let (cause, action) = wording(kind)
        return MailTemplate(
            name(kind),
            subject: "{{title}}",
            text: """
                Hello {{name}},

                {{title}}

                \(cause)
                {{#excerpt}}

                > {{excerpt}}
                {{/excerpt}}

                \(action): {{url}}
                """,
            html: """
                <p>Hello {{name}},</p>
                <h1 style="font-size:20px;margin:0 0 12px;">{{title}}</h1>
                <p>\(cause)</p>
                {{#excerpt}}<blockquote style="margin:0 0 16px;padding:8px 14px;border-left:4px solid #c7c9f5;color:#3e4c59;">{{excerpt}}</blockquote>{{/excerpt}}
                <p><a href="{{url}}" style="display:inline-block;padding:10px 18px;background:#3b3fb6;color:#ffffff;border-radius:6px;text-decoration:none;">\(action)</a></p>
                """
        )
    }

    /// Filled with `name`, `count` (a phrase: "3 unread notifications"), `items` (each `title`, `excerpt`,
    /// `url`, `date`) and `listURL`.
    static let digest = MailTemplate(
        digestName,
        subject: "Your week on {{siteName}}: {{count}}",
        text: """
            Hello {{name}},

            You have {{count}} from the past week:
            {{#items}}

            * {{title}} ({{date}})
              {{url}}
            {{/items}}

            All your notifications: {{listURL}}
            """,
        html: """
            <p>Hello {{name}},</p>
            <p>You have {{count}} from the past week:</p>
            <ul style="padding-left:20px;">
            {{#items}}<li style="margin-bottom:10px;"><a href="{{url}}">{{title}}</a> <span style="color:#616e7c;font-size:13px;">{{date}}</span>{{#excerpt}}<br><span style="color:#3e4c59;">{{excerpt}}</span>{{/excerpt}}</li>
            {{/items}}
            </ul>
            <p><a href="{{listURL}}">All your notifications</a></p>
            """
    )
}
