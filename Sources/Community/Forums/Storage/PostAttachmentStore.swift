import Foundation
import SQLKit

/// SQL for the files on posts (`community_post_attachments`).
enum PostAttachmentStore {
    /// Attaches `attachments` to the post in their order, after removing the ones it had.
    static func replace(postID: String, with attachments: [PostAttachment], on sql: any SQLDatabase) async throws {
        try await sql.delete(from: "community_post_attachments").where("post_id", .equal, postID).run()
        guard !attachments.isEmpty else { return }
        var insert = sql.insert(into: "community_post_attachments").columns("post_id", "upload_id", "position", "filename", "size", "content_type")
        for (position, attachment) in attachments.enumerated() {
            insert = insert.values(
                SQLBind(postID), SQLBind(attachment.uploadID), SQLBind(position), SQLBind(attachment.filename), SQLBind(attachment.size),
                SQLBind(attachment.contentType)
            )
        }
        try await insert.run()
    }

    /// The files of each post among `postIDs`, in the order they were attached; one query.
    static func attachments(postIDs: [String], on sql: any SQLDatabase) async throws -> [String: [PostAttachment]] {
        guard !postIDs.isEmpty else { return [:] }
        let rows = try await sql.select().columns("post_id", "upload_id", "filename", "size", "content_type").from("community_post_attachments")
            .where("post_id", .in, postIDs).orderBy("post_id").orderBy("position").all()
        var result: [String: [PostAttachment]] = [:]
        for row in rows {
            let attachment = PostAttachment(
                uploadID: try row.decode(column: "upload_id", as: String.self), filename: try row.decode(column: "filename", as: String.self),
                size: try row.decode(column: "size", as: Int64.self), contentType: try row.decode(column: "content_type", as: String.self)
            )
            result[try row.decode(column: "post_id", as: String.self), default: []].append(attachment)
        }
        return result
    }

    /// The boards of the live posts the upload is attached to, whose thread is live too; one query.
    static func visibleBoards(uploadID: String, on sql: any SQLDatabase) async throws -> [String] {
        try await sql.raw(
            """
            SELECT DISTINCT p.board_id FROM community_post_attachments a
            JOIN community_posts p ON p.id = a.post_id
            LEFT JOIN community_posts t ON t.id = p.thread_id
            WHERE a.upload_id = \(bind: uploadID) AND p.deleted_at IS NULL AND t.deleted_at IS NULL
            """
        ).all().map { try $0.decode(column: "board_id", as: String.self) }
    }

    /// Whether the upload is attached to a live post of the thread (the thread itself or one of its replies).
    static func isVisible(uploadID: String, inThread threadID: String, on sql: any SQLDatabase) async throws -> Bool {
        try await sql.raw(
            """
            SELECT a.post_id FROM community_post_attachments a
            JOIN community_posts p ON p.id = a.post_id
            WHERE a.upload_id = \(bind: uploadID) AND (p.id = \(bind: threadID) OR p.thread_id = \(bind: threadID)) AND p.deleted_at IS NULL
            """
        ).first() != nil
    }

    /// Removes the upload from every post; repeating it removes nothing more.
    static func remove(uploadID: String, on sql: any SQLDatabase) async throws {
        try await sql.delete(from: "community_post_attachments").where("upload_id", .equal, uploadID).run()
    }
}
