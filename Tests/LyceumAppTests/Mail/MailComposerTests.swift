import LyceumPlatform
import LyceumWeb
import Testing

@Suite("Mail composer")
struct MailComposerTests {
    private static let reply = MailTemplate(
        "test.reply",
        subject: "{{author}} replied to\n “{{thread}}”",
        text: "{{author}} wrote:\n\n{{excerpt}}\n\nRead it: {{publicURL}}{{link}}",
        html: "<p><strong>{{author}}</strong> wrote:</p><blockquote>{{excerpt}}</blockquote><p><a href=\"{{publicURL}}{{link}}\">Read it</a></p>"
    )

    private func composer() throws -> MailComposer {
        let composer = try MailComposer(publicURL: "https://school.example/")
        try composer.register([Self.reply])
        return composer
    }

    private let values: [String: Any] = ["author": "Ada <script>", "thread": "Limits & sums", "excerpt": "x < y", "link": "/threads/1"]

    @Test("The HTML body escapes values, the text body and subject keep them as written")
    func escaping() throws {
        let message = try composer().compose("test.reply", to: "bo@example.com", values: values, unsubscribe: .essential)
        #expect(message.recipient == "bo@example.com")
        #expect(message.subject == "Ada <script> replied to “Limits & sums”")
        #expect(message.body.contains("Ada <script> wrote:\n\nx < y\n\nRead it: https://school.example/threads/1"))
        let html = try #require(message.html)
        #expect(html.contains("<strong>Ada &lt;script&gt;</strong>"))
        #expect(html.contains("<blockquote>x &lt; y</blockquote>"))
        #expect(!html.contains("<script>"))
        #expect(html.contains("<a href=\"https://school.example\" "))
    }

    @Test("Essential mail has no unsubscribe header or link; other mail has RFC 8058's pair and a footer link")
    func unsubscribe() throws {
        let composer = try composer()
        let essential = try composer.compose("test.reply", to: "bo@example.com", values: values, unsubscribe: .essential)
        #expect(essential.headers.isEmpty)
        #expect(!essential.body.contains("Unsubscribe"))
        #expect(!(essential.html ?? "").contains("Unsubscribe"))

        let url = "https://school.example/unsubscribe/abc.def"
        let optional = try composer.compose("test.reply", to: "bo@example.com", values: values, unsubscribe: .link(url))
        #expect(optional.header("list-unsubscribe") == "<\(url)>")
        #expect(optional.header("List-Unsubscribe-Post") == "List-Unsubscribe=One-Click")
        #expect(optional.body.contains("Unsubscribe: \(url)\nEmail preferences: https://school.example/notifications/preferences"))
        #expect((optional.html ?? "").contains("href=\"\(url)\""))
    }

    @Test("An unknown template and a second template of the same name are errors")
    func errors() throws {
        let composer = try composer()
        #expect(throws: MailTemplateError.self) {
            try composer.compose("test.missing", to: "bo@example.com", values: [:], unsubscribe: .essential)
        }
        #expect(throws: MailTemplateError.self) { try composer.register([Self.reply]) }
        #expect(throws: MailTemplateError.self) {
            try composer.register([MailTemplate("test.broken", subject: "{{#open}}", text: "", html: "")])
        }
    }
}
