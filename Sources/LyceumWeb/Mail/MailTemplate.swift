/// An email a module sends, as three Mustache templates filled from the same values: the subject, the
/// plain-text body and the HTML body. Both bodies go inside the one shared layout (`MailLayout`).
///
/// The subject and the text body are rendered as text (nothing escaped); the HTML body escapes `{{value}}`
/// as HTML, so user content (a thread title, a display name) can never inject markup.
public struct MailTemplate: Sendable {
    /// The name a module composes it by (`identity.verify-email`); unique across modules.
    public let name: String
    /// The subject line's template; one line.
    public let subject: String
    /// The plain-text body's template.
    public let text: String
    /// The HTML body's template: the inside of the layout's content cell.
    public let html: String

    /// Creates a template.
    public init(_ name: String, subject: String, text: String, html: String) {
        self.name = name
        self.subject = subject
        self.text = text
        self.html = html
    }
}

/// Whether a message may be switched off by its recipient. Non-essential messages carry `List-Unsubscribe`
/// (with RFC 8058's one-click `List-Unsubscribe-Post`) and a footer link; essential ones (a password reset, a
/// receipt) carry neither and ignore preferences.
public enum MailUnsubscribe: Sendable, Equatable {
    /// An account or payment message the recipient cannot switch off.
    case essential
    /// A message that can be switched off at `url`: an absolute `https://` or `http://` link that unsubscribes
    /// without signing in (a `POST` to it unsubscribes at once; a `GET` shows a confirmation page).
    case link(String)
}

/// A template could not be rendered: its name is not registered, or a registered template did not parse.
public struct MailTemplateError: Error, CustomStringConvertible, Equatable {
    /// What went wrong.
    public let message: String

    public var description: String { message }
}
