import Foundation
import LyceumContracts
import SQLKit

/// SQL for the weekly digest: unread notifications created since a time that no digest listed yet, read
/// through the partial index `notifications_digest_due`.
enum NotificationDigestStore {
    /// Up to `limit` recipients, in id order after `after`, with at least one notification due.
    static func recipients(since: Date, after: String?, limit: Int, on sql: any SQLDatabase) async throws -> [String] {
        var select = sql.select().distinct().column("recipient_id").from("notifications")
            .where("read_at", .is, SQLLiteral.null).where("digested_at", .is, SQLLiteral.null).where("created_at", .greaterThanOrEqual, since)
        if let after { select = select.where("recipient_id", .greaterThan, after) }
        return try await select.orderBy("recipient_id").limit(limit).all().map { try $0.decode(column: "recipient_id", as: String.self) }
    }

    /// The notifications due for `recipientIDs`, newest first per recipient: one query for all of them.
    static func due(recipientIDs: [String], since: Date, on sql: any SQLDatabase) async throws -> [(recipientID: String, notification: InAppNotification)] {
        guard !recipientIDs.isEmpty else { return [] }
        let rows = try await sql.select()
            .columns(["recipient_id", "id", "kind", "title", "body", "link", "actor_id", "created_at", "read_at"].map { SQLIdentifier($0) })
            .from("notifications")
            .where("recipient_id", .in, recipientIDs).where("read_at", .is, SQLLiteral.null).where("digested_at", .is, SQLLiteral.null)
            .where("created_at", .greaterThanOrEqual, since)
            .orderBy("recipient_id").orderBy("created_at", .descending).orderBy("id", .descending)
            .all()
        return try rows.compactMap { row in
            guard let kind = NotificationKind(rawValue: try row.decode(column: "kind", as: String.self)) else { return nil }
            let notification = InAppNotification(
                id: try row.decode(column: "id", as: String.self), kind: kind,
                title: try row.decode(column: "title", as: String.self), body: try row.decode(column: "body", as: String.self),
                link: try row.decode(column: "link", as: String.self), actorID: try row.decode(column: "actor_id", as: String?.self),
                createdAt: try row.decode(column: "created_at", as: Date.self), readAt: nil
            )
            return (try row.decode(column: "recipient_id", as: String.self), notification)
        }
    }

    /// Marks the notifications with these ids digested unless a digest already took them; returns the ids
    /// this call marked, so two runs at once never list one notification twice.
    static func markDigested(ids: [String], at now: Date, on sql: any SQLDatabase) async throws -> Set<String> {
        var marked: Set<String> = []
        for start in stride(from: 0, to: ids.count, by: 500) {
            let chunk = Array(ids[start..<min(start + 500, ids.count)])
            let rows = try await sql.update("notifications").set("digested_at", to: now)
                .where("id", .in, chunk).where("digested_at", .is, SQLLiteral.null)
                .returning("id").all()
            marked.formUnion(try rows.map { try $0.decode(column: "id", as: String.self) })
        }
        return marked
    }
}
