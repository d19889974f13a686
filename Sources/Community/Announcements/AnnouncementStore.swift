import Foundation
import SQLKit

/// SQL for course announcements.
enum AnnouncementStore {
    private static let columns = [
        "id", "course_id", "author_id", "title", "body", "pinned", "publish_at", "notified_at", "created_at", "updated_at",
    ]

    static func insert(_ announcement: Announcement, on sql: any SQLDatabase) async throws {
        try await sql.insert(into: "community_announcements").columns(columns)
            .values(
                SQLBind(announcement.id), SQLBind(announcement.courseID), SQLBind(announcement.authorID), SQLBind(announcement.title),
                SQLBind(announcement.body), SQLBind(announcement.isPinned), SQLBind(announcement.publishAt), SQLBind(announcement.notifiedAt),
                SQLBind(announcement.createdAt), SQLBind(announcement.updatedAt)
            ).run()
    }

    static func find(id: String, on sql: any SQLDatabase) async throws -> Announcement? {
        try await sql.select().columns(columns).from("community_announcements").where("id", .equal, id).first().map(decode)
    }

    /// The latest announcements of the courses, pinned first, then newest first; only those published by
    /// `publishedBy` when it is given (students), all of them otherwise (staff).
    static func latest(courseIDs: [String], publishedBy now: Date?, limit: Int, on sql: any SQLDatabase) async throws -> [Announcement] {
        guard !courseIDs.isEmpty else { return [] }
        var select = sql.select().columns(columns).from("community_announcements").where("course_id", .in, courseIDs)
        if let now { select = select.where("publish_at", .lessThanOrEqual, now) }
        return try await select.orderBy("pinned", .descending).orderBy("publish_at", .descending).orderBy("id", .descending)
            .limit(limit).all().map(decode)
    }

    static func update(_ announcement: Announcement, on sql: any SQLDatabase) async throws {
        try await sql.update("community_announcements").set("title", to: announcement.title).set("body", to: announcement.body)
            .set("pinned", to: announcement.isPinned).set("publish_at", to: announcement.publishAt)
            .set("updated_at", to: announcement.updatedAt).where("id", .equal, announcement.id).run()
    }

    static func delete(id: String, on sql: any SQLDatabase) async throws -> Bool {
        try await sql.delete(from: "community_announcements").where("id", .equal, id).returning("id").first() != nil
    }

    /// Marks the announcement notified if it is due at `now` and was not notified yet; `true` when this call
    /// did, so the notification is requested once however often the scheduled job runs.
    static func markNotified(id: String, at now: Date, on sql: any SQLDatabase) async throws -> Bool {
        try await sql.update("community_announcements").set("notified_at", to: now)
            .where("id", .equal, id).where("publish_at", .lessThanOrEqual, now).where("notified_at", .is, SQLLiteral.null)
            .returning("id").first() != nil
    }

    private static func decode(_ row: any SQLRow) throws -> Announcement {
        Announcement(
            id: try row.decode(column: "id", as: String.self), courseID: try row.decode(column: "course_id", as: String.self),
            authorID: try row.decode(column: "author_id", as: String.self), title: try row.decode(column: "title", as: String.self),
            body: try row.decode(column: "body", as: String.self), isPinned: try row.decode(column: "pinned", as: Bool.self),
            publishAt: try row.decode(column: "publish_at", as: Date.self), notifiedAt: try row.decode(column: "notified_at", as: Date?.self),
            createdAt: try row.decode(column: "created_at", as: Date.self), updatedAt: try row.decode(column: "updated_at", as: Date.self)
        )
    }
}
