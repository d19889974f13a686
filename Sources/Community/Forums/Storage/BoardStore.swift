import Foundation
import SQLKit

/// SQL for boards and board suspensions.
enum BoardStore {
    private static let columns = ["id", "course_id", "group_id", "title", "description", "allow_anonymous", "created_at"]

    static func find(id: String, on sql: any SQLDatabase) async throws -> ForumBoard? {
        try await sql.select().columns(columns).from("community_boards").where("id", .equal, id).first().map(decode)
    }

    static func find(courseID: String, on sql: any SQLDatabase) async throws -> ForumBoard? {
        try await sql.select().columns(columns).from("community_boards").where("course_id", .equal, courseID).first().map(decode)
    }

    static func find(groupID: String, on sql: any SQLDatabase) async throws -> ForumBoard? {
        try await sql.select().columns(columns).from("community_boards").where("group_id", .equal, groupID).first().map(decode)
    }

    /// Inserts the board unless one already exists for its course or group; concurrent first uses all
    /// end with the one row.
    static func insertIfAbsent(_ board: ForumBoard, createdBy: String?, on sql: any SQLDatabase) async throws {
        var courseID: String?
        var groupID: String?
        switch board.scope {
        case .site: break
        case .course(let id): courseID = id
        case .group(let id): groupID = id
        }
        try await sql.raw(
            """
            INSERT INTO community_boards (id, course_id, group_id, title, description, allow_anonymous, created_by, created_at)
            VALUES (\(bind: board.id), \(bind: courseID), \(bind: groupID), \(bind: board.title), \(bind: board.description),
                \(bind: board.allowAnonymous), \(bind: createdBy), \(bind: board.createdAt))
            ON CONFLICT DO NOTHING
            """
        ).run()
    }

    static func update(_ board: ForumBoard, on sql: any SQLDatabase) async throws {
        try await sql.update("community_boards").set("title", to: board.title).set("description", to: board.description)
            .set("allow_anonymous", to: board.allowAnonymous).where("id", .equal, board.id).run()
    }

    /// Site boards, the boards of `courseIDs` (every course board when `nil`, for admins) and of the groups
    /// the user belongs to, by title.
    static func visible(courseIDs: [String]?, userID: String, on sql: any SQLDatabase) async throws -> [ForumBoard] {
        var query: SQLQueryString = """
            SELECT id, course_id, group_id, title, description, allow_anonymous, created_at FROM community_boards
            WHERE (course_id IS NULL AND group_id IS NULL)
            """
        if let courseIDs {
            if !courseIDs.isEmpty { query += " OR course_id IN (\(binds: courseIDs))" }
        } else {
            query += " OR course_id IS NOT NULL"
        }
        query += " OR group_id IN (SELECT group_id FROM community_group_members WHERE user_id = \(bind: userID)) ORDER BY title, id"
        return try await sql.raw(query).all().map(decode)
    }

    static func isSuspended(userID: String, boardID: String, on sql: any SQLDatabase) async throws -> Bool {
        try await sql.select().column("user_id").from("community_board_suspensions")
            .where("board_id", .equal, boardID).where("user_id", .equal, userID).first() != nil
    }

    static func suspend(userID: String, boardID: String, by staffID: String, at now: Date, on sql: any SQLDatabase) async throws {
        try await sql.insert(into: "community_board_suspensions").columns("board_id", "user_id", "suspended_by", "created_at")
            .values(SQLBind(boardID), SQLBind(userID), SQLBind(staffID), SQLBind(now))
            .ignoringConflicts(with: ["board_id", "user_id"]).run()
    }

    /// Who is suspended from the board, by whom and since when, newest first.
    static func suspensions(boardID: String, limit: Int, on sql: any SQLDatabase) async throws -> [BoardSuspensionRecord] {
        try await sql.select().columns("user_id", "suspended_by", "created_at").from("community_board_suspensions")
            .where("board_id", .equal, boardID).orderBy("created_at", .descending).orderBy("user_id").limit(limit).all()
            .map { row in
                BoardSuspensionRecord(
                    userID: try row.decode(column: "user_id", as: String.self), suspendedByID: try row.decode(column: "suspended_by", as: String.self),
                    createdAt: try row.decode(column: "created_at", as: Date.self)
                )
            }
    }

    /// Lifts the user's suspension from the board; `false` when they were not suspended there.
    static func lift(userID: String, boardID: String, on sql: any SQLDatabase) async throws -> Bool {
        try await sql.delete(from: "community_board_suspensions").where("board_id", .equal, boardID).where("user_id", .equal, userID)
            .returning("user_id").first() != nil
    }

    /// The study group's name, `nil` when there is no such group.
    static func groupName(_ groupID: String, on sql: any SQLDatabase) async throws -> String? {
        try await sql.select().column("name").from("community_groups").where("id", .equal, groupID).first()?
            .decode(column: "name", as: String.self)
    }

    private static func decode(_ row: any SQLRow) throws -> ForumBoard {
        let scope: BoardScope
        if let course = try row.decode(column: "course_id", as: String?.self) {
            scope = .course(course)
        } else if let group = try row.decode(column: "group_id", as: String?.self) {
            scope = .group(group)
        } else {
            scope = .site
        }
        return ForumBoard(
            id: try row.decode(column: "id", as: String.self), scope: scope, title: try row.decode(column: "title", as: String.self),
            description: try row.decode(column: "description", as: String.self),
            allowAnonymous: try row.decode(column: "allow_anonymous", as: Bool.self),
            createdAt: try row.decode(column: "created_at", as: Date.self)
        )
    }
}
