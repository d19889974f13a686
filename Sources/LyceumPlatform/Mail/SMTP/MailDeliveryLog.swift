import Foundation
import SQLKit

/// The messages the relay accepted, keyed by idempotency key (`mail_deliveries`): a job that runs again after
/// the relay's 250 (its worker died before recording success) finds its message here and does not send it twice.
struct MailDeliveryLog: Sendable {
    let database: any Database

    /// Whether the message with `key` was delivered already.
    func contains(_ key: String) async throws -> Bool {
        try await database.read { sql in
            try await sql.select().column("idempotency_key").from("mail_deliveries").where("idempotency_key", .equal, key).first() != nil
        }
    }

    /// Records that the relay accepted the message with `key` as `messageID`.
    func record(_ key: String, messageID: String, at date: Date) async throws {
        try await database.write { sql in
            try await sql.insert(into: "mail_deliveries").columns("idempotency_key", "message_id", "delivered_at")
                .values(SQLBind(key), SQLBind(messageID), SQLBind(date))
                .ignoringConflicts(with: ["idempotency_key"])
                .run()
        }
    }

    /// Forgets deliveries older than `cutoff` (their jobs' unique keys stop deduplicating at the same age).
    static func prune(olderThan cutoff: Date, on database: any Database) async throws {
        try await database.write { sql in
            try await sql.delete(from: "mail_deliveries").where("delivered_at", .lessThan, SQLBind(cutoff)).run()
        }
    }
}
