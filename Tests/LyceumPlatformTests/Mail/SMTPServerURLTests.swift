@testable import LyceumPlatform
import Testing

@Suite("SMTP URL")
struct SMTPServerURLTests {
    @Test("smtp:// defaults to port 587 with STARTTLS required; smtps:// to 465; credentials are percent-decoded")
    func parses() throws {
        let ses = try SMTPServerURL("smtp://AKIAEXAMPLE:p%40ss%2Fw0rd@email-smtp.eu-west-1.amazonaws.com")
        #expect(ses.host == "email-smtp.eu-west-1.amazonaws.com")
        #expect(ses.port == 587)
        #expect(ses.security == .startTLS(required: true))
        #expect(ses.username == "AKIAEXAMPLE")
        #expect(ses.password == "p@ss/w0rd")
        #expect(!ses.description.contains("p%40ss") && !ses.description.contains("p@ss"))
        let tls = try SMTPServerURL("smtps://relay.example")
        #expect(tls.port == 465 && tls.security == .implicitTLS && tls.username == nil)
        #expect(try SMTPServerURL("smtp://relay.example:2525?starttls=optional").security == .startTLS(required: false))
        #expect(try SMTPServerURL("smtp://u:p@127.0.0.1:25?starttls=off").security == .none)
        #expect(try SMTPServerURL("smtp://u:p@127.9.8.7:25?starttls=off").isLoopback)
        #expect(try SMTPServerURL("smtp://u:p@[::1]:25?starttls=off").isLoopback)
        #expect(try SMTPServerURL("smtp://u:p@localhost:25?starttls=off").isLoopback)
    }

    @Test("malformed URLs fail with a sentence", arguments: [
        "http://relay.example", "smtp://", "smtps://relay.example?starttls=required", "smtp://relay.example?tls=yes",
        "smtp://relay.example?starttls=maybe", "smtp://user@relay.example", "smtp://u:p@relay.example?starttls=off",
        "smtp://relay.example/path", "smtp://u:p@127.evil.example?starttls=off", "smtp://u:p@localhost.example?starttls=off",
        "smtp://u:p@[::2]?starttls=off",
    ])
    func refuses(url: String) {
        #expect(throws: ConfigurationError.self) { try SMTPServerURL(url) }
    }
}
