import Foundation
import SQLKit

/// SQL for the files on messages (`chat_message_attachments`).
enum MessageAttachmentStore {
    /// Attaches `attachments` to a new message, in their order.
    static func insert(messageID: String, _ attachments: [ChatAttachment], on sql: any SQLDatabase) async throws {
        guard !attachments.isEmpty else { return }
        var insert = sql.insert(into: "chat_message_attachments").columns("message_id", "upload_id", "position", "filename", "size", "content_type")
        for (position, attachment) in attachments.enumerated() {
            insert = insert.values(
                SQLBind(messageID), SQLBind(attachment.id), SQLBind(position), SQLBind(attachment.filename), SQLBind(attachment.size),
                SQLBind(attachment.contentType)
            )
        }
        try await insert.run()
    }

    /// The files of each message among `messageIDs`, in the order they were attached; one query.
    static func attachments(messageIDs: [String], on sql: any SQLDatabase) async throws -> [String: [ChatAttachment]] {
        guard !messageIDs.isEmpty else { return [:] }
        let rows = try await sql.select().columns("message_id", "upload_id", "filename", "size", "content_type").from("chat_message_attachments")
            .where("message_id", .in, messageIDs).orderBy("message_id").orderBy("position").all()
        var result: [String: [ChatAttachment]] = [:]
        for row in rows {
            let attachment = ChatAttachment(
                id: try row.decode(column: "upload_id", as: String.self), filename: try row.decode(column: "filename", as: String.self),
                size: try row.decode(column: "size", as: Int64.self), contentType: try row.decode(column: "content_type", as: String.self)
            )
            result[try row.decode(column: "message_id", as: String.self), default: []].append(attachment)
        }
        return result
    }

    /// The rooms whose live messages carry the upload; one query.
    static func rooms(uploadID: String, on sql: any SQLDatabase) async throws -> [String] {
        try await sql.raw(
            """
            SELECT DISTINCT m.room_id FROM chat_message_attachments a JOIN chat_messages m ON m.id = a.message_id
            WHERE a.upload_id = \(bind: uploadID) AND m.deleted_at IS NULL
            """
        ).all().map { try $0.decode(column: "room_id", as: String.self) }
    }

    /// The live messages carrying the upload.
    static func messages(uploadID: String, on sql: any SQLDatabase) async throws -> [StoredMessage] {
        try await sql.raw(
            """
            SELECT m.id, m.room_id, m.seq, m.author_id, m.body, m.body_html, m.reply_to, m.created_at, m.edited_at, m.deleted_at
            FROM chat_message_attachments a JOIN chat_messages m ON m.id = a.message_id
            WHERE a.upload_id = \(bind: uploadID) AND m.deleted_at IS NULL
            """
        ).all().map(MessageStore.decode)
    }

    /// Whether a live message of the room carries the upload.
    static func isVisible(uploadID: String, roomID: String, on sql: any SQLDatabase) async throws -> Bool {
        !(try await rooms(uploadID: uploadID, on: sql)).filter { $0 == roomID }.isEmpty
    }

    /// Removes the files of a message (it was deleted).
    static func remove(messageID: String, on sql: any SQLDatabase) async throws {
        try await sql.delete(from: "chat_message_attachments").where("message_id", .equal, messageID).run()
    }

    /// Removes the upload from every message; repeating it removes nothing more.
    static func remove(uploadID: String, on sql: any SQLDatabase) async throws {
        try await sql.delete(from: "chat_message_attachments").where("upload_id", .equal, uploadID).run()
    }
}
