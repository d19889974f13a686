import Foundation
import SQLKit

/// The `billing_webhook_events` table: every Stripe event id processed, written in the transaction of its effect.
enum WebhookEventStore {
    /// Records the event; `false` when it was recorded before (a repeated delivery), in which case the caller
    /// does nothing. Concurrent deliveries of one id meet at the primary key: the second waits for the first's
    /// transaction and then finds the row.
    static func record(eventID: String, type: String, at now: Date, on sql: any SQLDatabase) async throws -> Bool {
        try await sql.raw(
            """
            INSERT INTO billing_webhook_events (event_id, type, received_at) VALUES (\(bind: eventID), \(bind: type), \(bind: now))
            ON CONFLICT (event_id) DO NOTHING RETURNING event_id
            """
        ).first() != nil
    }

    /// Notes which order the event concerned, for support.
    static func link(eventID: String, orderID: String, on sql: any SQLDatabase) async throws {
        try await sql.update("billing_webhook_events").set("order_id", to: orderID).where("event_id", .equal, eventID).run()
    }
}
