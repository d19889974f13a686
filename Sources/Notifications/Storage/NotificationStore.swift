import Foundation
import LyceumContracts
import LyceumCore
import SQLKit

/// A notification about to be written for one recipient.
struct NewNotification: Sendable {
    let id: String
    let recipientID: String
    let request: NotificationRequested
    let createdAt: Date
}

/// SQL for notifications. Every read is one statement on indexes that start with the recipient.
enum NotificationStore {
    private static let columns = ["id", "kind", "title", "body", "link", "actor_id", "created_at", "read_at"]
    /// Writes the notifications whose `(recipient, source key)` is new; returns `(id, recipient)` of the rows
    /// written. An existing pair is left alone, so delivering the same request again writes nothing.
    static func insert(_ notifications: [NewNotification], on sql: any SQLDatabase) async throws -> [(id: String, recipientID: String)] {
        guard !notifications.isEmpty else { return [] }
        var insert = sql.insert(into: "notifications")
            .columns("id", "recipient_id", "kind", "title", "body", "link", "actor_id", "source_key", "created_at")
        for item in notifications {
            insert = insert.values(
                SQLBind(item.id), SQLBind(item.recipientID), SQLBind(item.request.kind.rawValue), SQLBind(item.request.title),
                SQLBind(item.request.body), SQLBind(item.request.link), SQLBind(item.request.actorID), SQLBind(item.request.sourceKey),
                SQLBind(item.createdAt)
            )
        }
        let rows = try await insert.ignoringConflicts(with: ["recipient_id", "source_key"]).returning("id", "recipient_id").all()
        return try rows.map { (try $0.decode(column: "id", as: String.self), try $0.decode(column: "recipient_id", as: String.self)) }
    }

    /// The recipient's notifications newest first, after `cursor`, at most `limit + 1` (the extra one says
    /// whether another page follows).
    static func list(recipientID: String, unreadOnly: Bool, after cursor: PageCursor?, limit: Int, on sql: any SQLDatabase) async throws
        -> [InAppNotification]
    {
        var select = sql.select().columns(columns.map { SQLIdentifier($0) }).from("notifications")
            .where("recipient_id", .equal, recipientID)
        if unreadOnly { select = select.where("read_at", .is, SQLLiteral.null) }
        if let cursor {
            select = select.where { group in
                group.where("created_at", .lessThan, cursor.createdAt)
                    .orWhere { inner in inner.where("created_at", .equal, cursor.createdAt).where("id", .lessThan, cursor.id) }
            }
        }
        return try await select.orderBy("created_at", .descending).orderBy("id", .descending).limit(limit + 1).all().map(decode)
    }

    /// How many unread notifications each of `recipientIDs` has; recipients with none are absent.
    static func unreadCounts(recipientIDs: [String], on sql: any SQLDatabase) async throws -> [String: Int] {
        guard !recipientIDs.isEmpty else { return [:] }
        var counts: [String: Int] = [:]
        let rows = try await sql.select().column("recipient_id").column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
            .from("notifications").where("recipient_id", .in, recipientIDs).where("read_at", .is, SQLLiteral.null)
            .groupBy("recipient_id").all()
        for row in rows {
            counts[try row.decode(column: "recipient_id", as: String.self)] = try row.decode(column: "n", as: Int.self)
        }
        return counts
    }

    /// How many unread notifications the recipient has, counted on the partial index of unread rows.
    static func unreadCount(recipientID: String, on sql: any SQLDatabase) async throws -> Int {
        try await unreadCounts(recipientIDs: [recipientID], on: sql)[recipientID] ?? 0
    }

    /// Marks the recipient's notifications with these ids read (keeping the first read time); returns the
    /// ids that are the recipient's, read before or now.
    static func markRead(ids: [String], recipientID: String, at now: Date, on sql: any SQLDatabase) async throws -> Set<String> {
        guard !ids.isEmpty else { return [] }
        let rows = try await sql.update("notifications")
            .set("read_at", to: SQLFunction("COALESCE", args: SQLIdentifier("read_at"), SQLBind(now)))
            .where("recipient_id", .equal, recipientID).where("id", .in, ids)
            .returning("id").all()
        return Set(try rows.map { try $0.decode(column: "id", as: String.self) })
    }

    /// Marks every unread notification of the recipient read.
    static func markAllRead(recipientID: String, at now: Date, on sql: any SQLDatabase) async throws {
        try await sql.update("notifications").set("read_at", to: now)
            .where("recipient_id", .equal, recipientID).where("read_at", .is, SQLLiteral.null).run()
    }

    /// Deletes the notifications read before `cutoff`; returns how many. Runs daily, so a scan is fine.
    static func deleteRead(before cutoff: Date, on sql: any SQLDatabase) async throws -> Int {
        try await sql.delete(from: "notifications").where("read_at", .lessThan, cutoff).returning("id").all().count
    }

    private static func decode(_ row: any SQLRow) throws -> InAppNotification {
        let kindText = try row.decode(column: "kind", as: String.self)
        guard let kind = NotificationKind(rawValue: kindText) else {
            throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "Unknown notification kind \(kindText)"))
        }
        return InAppNotification(
            id: try row.decode(column: "id", as: String.self), kind: kind,
            title: try row.decode(column: "title", as: String.self), body: try row.decode(column: "body", as: String.self),
            link: try row.decode(column: "link", as: String.self), actorID: try row.decode(column: "actor_id", as: String?.self),
            createdAt: try row.decode(column: "created_at", as: Date.self), readAt: try row.decode(column: "read_at", as: Date?.self)
        )
    }
}
