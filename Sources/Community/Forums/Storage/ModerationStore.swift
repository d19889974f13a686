import Foundation
import SQLKit

/// SQL for reports and the blocked-words list.
enum ModerationStore {
    private static let reportColumns = ["id", "post_id", "board_id", "reporter_id", "reason", "status", "created_at", "resolved_at"]

    static func insert(_ report: ForumReport, on sql: any SQLDatabase) async throws {
        try await sql.insert(into: "community_reports").columns(reportColumns)
            .values(
                SQLBind(report.id), SQLBind(report.postID), SQLBind(report.boardID), SQLBind(report.reporterID), SQLBind(report.reason),
                SQLBind(report.status.rawValue), SQLBind(report.createdAt), SQLBind(report.resolvedAt)
            ).run()
    }

    static func find(id: String, on sql: any SQLDatabase) async throws -> ForumReport? {
        try await sql.select().columns(reportColumns).from("community_reports").where("id", .equal, id).first().map(decode)
    }

    /// Resolves an open report; `false` when someone resolved it first.
    static func resolve(id: String, as status: ReportStatus, by userID: String, at now: Date, on sql: any SQLDatabase) async throws -> Bool {
        try await sql.update("community_reports").set("status", to: status.rawValue).set("resolved_by", to: userID).set("resolved_at", to: now)
            .where("id", .equal, id).where("status", .equal, ReportStatus.open.rawValue).returning("id").first() != nil
    }

    /// The oldest open reports with their posts and board titles; the service keeps those the caller moderates.
    static func openReports(limit: Int, on sql: any SQLDatabase) async throws -> [(ForumReport, ForumPost, String)] {
        let postColumns = PostStore.columns.map { "p.\($0)" }.joined(separator: ", ")
        let rows = try await sql.raw(
            """
            SELECT r.id AS report_id, r.post_id AS report_post_id, r.board_id AS report_board_id, r.reporter_id, r.reason, r.status,
                r.created_at AS report_created_at, r.resolved_at, b.title AS board_title, \(unsafeRaw: postColumns)
            FROM community_reports r JOIN community_posts p ON p.id = r.post_id JOIN community_boards b ON b.id = r.board_id
            WHERE r.status = 'open' ORDER BY r.created_at, r.id LIMIT \(literal: limit)
            """
        ).all()
        return try rows.map { row in
            let report = ForumReport(
                id: try row.decode(column: "report_id", as: String.self), postID: try row.decode(column: "report_post_id", as: String.self),
                boardID: try row.decode(column: "report_board_id", as: String.self),
                reporterID: try row.decode(column: "reporter_id", as: String.self), reason: try row.decode(column: "reason", as: String.self),
                status: ReportStatus(rawValue: try row.decode(column: "status", as: String.self)) ?? .open,
                createdAt: try row.decode(column: "report_created_at", as: Date.self),
                resolvedAt: try row.decode(column: "resolved_at", as: Date?.self)
            )
            return (report, try PostStore.decode(row), try row.decode(column: "board_title", as: String.self))
        }
    }

    static func blockedWords(on sql: any SQLDatabase) async throws -> [String] {
        try await sql.select().column("word").from("community_blocked_words").orderBy("word").all()
            .map { try $0.decode(column: "word", as: String.self) }
    }

    /// Replaces the whole list.
    static func replaceBlockedWords(_ words: [String], on sql: any SQLDatabase) async throws {
        try await sql.delete(from: "community_blocked_words").run()
        guard !words.isEmpty else { return }
        var insert = sql.insert(into: "community_blocked_words").columns("word")
        for word in words { insert = insert.values(SQLBind(word)) }
        try await insert.run()
    }

    private static func decode(_ row: any SQLRow) throws -> ForumReport {
        ForumReport(
            id: try row.decode(column: "id", as: String.self), postID: try row.decode(column: "post_id", as: String.self),
            boardID: try row.decode(column: "board_id", as: String.self), reporterID: try row.decode(column: "reporter_id", as: String.self),
            reason: try row.decode(column: "reason", as: String.self),
            status: ReportStatus(rawValue: try row.decode(column: "status", as: String.self)) ?? .open,
            createdAt: try row.decode(column: "created_at", as: Date.self), resolvedAt: try row.decode(column: "resolved_at", as: Date?.self)
        )
    }
}
