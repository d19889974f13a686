import Foundation
import LyceumCore
@testable import LyceumPlatform
import LyceumTestSupport
import Testing

@Suite(
    "SMTP mailer against a real server",
    .enabled(
        if: SMTPTestServer.configured != nil,
        "the SMTP server is not configured: run scripts/start-test-services and source .test-services.env (sets LYCEUM_TEST_SMTP_*)"
    )
)
struct SMTPDeliveryTests {
    var server: SMTPTestServer { get throws { try #require(SMTPTestServer.configured) } }

    /// Runs `body` with a mailer on a fresh database, and closes its connections afterwards.
    func withMailer<Result: Sendable>(
        _ settings: SMTPSettings, on engine: TestEngine = .sqlite, _ body: (SMTPMailer, any Database) async throws -> Result
    ) async throws -> Result {
        try await TestDatabases.withDatabase(engine, migrations: PlatformMigrations.all) { database in
            let mailer = try SMTPMailer(settings: settings, database: database)
            do {
                let result = try await body(mailer, database)
                await mailer.shutdown()
                return result
            } catch {
                await mailer.shutdown()
                throw error
            }
        }
    }

    @Test("a message arrives over STARTTLS with AUTH: headers, RFC 2047 subject, both MIME parts, dot-stuffed lines intact")
    func startTLSDelivery() async throws {
        let server = try server
        let recipient = SMTPTestServer.recipient()
        let subject = "Quiz graded: “Ελληνικά για αρχάριους” — 9/10, bravo Zoë! 🎉"
        let body = "Hello Zoë,\n.hidden line stays\n..two dots\n.\nBye"
        let html = "<p>Hello <b>Zoë</b></p>\n.hidden\n<p>Bye</p>"
        let key = "mail:test:\(UUID().uuidString)"
        let message = MailMessage(
            recipient: recipient, subject: subject, body: body, html: html,
            headers: [
                MailHeader("List-Unsubscribe", "<https://school.example/unsubscribe/abc>"),
                MailHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"),
            ],
            idempotencyKey: key
        )
        let settings = try server.settings()
        try await withMailer(settings) { mailer, _ in
            try await mailer.send(message, logger: TestDatabases.logger)
        }
        let received = try server.messages(to: recipient)
        try #require(received.count == 1)
        let mail = received[0]
        #expect(mail.tls && mail.authenticated && mail.port == server.startTLSPort)
        #expect(mail.mailFrom == "no-reply@school.example")
        #expect(mail.mailOptions.contains("BODY=8BITMIME"))
        #expect(mail.headers["From"] == "Lyceum Tests <no-reply@school.example>")
        #expect(mail.headers["To"] == recipient)
        #expect(mail.headers["Reply-To"] == "Lyceum Help <help@school.example>")
        #expect(mail.headers["Subject"] == subject)
        #expect(mail.raw.contains("\r\nSubject: =?UTF-8?B?"))
        let expectedID = try MIMEMessage(message, from: settings.from, replyTo: nil, date: Date(), eightBit: false).messageID
        #expect(mail.headers["Message-ID"] == expectedID)
        let date = try #require(mail.headers["Date"])
        #expect(date.hasSuffix("+0000") && date.count == 31)
        #expect(mail.headers["MIME-Version"] == "1.0")
        #expect(mail.headers["List-Unsubscribe"] == "<https://school.example/unsubscribe/abc>")
        #expect(mail.headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click")
        #expect(mail.contentType == "multipart/alternative")
        #expect(mail.parts.map(\.contentType) == ["text/plain", "text/html"])
        #expect(mail.parts.allSatisfy { $0.charset == "utf-8" })
        #expect(mail.parts[0].content.replacingOccurrences(of: "\r\n", with: "\n") == body)
        #expect(mail.parts[1].content.replacingOccurrences(of: "\r\n", with: "\n") == html)
        #expect(mail.raw.contains("\r\n.hidden line stays\r\n..two dots\r\n.\r\nBye"))
    }

    @Test("a relay without PIPELINING, 8BITMIME or AUTH PLAIN gets one command at a time, AUTH LOGIN and quoted-printable")
    func basicRelay() async throws {
        let server = try server
        let recipient = SMTPTestServer.recipient()
        let body = "Grüße, Zoë!\n.hidden\n"
        let html = "<p>Grüße</p>"
        try await withMailer(try server.settings(port: server.basicPort)) { mailer, _ in
            try await mailer.send(MailMessage(recipient: recipient, subject: "Grüße", body: body, html: html), logger: TestDatabases.logger)
        }
        let mail = try #require(try server.messages(to: recipient).first)
        #expect(mail.tls && mail.authenticated && mail.port == server.basicPort)
        #expect(!mail.mailOptions.contains("BODY=8BITMIME"))
        #expect(mail.headers["Subject"] == "Grüße")
        #expect(mail.parts.map(\.transferEncoding) == ["quoted-printable", "quoted-printable"])
        #expect(mail.parts.first?.content.replacingOccurrences(of: "\r\n", with: "\n") == body)
        #expect(mail.parts.last?.content == html)
    }

    @Test("implicit TLS (smtps://) delivers with AUTH")
    func implicitTLS() async throws {
        let server = try server
        let recipient = SMTPTestServer.recipient()
        try await withMailer(try server.settings(implicitTLS: true)) { mailer, _ in
            try await mailer.send(MailMessage(recipient: recipient, subject: "Over TLS", body: "plain ASCII"), logger: TestDatabases.logger)
        }
        let received = try server.messages(to: recipient)
        #expect(received.count == 1)
        #expect(received.first.map { $0.tls && $0.authenticated && $0.port == server.tlsPort } == true)
        #expect(received.first?.parts.first?.content == "plain ASCII\r\n")
    }

    @Test("a certificate from a CA that is not trusted is refused (retryable), and nothing is sent")
    func untrustedCertificate() async throws {
        let server = try server
        let recipient = SMTPTestServer.recipient()
        for settings in [try server.settings(port: server.untrustedPort, implicitTLS: true), try server.settings(trustCA: false)] {
            try await withMailer(settings) { mailer, _ in
                let error = await #expect(throws: SMTPError.self) {
                    try await mailer.send(MailMessage(recipient: recipient, subject: "s", body: "b"), logger: TestDatabases.logger)
                }
                guard case .tls = error else {
                    Issue.record("expected a TLS error, got \(String(describing: error))")
                    return
                }
            }
        }
        #expect(try server.messages(to: recipient).isEmpty)
    }

    @Test("a wrong password fails permanently (535 is a 5xx reply: the job is dead, an admin retries it after fixing the URL)")
    func wrongPassword() async throws {
        let server = try server
        let recipient = SMTPTestServer.recipient()
        try await withMailer(try server.settings(password: "not-the-password")) { mailer, _ in
            let failure = await #expect(throws: PermanentJobFailure.self) {
                try await mailer.send(MailMessage(recipient: recipient, subject: "s", body: "b"), logger: TestDatabases.logger)
            }
            #expect(failure?.description.contains("535") == true)
            #expect(failure?.description.contains("not-the-password") == false)
        }
        #expect(try server.messages(to: recipient).isEmpty)
    }

    @Test("a batch reuses one connection; it is closed when idle, and the next message opens another")
    func connectionReuse() async throws {
        let server = try server
        let recipients = (0..<3).map { _ in SMTPTestServer.recipient() }
        let last = SMTPTestServer.recipient()
        var settings = try server.settings()
        settings.idleTimeout = .milliseconds(500)
        try await withMailer(settings) { mailer, _ in
            for recipient in recipients {
                try await mailer.send(MailMessage(recipient: recipient, subject: "Batch", body: "b"), logger: TestDatabases.logger)
            }
            #expect(await mailer.idleConnections == 1)
            #expect(try await JobTesting.eventually(timeout: .seconds(10)) { await mailer.idleConnections == 0 })
            try await mailer.send(MailMessage(recipient: last, subject: "After idle", body: "b"), logger: TestDatabases.logger)
        }
        let batch = try recipients.map { try #require(server.messages(to: $0).first).connectionId }
        #expect(Set(batch).count == 1)
        let after = try #require(try server.messages(to: last).first)
        #expect(after.connectionId != batch[0])
    }

    @Test("an idle connection the relay dropped is replaced transparently: the next message still goes out")
    func droppedConnectionReplaced() async throws {
        let server = try server
        let first = SMTPTestServer.recipient("hangup-after")
        let second = SMTPTestServer.recipient()
        try await withMailer(try server.settings()) { mailer, _ in
            try await mailer.send(MailMessage(recipient: first, subject: "Then the relay hangs up", body: "b"), logger: TestDatabases.logger)
            #expect(await mailer.idleConnections == 1)
            // The relay drops the connection a second after its 250, while the mailer holds it as idle.
            let connection = try #require(try server.messages(to: first).first).connectionId
            let marker = server.mailDirectory + "/hangup-" + connection
            #expect(try await JobTesting.eventually(timeout: .seconds(20)) { FileManager.default.fileExists(atPath: marker) })
            try await mailer.send(MailMessage(recipient: second, subject: "On a new connection", body: "b"), logger: TestDatabases.logger)
        }
        let dropped = try #require(try server.messages(to: first).first)
        let next = try #require(try server.messages(to: second).first)
        #expect(dropped.connectionId != next.connectionId)
    }

    @Test("a message already accepted is not sent again (the delivery is recorded by its key)", arguments: TestEngine.available)
    func idempotent(engine: TestEngine) async throws {
        let server = try server
        let recipient = SMTPTestServer.recipient()
        let message = MailMessage(recipient: recipient, subject: "Once", body: "b", idempotencyKey: "mail:once:\(UUID().uuidString)")
        try await withMailer(try server.settings(), on: engine) { mailer, _ in
            try await mailer.send(message, logger: TestDatabases.logger)
            try await mailer.send(message, logger: TestDatabases.logger)
        }
        #expect(try server.messages(to: recipient).count == 1)
    }

    @Test("through the job queue: 451 then 250 arrives exactly once after a retry; 550 is dead after one attempt", arguments: TestEngine.available)
    func jobRetries(engine: TestEngine) async throws {
        let server = try server
        let tempfail = SMTPTestServer.recipient("tempfail-once")
        let rejected = SMTPTestServer.recipient("reject")
        try await withMailer(try server.settings(), on: engine) { mailer, database in
            let registry = JobRegistry()
            let queue = JobQueue(database: database, registry: registry)
            try registry.registerPlatformJobs(queue: queue, mailer: mailer, mailRetry: RetryPolicy(maxAttempts: 5, baseDelay: .milliseconds(200)))
            let later = try #require(
                try await queue.enqueue(
                    SendMail(MailMessage(recipient: tempfail, subject: "Try again", body: "b")),
                    options: JobOptions(queue: "mail", uniqueKey: "mail:tempfail:\(tempfail)")
                )
            )
            let never = try #require(
                try await queue.enqueue(
                    SendMail(MailMessage(recipient: rejected, subject: "Refused", body: "b")),
                    options: JobOptions(queue: "mail", uniqueKey: "mail:reject:\(rejected)")
                )
            )
            try await JobTesting.running([JobTesting.worker(queue, poll: .milliseconds(100))]) {
                let settled = try await JobTesting.eventually(timeout: .seconds(30)) {
                    let first = try await queue.job(id: later)?.state
                    let second = try await queue.job(id: never)?.state
                    return first == .succeeded && second == .dead
                }
                #expect(settled)
            }
            let succeeded = try #require(try await queue.job(id: later))
            #expect(succeeded.state == .succeeded)
            #expect(succeeded.attempts == 2)
            let dead = try #require(try await queue.job(id: never))
            #expect(dead.state == .dead)
            #expect(dead.attempts == 1)
            #expect(dead.lastError?.contains("550") == true)
        }
        #expect(try server.messages(to: tempfail).count == 1)
        #expect(try server.messages(to: rejected).isEmpty)
    }
}
