import Foundation
import LyceumApp
import LyceumCore
import LyceumPlatform
import LyceumTestSupport
import Testing

@Suite("SMTP configuration")
struct SMTPConfigurationTests {
    @Test("LYCEUM_SMTP_URL (or its _FILE), the from and reply-to addresses and the CA file make the SMTP settings")
    func reads() async throws {
        let directory = NSTemporaryDirectory() + "lyceum-smtp-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try "smtp://AKIAEXAMPLE:pa%24%24word@email-smtp.eu-west-1.amazonaws.com:587?starttls=required\n"
            .write(toFile: directory + "/smtp-url", atomically: true, encoding: .utf8)
        try "-----BEGIN CERTIFICATE-----\n".write(toFile: directory + "/ca.pem", atomically: true, encoding: .utf8)
        let configuration = try await LyceumConfiguration.load(
            flags: [:],
            environment: [
                "LYCEUM_SMTP_URL_FILE": directory + "/smtp-url", "LYCEUM_MAIL_FROM": "Lyceum <no-reply@school.example>",
                "LYCEUM_MAIL_REPLY_TO": "help@school.example", "LYCEUM_SMTP_CA_FILE": directory + "/ca.pem",
            ]
        )
        let smtp = try #require(configuration.smtp)
        #expect(smtp.server.host == "email-smtp.eu-west-1.amazonaws.com")
        #expect(smtp.server.port == 587)
        #expect(smtp.server.security == .startTLS(required: true))
        #expect(smtp.server.username == "AKIAEXAMPLE")
        #expect(smtp.server.password == "pa$$word")
        #expect(smtp.from == MailAddress("Lyceum <no-reply@school.example>"))
        #expect(smtp.replyTo?.address == "help@school.example")
        #expect(smtp.trustedCAFile == directory + "/ca.pem")
        #expect(try await LyceumConfiguration.load(flags: [:], environment: [:]).smtp == nil)
    }

    @Test("a setting that cannot work stops start-up with a sentence naming it", arguments: [
        (["LYCEUM_SMTP_URL": "smtp://relay.example?starttls=sometimes", "LYCEUM_MAIL_FROM": "a@b.example"], "LYCEUM_SMTP_URL"),
        (["LYCEUM_SMTP_URL": "mail://relay.example", "LYCEUM_MAIL_FROM": "a@b.example"], "LYCEUM_SMTP_URL"),
        (["LYCEUM_SMTP_URL": "smtp://u:p@relay.example?starttls=off", "LYCEUM_MAIL_FROM": "a@b.example"], "in clear"),
        (["LYCEUM_SMTP_URL": "smtp://relay.example"], "LYCEUM_MAIL_FROM is required"),
        (["LYCEUM_SMTP_URL": "smtp://relay.example", "LYCEUM_MAIL_FROM": "Lyceum"], "LYCEUM_MAIL_FROM must be an address"),
        (["LYCEUM_SMTP_URL": "smtp://relay.example", "LYCEUM_MAIL_FROM": "a@b.example", "LYCEUM_MAIL_REPLY_TO": "x"], "LYCEUM_MAIL_REPLY_TO"),
        (["LYCEUM_SMTP_URL": "smtp://relay.example", "LYCEUM_MAIL_FROM": "a@b.example", "LYCEUM_SMTP_CA_FILE": "/nonexistent/ca.pem"], "LYCEUM_SMTP_CA_FILE"),
    ])
    func refuses(environment: [String: String], fragment: String) async {
        let error = await #expect(throws: ConfigurationError.self) {
            try await LyceumConfiguration.load(flags: [:], environment: environment)
        }
        #expect(error?.message.contains(fragment) == true, "\(String(describing: error))")
        #expect(error?.message.contains("u:p") != true)
    }

    @Test(
        "with LYCEUM_SMTP_URL set, the application's mail goes out through the relay (a registration's confirmation)",
        .enabled(if: ProcessInfo.processInfo.environment["LYCEUM_TEST_SMTP_STARTTLS_PORT"] != nil, "the SMTP server is not configured: run scripts/start-test-services and source .test-services.env"),
        arguments: TestEngine.available
    )
    func applicationSendsThroughSMTP(engine: TestEngine) async throws {
        let environment = ProcessInfo.processInfo.environment
        let user = try #require(environment["LYCEUM_TEST_SMTP_USER"]).addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
        let password = try #require(environment["LYCEUM_TEST_SMTP_PASSWORD"]).addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
        let url = "smtp://\(user):\(password)@\(try #require(environment["LYCEUM_TEST_SMTP_HOST"])):\(try #require(environment["LYCEUM_TEST_SMTP_STARTTLS_PORT"]))"
        let settings = try await LyceumConfiguration.load(
            flags: [:],
            environment: [
                "LYCEUM_SMTP_URL": url, "LYCEUM_MAIL_FROM": "Lyceum <no-reply@school.example>",
                "LYCEUM_SMTP_CA_FILE": try #require(environment["LYCEUM_TEST_SMTP_CA_FILE"]),
            ]
        ).smtp
        let mailDirectory = try #require(environment["LYCEUM_TEST_SMTP_MAIL_DIR"])
        let email = "smtp-app+\(UUID().uuidString.prefix(12).lowercased())@learners.example"
        try await TestApp.run(engine, configure: { $0.smtp = settings }) { app in
            #expect(app.services.smtpMailer != nil)
            _ = try await app.register(email)
            let arrived = try await withDeadline(.seconds(20), "the confirmation mail at the relay") {
                while true {
                    if let message = try Self.received(in: mailDirectory, to: email) { return message }
                    try await Task.sleep(for: .milliseconds(50))
                }
            }
            #expect(arrived.contains("Subject: Confirm your email address for Lyceum"))
            #expect(arrived.contains("From: Lyceum <no-reply@school.example>"))
            #expect(try await app.services.mailer.messages(to: email).isEmpty, "the outbox is not used when SMTP is configured")
        }
    }

    /// The raw message the test relay stored for `recipient`, if any.
    private static func received(in directory: String, to recipient: String) throws -> String? {
        for name in try FileManager.default.contentsOfDirectory(atPath: directory) where name.hasSuffix(".json") && !name.hasPrefix(".") {
            let record = try String(contentsOfFile: directory + "/" + name, encoding: .utf8)
            if record.contains("\"\(recipient)\"") {
                return try String(contentsOfFile: directory + "/" + name.replacingOccurrences(of: ".json", with: ".eml"), encoding: .utf8)
            }
        }
        return nil
    }
}
