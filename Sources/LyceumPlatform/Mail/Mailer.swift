import Foundation
import Logging
import SQLKit

/// An email to one recipient, plain text.
public struct MailMessage: Sendable, Equatable, Codable {
    /// The recipient address.
    public let recipient: String
    /// The subject line.
    public let subject: String
    /// The plain-text body.
    public let body: String
    /// Identifies this message across retries: a mailer that sees the same key twice sends once.
    public var idempotencyKey: String?

    /// Creates a message.
    public init(recipient: String, subject: String, body: String, idempotencyKey: String? = nil) {
        self.recipient = recipient
        self.subject = subject
        self.body = body
        self.idempotencyKey = idempotencyKey
    }
}

/// Sends email. The embedded implementation keeps messages in the `mail_outbox` table; SMTP comes later.
/// Domains do not call it in a request: they enqueue a `SendMail` job in their transaction.
public protocol Mailer: Sendable {
    /// Delivers or queues `message`.
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
        try await database.write { sql in
            try await sql.insert(into: "mail_outbox")
                .columns("id", "recipient", "subject", "body", "created_at")
                .values(SQLBind(id), SQLBind(message.recipient), SQLBind(message.subject), SQLBind(message.body), SQLBind(now))
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
            try await sql.select().columns("recipient", "subject", "body").from("mail_outbox")
                .where("recipient", .equal, recipient)
                .orderBy("created_at", .descending)
                .limit(limit)
                .all()
                .map {
                    MailMessage(
                        recipient: try $0.decode(column: "recipient", as: String.self),
                        subject: try $0.decode(column: "subject", as: String.self),
                        body: try $0.decode(column: "body", as: String.self)
                    )
                }
        }
    }
}
