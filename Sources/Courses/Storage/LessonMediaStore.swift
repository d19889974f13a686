import Foundation
import SQLKit

/// SQL for a lesson's attachments and its uploaded video, and for who may read them.
struct LessonMediaStore {
    /// The upload ids attached to a lesson, in their order.
    static func attachmentIDs(lessonID: String, on sql: any SQLDatabase) async throws -> [String] {
        try await sql.select().column("upload_id").from("lesson_attachments").where("lesson_id", .equal, lessonID)
            .orderBy("position").orderBy("added_at").all()
            .map { try $0.decode(column: "upload_id", as: String.self) }
    }

    /// Whether the upload is attached to the lesson.
    static func isAttached(lessonID: String, uploadID: String, on sql: any SQLDatabase) async throws -> Bool {
        try await sql.select().column("upload_id").from("lesson_attachments")
            .where("lesson_id", .equal, lessonID).where("upload_id", .equal, uploadID).first() != nil
    }

    /// Attaches the upload at the end of the lesson's list; a second attachment of the same upload is a
    /// unique violation (the caller answers 409).
    static func attach(lessonID: String, uploadID: String, position: Int, addedBy: String, at date: Date, on sql: any SQLDatabase) async throws {
        try await sql.insert(into: "lesson_attachments").columns("lesson_id", "upload_id", "position", "added_by", "added_at")
            .values(SQLBind(lessonID), SQLBind(uploadID), SQLBind(position), SQLBind(addedBy), SQLBind(date))
            .run()
    }

    /// The position after the lesson's last attachment, and how many it has.
    static func count(lessonID: String, on sql: any SQLDatabase) async throws -> (count: Int, nextPosition: Int) {
        let row = try await sql.raw(
            "SELECT COUNT(*) AS n, COALESCE(MAX(position), -1) AS last FROM lesson_attachments WHERE lesson_id = \(bind: lessonID)"
        ).first()
        return (try row?.decode(column: "n", as: Int.self) ?? 0, (try row?.decode(column: "last", as: Int.self) ?? -1) + 1)
    }

    /// Detaches the upload; whether it was attached.
    static func detach(lessonID: String, uploadID: String, on sql: any SQLDatabase) async throws -> Bool {
        let rows = try await sql.delete(from: "lesson_attachments").where("lesson_id", .equal, lessonID)
            .where("upload_id", .equal, uploadID).returning("upload_id").all()
        return !rows.isEmpty
    }

    /// Drops every reference to a deleted upload (attachments and videos); the courses whose lessons referred to it.
    static func forget(uploadID: String, on sql: any SQLDatabase) async throws -> Set<String> {
        let attached = try await sql.raw(
            """
            SELECT l.course_id FROM lesson_attachments a JOIN lessons l ON l.id = a.lesson_id WHERE a.upload_id = \(bind: uploadID)
            UNION SELECT course_id FROM lessons WHERE video_upload_id = \(bind: uploadID)
            """
        ).all().map { try $0.decode(column: "course_id", as: String.self) }
        try await sql.delete(from: "lesson_attachments").where("upload_id", .equal, uploadID).run()
        try await sql.update("lessons").set("video_upload_id", to: SQLLiteral.null).where("video_upload_id", .equal, uploadID).run()
        return Set(attached)
    }

    /// How an upload is used by lessons.
    enum Use: Sendable {
        /// Attached to the lesson.
        case attachment
        /// The lesson's uploaded video.
        case video
    }

    /// What decides whether one user may read one lesson that uses an upload: read in one query for every
    /// lesson that uses it.
    struct LessonReadFacts: Sendable {
        let courseStatus: String
        let isOwner: Bool
        let staffRole: String?
        let isEnrolled: Bool
        let isHiddenFromStudents: Bool
        let isPreview: Bool
    }

    /// The read facts of every lesson that uses the upload as `use`, for `userID`.
    static func readFacts(uploadID: String, use: Use, userID: String, on sql: any SQLDatabase) async throws -> [LessonReadFacts] {
        let rows = switch use {
        case .attachment:
            try await sql.raw(
                """
                SELECT c.status, c.owner_id, l.preview, l.hidden, m.hidden AS module_hidden,
                    (SELECT role FROM course_staff s WHERE s.course_id = c.id AND s.user_id = \(bind: userID)) AS staff_role,
                    (SELECT status FROM enrollments e WHERE e.course_id = c.id AND e.user_id = \(bind: userID)) AS enrollment
                FROM lesson_attachments a JOIN lessons l ON l.id = a.lesson_id
                    JOIN course_modules m ON m.id = l.module_id JOIN courses c ON c.id = l.course_id
                WHERE a.upload_id = \(bind: uploadID)
                """
            ).all()
        case .video:
            try await sql.raw(
                """
                SELECT c.status, c.owner_id, l.preview, l.hidden, m.hidden AS module_hidden,
                    (SELECT role FROM course_staff s WHERE s.course_id = c.id AND s.user_id = \(bind: userID)) AS staff_role,
                    (SELECT status FROM enrollments e WHERE e.course_id = c.id AND e.user_id = \(bind: userID)) AS enrollment
                FROM lessons l JOIN course_modules m ON m.id = l.module_id JOIN courses c ON c.id = l.course_id
                WHERE l.video_upload_id = \(bind: uploadID)
                """
            ).all()
        }
        return try rows.map { row in
            LessonReadFacts(
                courseStatus: try row.decode(column: "status", as: String.self),
                isOwner: try row.decode(column: "owner_id", as: String.self) == userID,
                staffRole: try row.decode(column: "staff_role", as: String?.self),
                isEnrolled: try row.decode(column: "enrollment", as: String?.self) == "active",
                isHiddenFromStudents: try row.decode(column: "hidden", as: Bool.self) || row.decode(column: "module_hidden", as: Bool.self),
                isPreview: try row.decode(column: "preview", as: Bool.self)
            )
        }
    }
}
