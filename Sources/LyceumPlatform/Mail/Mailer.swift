import Foundation
import Logging
import SQLKit

/// One header line an email carries besides the ones every message gets (`From`, `To`, `Subject`, `Date`,
/// `Message-ID`, MIME): `List-Unsubscribe`, `List-Unsubscribe-Post`, `Auto-Submitted`.
public struct MailHeader: Sendable, Equatable, Codable {
    /// The field name, such as `List-Unsubscribe`.
    public let name: String
    /// The field's value, unfolded and without a line break.
    public let value: String

    /// Creates a header.
    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}

/// An email to one recipient: a plain-text body, and optionally an HTML alternative of the same content.
public struct MailMessage: Sendable, Equatable, Codable {
    /// The recipient address.
    public let recipient: String
    /// The subject line.
    public let subject: String
    /// The plain-text body.
    public let body: String
    /// The HTML alternative of `body`; a message with one is sent as `multipart/alternative`.
    public var html: String?
    /// Extra header lines, in order.
    public var headers: [MailHeader]
    /// Identifies this message across retries: a mailer that sees the same key twice sends once, and SMTP
    /// derives the `Message-ID` from it, so a retried message keeps its id.
    public var idempotencyKey: String?

    /// Creates a message.
    public init(
        recipient: String, subject: String, body: String, html: String? = nil, headers: [MailHeader] = [], idempotencyKey: String? = nil
    ) {
        self.recipient = recipient
        self.subject = subject
        self.body = body
        self.html = html
        self.headers = headers
        self.idempotencyKey = idempotencyKey
    }

    private enum CodingKeys: String, CodingKey {
        case recipient, subject, body, html, headers, idempotencyKey
    }

    /// Decodes a message, including ones queued before messages had HTML and headers.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        recipient = try container.decode(String.self, forKey: .recipient)
        subject = try container.decode(String.self, forKey: .subject)
        body = try container.decode(String.self, forKey: .body)
        html = try container.decodeIfPresent(String.self, forKey: .html)
        headers = try container.decodeIfPresent([MailHeader].self, forKey: .headers) ?? []
        idempotencyKey = try container.decodeIfPresent(String.self, forKey: .idempotencyKey)
    }

    /// The value of the first header named `name` (case-insensitive), if the message has one.
    public func header(_ name: String) -> String? {
        headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }
}

/// Sends email. The embedded implementation keeps messages in the `mail_outbox` table; `SMTPMailer` sends
/// them through a relay. Domains do not call it in a request: they enqueue a `SendMail` job in their transaction.
public protocol Mailer: Sendable {
    /// Delivers or queues `message`.
    /// - Throws: `PermanentJobFailure` when the message can never be delivered (the relay refused it with a
    ///   5xx reply), so the job goes straight to `dead`; any other error is retried with backoff.
    func send(_ message: MailMessage, logger: Logger) async throws
}

/// The embedded mailer: logs each message and keeps it in `mail_outbox`, where operators and tests read it.
public struct OutboxMailer: Mailer {
    private let database: any Database
    private let clock: @Sendable () -> Date

    /// Creates a mailer that writes to `database`.
    public init(database: any Database, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.database = database
        self.clock = clock
    }

    public func send(_ message: MailMessage, logger: Logger) async throws {
        let id = message.idempotencyKey ?? UUID().uuidString.lowercased()
        let now = clock()
        let headers = message.headers.isEmpty ? nil : String(decoding: try JSONEncoder().encode(message.headers), as: UTF8.self)
        try await database.write { sql in
            try await sql.insert(into: "mail_outbox")
                .columns("id", "recipient", "subject", "body", "html", "headers", "created_at")
                .values(
                    SQLBind(id), SQLBind(message.recipient), SQLBind(message.subject), SQLBind(message.body), SQLBind(message.html),
                    SQLBind(headers), SQLBind(now)
                )
                .ignoringConflicts(with: ["id"])
                .run()
        }
        logger.info(
            "Mail kept in outbox",
            metadata: ["mail.id": "\(id)", "mail.recipient": "\(message.recipient)", "mail.subject": "\(message.subject)"]
        )
    }

    /// The newest messages sent to `recipient`, newest first.
    public func messages(to recipient: String, limit: Int = 20) async throws -> [MailMessage] {
        try await database.read { sql in
            try await sql.select().columns("id", "recipient", "subject", "body", "html", "headers").from("mail_outbox")
                .where("recipient", .equal, recipient)
                .orderBy("created_at", .descending)
                .limit(limit)
                .all()
                .map { row in
                    let headers = try row.decode(column: "headers", as: String?.self).map {
                        try JSONDecoder().decode([MailHeader].self, from: Data($0.utf8))
                    }
                    return MailMessage(
                        recipient: try row.decode(column: "recipient", as: String.self),
                        subject: try row.decode(column: "subject", as: String.self),
                        body: try row.decode(column: "body", as: String.self),
                        html: try row.decode(column: "html", as: String?.self),
                        headers: headers ?? [],
                        idempotencyKey: try row.decode(column: "id", as: String.self)
                    )
                }
        }
    }
}
