import Foundation
import LyceumContracts
import LyceumCore
import LyceumPlatform

/// Reports, the moderation queue, suspensions and the blocked-words list.
extension CommunityService {
    /// Reports a post to the board's staff, once per user and post (409 `already_reported` after).
    func report(_ principal: Principal?, post reference: PostReference, reason: String) async throws -> ForumReport {
        let principal = try require(principal)
        let (post, _, access) = try await accessiblePost(principal, reference)
        try access.requireParticipation()
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard ForumContentRules.reasonLength.contains(reason.count) else {
            throw AppError.validation(["reason": "Say why in 1 to \(ForumContentRules.reasonLength.upperBound) characters."])
        }
        let report = ForumReport(
            id: UUID().uuidString.lowercased(), postID: post.id, boardID: post.boardID, reporterID: principal.userID, reason: reason,
            status: .open, createdAt: now(), resolvedAt: nil
        )
        do {
            try await database.write { sql in try await ModerationStore.insert(report, on: sql) }
        } catch where DatabaseFailure(error) == .uniqueViolation {
            throw AppError.conflict("already_reported", "You already reported this post.")
        }
        return report
    }

    /// The open reports of the boards the caller moderates (every board for admins), oldest first.
    func moderationQueue(_ principal: Principal?) async throws -> [ReportEntry] {
        let principal = try require(principal)
        let rows = try await database.read { sql in try await ModerationStore.openReports(limit: 200, on: sql) }
        var moderated: [String: Bool] = [:]
        var kept: [(ForumReport, ForumPost, String)] = []
        for row in rows {
            if moderated[row.0.boardID] == nil {
                moderated[row.0.boardID] = try await moderates(principal, boardID: row.0.boardID)
            }
            if moderated[row.0.boardID] == true { kept.append(row) }
        }
        let names = try await users.summaries(ids: Array(Set(kept.flatMap { [$0.0.reporterID, $0.1.authorID] })))
        return kept.map { report, post, boardTitle in
            ReportEntry(
                report: report, post: post, boardTitle: boardTitle, authorName: names[post.authorID]?.displayName ?? "Former member",
                reporterName: names[report.reporterID]?.displayName ?? "Former member"
            )
        }
    }

    /// Resolves an open report: dismiss it, remove the post, or suspend its author from the board. The
    /// reporter is told in the same transaction; a report resolved already is 409 `report_resolved`.
    func resolve(_ principal: Principal?, report reportID: String, as resolution: ReportResolution) async throws -> ForumReport {
        let principal = try require(principal)
        guard let report = try await database.read({ sql in try await ModerationStore.find(id: reportID, on: sql) }) else {
            throw AppError.notFound("report")
        }
        guard try await moderates(principal, boardID: report.boardID) else { throw AppError.notFound("report") }
        let posts = try await database.read { sql in try await PostStore.postAndThread(id: report.postID, on: sql) }
        guard let (post, thread) = posts else { throw AppError.notFound("report") }
        let now = now()
        try await database.transaction { sql in
            guard try await ModerationStore.resolve(id: reportID, as: resolution.status, by: principal.userID, at: now, on: sql) else {
                throw AppError.conflict("report_resolved", "Someone resolved this report already.")
            }
            switch resolution {
            case .dismiss: break
            case .remove: _ = try await PostStore.remove(postID: post.id, by: principal.userID, at: now, on: sql)
            case .suspend: try await BoardStore.suspend(userID: post.authorID, boardID: report.boardID, by: principal.userID, at: now, on: sql)
            }
            try await ForumNotifications(jobs: jobs).reportResolved(report, resolution: resolution, thread: thread, actorID: principal.userID, on: sql)
        }
        return ForumReport(
            id: report.id, postID: report.postID, boardID: report.boardID, reporterID: report.reporterID, reason: report.reason,
            status: resolution.status, createdAt: report.createdAt, resolvedAt: now
        )
    }

    /// The blocked-words list (administrators).
    func blockedWords(_ principal: Principal?) async throws -> [String] {
        try requireAdmin(principal)
        return try await database.read { sql in try await ModerationStore.blockedWords(on: sql) }
    }

    /// Replaces the blocked-words list (administrators); answers the stored list.
    func replaceBlockedWords(_ principal: Principal?, words: [String]) async throws -> [String] {
        try requireAdmin(principal)
        let words = try ForumContentRules.blockedWords(words)
        try await database.transaction { sql in try await ModerationStore.replaceBlockedWords(words, on: sql) }
        return words
    }

    /// Whether the caller is staff of the board (admins moderate every board).
    private func moderates(_ principal: Principal, boardID: String) async throws -> Bool {
        if principal.isAdmin { return true }
        do {
            return try await accessibleBoard(principal, boardID).isStaff
        } catch is AppError {
            return false
        }
    }

    private func requireAdmin(_ principal: Principal?) throws(AppError) {
        guard try require(principal).isAdmin else { throw AppError.forbidden("Only administrators manage the blocked words.") }
    }
}
