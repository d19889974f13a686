import Foundation
import Logging
import SQLKit

/// An email to one recipient, plain text.
public struct MailMessage: Sendable, Equatable {
    /// The recipient address.
    public let recipient: String
    /// The subject line.
    public let subject: String
    /// The plain-text body.
    public let body: String

    /// Creates a message.
    public init(recipient: String, subject: String, body: String) {
        self.recipient = recipient
        self.subject = subject
        self.body = body
    }
}

/// Sends email. The embedded implementation keeps messages in the `mail_outbox` table; SMTP comes later.
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
        let id = UUID().uuidString.lowercased()
        let now = clock()
        try await database.write { sql in
            try await sql.insert(into: "mail_outbox")
                .columns("id", "recipient", "subject", "body", "created_at")
                .values(SQLBind(id), SQLBind(message.recipient), SQLBind(message.subject), SQLBind(message.body), SQLBind(now))
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
