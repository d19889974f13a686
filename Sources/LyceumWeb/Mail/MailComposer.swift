import Foundation
import LyceumPlatform
import Mustache
import Synchronization

/// Turns a module's `MailTemplate` and its values into a `MailMessage`: subject, plain text and HTML inside
/// the shared layout, and for non-essential mail the `List-Unsubscribe` headers of RFC 2369 and RFC 8058.
///
/// Modules register their templates while the application is built (`LyceumModule.mailTemplates`), before any
/// request or job runs; composing is synchronous and does no I/O, so a domain composes inside the
/// transaction that enqueues the `SendMail` job.
public final class MailComposer: Sendable {
    /// The site's name in the layout and footers.
    public let siteName: String
    /// The address users reach the site at, without a trailing slash; links in mail are built on it.
    public let publicURL: String
    private let library: Mutex<MustacheLibrary>
    private let names = Mutex<Set<String>>([])

    /// The page where a signed-in user changes which email they get.
    public static let preferencesPath = "/notifications/preferences"

    /// Creates a composer with the layout and no module templates yet.
    public init(siteName: String = "Lyceum", publicURL: String) throws {
        self.siteName = siteName
        self.publicURL = publicURL.hasSuffix("/") ? String(publicURL.dropLast()) : publicURL
        var library = MustacheLibrary()
        try library.register(MailLayout.html, named: MailLayout.htmlName)
        try library.register(MailLayout.text, named: MailLayout.textName)
        self.library = Mutex(library)
    }

    /// Registers `templates`.
    /// - Throws: `MailTemplateError` when one does not parse or its name is taken.
    public func register(_ templates: [MailTemplate]) throws(MailTemplateError) {
        for template in templates {
            guard names.withLock({ $0.insert(template.name).inserted }) else {
                throw MailTemplateError(message: "Two mail templates are named \(template.name).")
            }
            do {
                let subject = try MustacheTemplate(string: "{{% CONTENT_TYPE: TEXT}}" + template.subject)
                let text = try MustacheTemplate(string: "{{% CONTENT_TYPE: TEXT}}" + template.text)
                let html = try MustacheTemplate(string: template.html)
                library.withLock {
                    $0.register(subject, named: template.name + ".subject")
                    $0.register(text, named: template.name + ".text")
                    $0.register(html, named: template.name + ".html")
                }
            } catch {
                throw MailTemplateError(message: "The mail template \(template.name) does not parse: \(error)")
            }
        }
    }

    /// The message `template` makes for `recipient` from `values` (a dictionary of strings, numbers, booleans,
    /// arrays and nested dictionaries, as Mustache reads them). `publicURL` and `siteName` are added to the
    /// values. Enqueue it with a `SendMail` job whose unique key names the cause ("mail:receipt:<order>"): the
    /// key becomes the message's idempotency key and `Message-ID`, so a retried job sends once.
    /// - Throws: `MailTemplateError` when no template has that name.
    public func compose(
        _ template: String, to recipient: String, values: [String: Any], unsubscribe: MailUnsubscribe
    ) throws(MailTemplateError) -> MailMessage {
        var values = values
        values["publicURL"] = publicURL
        values["siteName"] = siteName
        let rendered = library.withLock { library -> (subject: String?, text: String?, html: String?) in
            (
                library.render(values, withTemplate: template + ".subject"),
                library.render(values, withTemplate: template + ".text"),
                library.render(values, withTemplate: template + ".html")
            )
        }
        guard let subjectText = rendered.subject, let text = rendered.text, let html = rendered.html else {
            throw MailTemplateError(message: "No mail template is named \(template).")
        }
        let subject = Self.oneLine(subjectText)
        var layout: [String: Any] = ["siteName": siteName, "publicURL": publicURL, "subject": subject]
        var headers: [MailHeader] = []
        if case .link(let url) = unsubscribe {
            layout["unsubscribeURL"] = url
            layout["preferencesURL"] = publicURL + Self.preferencesPath
            headers.append(MailHeader("List-Unsubscribe", "<\(url)>"))
            headers.append(MailHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"))
        }
        layout["content"] = text.trimmingCharacters(in: .whitespacesAndNewlines)
        let textBody = library.withLock { $0.render(layout, withTemplate: MailLayout.textName) } ?? text
        layout["content"] = html
        let htmlBody = library.withLock { $0.render(layout, withTemplate: MailLayout.htmlName) } ?? html
        return MailMessage(
            recipient: recipient, subject: subject, body: Self.tidy(textBody), html: htmlBody, headers: headers
        )
    }

    /// `text` on one line: line breaks become spaces and runs of spaces one space.
    static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// `text` with trailing spaces cut from each line and at most one blank line in a row, since Mustache
    /// sections leave blank lines behind.
    static func tidy(_ text: String) -> String {
        var lines: [Substring] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.reversed().drop(while: { $0 == " " || $0 == "\r" }).reversed()
            let cut = Substring(String(trimmed))
            if cut.isEmpty, lines.last?.isEmpty ?? true { continue }
            lines.append(cut)
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines.joined(separator: "\n") + "\n"
    }
}
