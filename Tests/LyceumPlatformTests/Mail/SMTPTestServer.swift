import Foundation
@testable import LyceumPlatform

/// The aiosmtpd server `scripts/start-test-services` runs (scripts/lib/smtp_server.py), found through
/// `LYCEUM_TEST_SMTP_*`, and the messages it stored.
struct SMTPTestServer {
    /// One message the server accepted, as it recorded it (Python's email package decoded the MIME).
    struct Received: Decodable {
        struct Part: Decodable {
            let contentType: String
            let charset: String?
            let transferEncoding: String?
            let content: String
        }

        let mailFrom: String
        let mailOptions: [String]
        let rcptTos: [String]
        let tls: Bool
        let authenticated: Bool
        let connectionId: String
        let port: Int
        let contentType: String
        let headers: [String: String]
        let parts: [Part]
        /// The raw message as it arrived (after the server undid the dot-stuffing).
        var raw = ""

        private enum CodingKeys: String, CodingKey {
            case mailFrom, mailOptions, rcptTos, tls, authenticated, connectionId, port, contentType, headers, parts
        }
    }

    let host: String
    let startTLSPort: Int
    let tlsPort: Int
    let untrustedPort: Int
    /// STARTTLS and AUTH LOGIN only: no PIPELINING, no 8BITMIME, no AUTH PLAIN; non-ASCII DATA is refused.
    let basicPort: Int
    let user: String
    let password: String
    let caFile: String
    let mailDirectory: String

    /// Why the SMTP suites are skipped, when they are.
    static let skipReason = "the SMTP server is not configured: run scripts/start-test-services and source .test-services.env (sets LYCEUM_TEST_SMTP_*)"

    /// The server, when the environment names it.
    static var configured: SMTPTestServer? {
        let environment = ProcessInfo.processInfo.environment
        guard let host = environment["LYCEUM_TEST_SMTP_HOST"], let startTLS = environment["LYCEUM_TEST_SMTP_STARTTLS_PORT"].flatMap(Int.init),
            let tls = environment["LYCEUM_TEST_SMTP_TLS_PORT"].flatMap(Int.init),
            let untrusted = environment["LYCEUM_TEST_SMTP_UNTRUSTED_PORT"].flatMap(Int.init),
            let basic = environment["LYCEUM_TEST_SMTP_BASIC_PORT"].flatMap(Int.init), let user = environment["LYCEUM_TEST_SMTP_USER"],
            let password = environment["LYCEUM_TEST_SMTP_PASSWORD"], let caFile = environment["LYCEUM_TEST_SMTP_CA_FILE"],
            let mailDirectory = environment["LYCEUM_TEST_SMTP_MAIL_DIR"]
        else { return nil }
        return SMTPTestServer(
            host: host, startTLSPort: startTLS, tlsPort: tls, untrustedPort: untrusted, basicPort: basic, user: user, password: password, caFile: caFile,
            mailDirectory: mailDirectory
        )
    }

    /// Mailer settings for one of the server's ports; `password` overrides the right one.
    func settings(port: Int? = nil, implicitTLS: Bool = false, password: String? = nil, trustCA: Bool = true) throws -> SMTPSettings {
        let user = self.user.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
        let secret = (password ?? self.password).addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
        let url =
            implicitTLS
            ? "smtps://\(user):\(secret)@\(host):\(port ?? tlsPort)" : "smtp://\(user):\(secret)@\(host):\(port ?? startTLSPort)?starttls=required"
        var settings = SMTPSettings(
            server: try SMTPServerURL(url), from: MailAddress("Lyceum Tests <no-reply@school.example>")!,
            replyTo: MailAddress("Lyceum Help <help@school.example>"), trustedCAFile: trustCA ? caFile : nil
        )
        settings.commandTimeout = .seconds(10)
        return settings
    }

    /// Every stored message addressed to `recipient`, oldest first.
    func messages(to recipient: String) throws -> [Received] {
        let directory = URL(fileURLWithPath: mailDirectory)
        let files = try FileManager.default.contentsOfDirectory(atPath: mailDirectory).filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }
        return try files.sorted { Int($0.dropLast(5)) ?? 0 < Int($1.dropLast(5)) ?? 0 }.compactMap { name -> Received? in
            let data = try Data(contentsOf: directory.appendingPathComponent(name))
            guard var received = try? JSONDecoder().decode(Received.self, from: data), received.rcptTos.contains(recipient) else { return nil }
            received.raw = String(decoding: try Data(contentsOf: directory.appendingPathComponent(String(name.dropLast(5)) + ".eml")), as: UTF8.self)
            return received
        }
    }

    /// A recipient address no other test uses, with the server behaviour `prefix` selects (`tempfail-once`, `reject`).
    static func recipient(_ prefix: String = "student") -> String {
        "\(prefix)+\(UUID().uuidString.lowercased().prefix(12))@learners.example"
    }
}
