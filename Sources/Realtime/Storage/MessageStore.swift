import Foundation
import LyceumCore
import SQLKit

/// A message row as stored, before author names and reactions are added.
struct StoredMessage: Sendable, Equatable {
    let id: String
    let roomID: String
    let seq: Int64
    let authorID: String
    let body: String
    let bodyHTML: String
    let replyTo: String?
    let createdAt: Date
    let editedAt: Date?
    let deletedAt: Date?

    var isDeleted: Bool { deletedAt != nil }
}

/// SQL for messages and their reactions.
enum MessageStore {
    private static let columns = ["id", "room_id", "seq", "author_id", "body", "body_html", "reply_to", "created_at", "edited_at", "deleted_at"]

    static func insert(_ message: StoredMessage, on sql: any SQLDatabase) async throws {
        try await sql.insert(into: "chat_messages").columns(columns)
            .values(
                SQLBind(message.id), SQLBind(message.roomID), SQLBind(message.seq), SQLBind(message.authorID), SQLBind(message.body),
                SQLBind(message.bodyHTML), SQLBind(message.replyTo), SQLBind(message.createdAt), SQLBind(message.editedAt),
                SQLBind(message.deletedAt)
            ).run()
    }

    /// The message with this id in this room.
    static func find(id: String, roomID: String, on sql: any SQLDatabase) async throws -> StoredMessage? {
        try await sql.select().columns(columns.map { SQLIdentifier($0) }).from("chat_messages")
            .where("id", .equal, id).where("room_id", .equal, roomID).first().map(decode)
    }

    /// The room's messages before `seq` (all when `nil`), newest first, at most `limit + 1` (the extra one
    /// says whether an older page follows).
    static func page(roomID: String, before: Int64?, limit: Int, on sql: any SQLDatabase) async throws -> [StoredMessage] {
        var select = sql.select().columns(columns.map { SQLIdentifier($0) }).from("chat_messages").where("room_id", .equal, roomID)
        if let before { select = select.where("seq", .lessThan, before) }
        return try await select.orderBy("seq", .descending).limit(limit + 1).all().map(decode)
    }

    /// The newest message of each room that is not deleted.
    static func newest(roomIDs: [String], on sql: any SQLDatabase) async throws -> [String: StoredMessage] {
        guard !roomIDs.isEmpty else { return [:] }
        let list = columns.map { "m.\($0)" }.joined(separator: ", ")
        let rows = try await sql.raw(
            """
            SELECT \(unsafeRaw: list) FROM chat_messages m
            WHERE m.room_id IN (\(binds: roomIDs)) AND m.deleted_at IS NULL AND m.seq = (
                SELECT MAX(n.seq) FROM chat_messages n WHERE n.room_id = m.room_id AND n.deleted_at IS NULL
            )
            """
        ).all()
        var result: [String: StoredMessage] = [:]
        for row in rows {
            let message = try decode(row)
            result[message.roomID] = message
        }
        return result
    }

    /// Replaces the text of a live message; `false` when it is deleted or gone.
    static func edit(id: String, body: String, html: String, at now: Date, on sql: any SQLDatabase) async throws -> Bool {
        try await sql.update("chat_messages").set("body", to: body).set("body_html", to: html).set("edited_at", to: now)
            .where("id", .equal, id).where("deleted_at", .is, SQLLiteral.null).returning("id").first() != nil
    }

    /// Deletes a live message: its text and reactions go, the row stays as a tombstone; `false` when it was
    /// already deleted (so concurrent deletes announce once).
    static func delete(id: String, at now: Date, on sql: any SQLDatabase) async throws -> Bool {
        let deleted = try await sql.update("chat_messages").set("body", to: "").set("body_html", to: "").set("deleted_at", to: now)
            .where("id", .equal, id).where("deleted_at", .is, SQLLiteral.null).returning("id").first() != nil
        if deleted {
            try await sql.delete(from: "chat_reactions").where("message_id", .equal, id).run()
        }
        return deleted
    }

    // MARK: Reactions

    /// Adds a reaction; `false` when the user already reacted with that emoji.
    static func addReaction(messageID: String, userID: String, emoji: String, at now: Date, on sql: any SQLDatabase) async throws -> Bool {
        try await sql.raw(
            """
            INSERT INTO chat_reactions (message_id, user_id, emoji, created_at)
            VALUES (\(bind: messageID), \(bind: userID), \(bind: emoji), \(bind: now))
            ON CONFLICT DO NOTHING RETURNING user_id
            """
        ).first() != nil
    }

    /// Removes a reaction; `false` when there was none.
    static func removeReaction(messageID: String, userID: String, emoji: String, on sql: any SQLDatabase) async throws -> Bool {
        try await sql.delete(from: "chat_reactions").where("message_id", .equal, messageID).where("user_id", .equal, userID)
            .where("emoji", .equal, emoji).returning("user_id").first() != nil
    }

    /// How many distinct emoji the message has; bounds the reactions a message can collect.
    static func emojiCount(messageID: String, on sql: any SQLDatabase) async throws -> Int {
        try await sql.raw("SELECT COUNT(DISTINCT emoji) AS n FROM chat_reactions WHERE message_id = \(bind: messageID)").first()?
            .decode(column: "n", as: Int.self) ?? 0
    }

    /// The reactions of each message, each emoji in the order it was first used, its users in the order they reacted.
    static func reactions(messageIDs: [String], on sql: any SQLDatabase) async throws -> [String: [ChatReaction]] {
        guard !messageIDs.isEmpty else { return [:] }
        let rows = try await sql.select().columns("message_id", "user_id", "emoji").from("chat_reactions").where("message_id", .in, messageIDs)
            .orderBy("created_at").orderBy("user_id").all()
        var ordered: [String: [(emoji: String, users: [String])]] = [:]
        for row in rows {
            let message = try row.decode(column: "message_id", as: String.self)
            let emoji = try row.decode(column: "emoji", as: String.self)
            let user = try row.decode(column: "user_id", as: String.self)
            if let index = ordered[message]?.firstIndex(where: { $0.emoji == emoji }) {
                ordered[message]?[index].users.append(user)
            } else {
                ordered[message, default: []].append((emoji, [user]))
            }
        }
        return ordered.mapValues { $0.map { ChatReaction(emoji: $0.emoji, userIds: $0.users) } }
    }

    static func decode(_ row: any SQLRow) throws -> StoredMessage {
        StoredMessage(
            id: try row.decode(column: "id", as: String.self), roomID: try row.decode(column: "room_id", as: String.self),
            seq: try row.decode(column: "seq", as: Int64.self), authorID: try row.decode(column: "author_id", as: String.self),
            body: try row.decode(column: "body", as: String.self), bodyHTML: try row.decode(column: "body_html", as: String.self),
            replyTo: try row.decode(column: "reply_to", as: String?.self), createdAt: try row.decode(column: "created_at", as: Date.self),
            editedAt: try row.decode(column: "edited_at", as: Date?.self), deletedAt: try row.decode(column: "deleted_at", as: Date?.self)
        )
    }
}

/// SQL for a room's event log: the encoded frame of every stored event, by position.
enum RoomEventStore {
    static func append(_ frame: RealtimeFrame, room: RoomID, messageID: String?, at now: Date, on sql: any SQLDatabase) async throws {
        guard let seq = frame.seq else { return }
        try await sql.insert(into: "chat_room_events").columns("room_id", "seq", "frame", "message_id", "created_at")
            .values(SQLBind(room.text), SQLBind(seq), SQLBind(frame.text), SQLBind(messageID), SQLBind(now)).run()
    }

    /// Rewrites the stored `message.created` and `message.edited` frames of a message to carry `message` as it
    /// is now, so a resume never replays text its author replaced or deleted.
    static func rewriteMessageFrames(_ room: RoomID, as message: ChatMessage, on sql: any SQLDatabase) async throws {
        let rows = try await sql.select().columns("seq", "frame").from("chat_room_events").where("room_id", .equal, room.text)
            .where("message_id", .equal, message.id).all()
        for row in rows {
            let seq = try row.decode(column: "seq", as: Int64.self)
            let frame = try row.decode(column: "frame", as: String.self)
            guard let event = ["message.created", "message.edited"].first(where: { frame.contains("\"event\":\"\($0)\"") }) else { continue }
            try await sql.update("chat_room_events").set("frame", to: ChatFrames.message(message, event: event, seq: seq).text)
                .where("room_id", .equal, room.text).where("seq", .equal, seq).run()
        }
    }

    /// Deletes the events more than `keep` behind their room's newest one and created before `cutoff`;
    /// returns how many.
    static func prune(keepingLast keep: Int, before cutoff: Date, on sql: any SQLDatabase) async throws -> Int {
        let condition: SQLQueryString = """
            created_at < \(bind: cutoff)
              AND seq <= (SELECT r.last_seq - \(bind: Int64(keep)) FROM chat_rooms r WHERE r.id = chat_room_events.room_id)
            """
        let count = try await sql.raw("SELECT COUNT(*) AS n FROM chat_room_events WHERE \(condition)").first()?.decode(column: "n", as: Int.self) ?? 0
        guard count > 0 else { return 0 }
        try await sql.raw("DELETE FROM chat_room_events WHERE \(condition)").run()
        return count
    }

    /// The room's frames after `seq`, oldest first, at most `limit`.
    static func frames(_ room: RoomID, after seq: Int64, limit: Int, on sql: any SQLDatabase) async throws -> [RealtimeFrame] {
        try await sql.select().columns("seq", "frame").from("chat_room_events").where("room_id", .equal, room.text)
            .where("seq", .greaterThan, seq).orderBy("seq").limit(limit).all().map { row in
                RealtimeFrame(topic: room.topic, seq: try row.decode(column: "seq", as: Int64.self), text: try row.decode(column: "frame", as: String.self))
            }
    }
}
