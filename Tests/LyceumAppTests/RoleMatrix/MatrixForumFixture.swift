@testable import Community
import Foundation
import HTTPTypes
import LyceumApp
import LyceumContracts
import LyceumPlatform
import SQLKit
import Testing

/// The forum part of a matrix cell: the fixture course's board with a question by the enrolled student, a
/// reply of theirs, a report of that reply filed by the co-instructor, and a study group owned by the
/// course owner with the student as a member. For suspension routes the owner resolves the report by
/// suspending the student, whom `{user}` then names. Made only for routes that name one of these.
struct MatrixForumFixture: Sendable {
    let boardID: String
    let threadID: String
    let replyID: String
    let reportID: String
    let groupID: String
    /// The student's attachment on the thread.
    let uploadID: String
    /// The user suspended from the board, for suspension routes only.
    let suspendedUserID: String?

    static let placeholders = ["{board}", "{thread}", "{reply}", "{report}", "{group}"]

    /// Whether the route needs forum rows or bodies (it names a forum row, or is a board or moderation route).
    static func needed(by route: ServedRoute) -> Bool {
        placeholders.contains { route.path.contains($0) } || route.path.contains("/moderation") || route.path.hasSuffix("/boards")
    }

    static func make(for route: ServedRoute, courseID: String, cast: MatrixCast) async throws -> MatrixForumFixture {
        let community = try cast.app.services.require(CommunityService.self)
        let owner = try #require(cast.principal(.owner))
        let student = try #require(cast.principal(.student))
        let board = try await community.courseBoard(owner, course: courseID)
        let upload = try await MatrixMediaFixture.attachment(cast: cast)
        let thread = try await community.createThread(
            student, board: board.board.id, draft: ThreadDraft(title: "Matrix question", body: "Why?", kind: .question, attachmentIds: [upload])
        )
        let reply = try await community.reply(student, thread: thread.thread.post.id, draft: ReplyDraft(body: "Because."))
        let report = try await community.report(cast.principal(.coInstructor), post: .reply(reply.post.id), reason: "Matrix report")
        var suspendedUserID: String?
        if route.path.contains("/suspensions") {
            _ = try await community.resolve(owner, report: report.id, as: .suspend)
            suspendedUserID = student.userID
        }
        let groupID = UUID().uuidString.lowercased()
        let now = Date()
        try await cast.app.services.database.write { sql in
            try await sql.raw(
                """
                INSERT INTO community_groups (id, name, description, visibility, member_limit, member_count, owner_id, created_at)
                VALUES (\(bind: groupID), 'Matrix group', '', 'open', 10, 2, \(bind: owner.userID), \(bind: now))
                """
            ).run()
            for (userID, role) in [(owner.userID, "owner"), (student.userID, "member")] {
                try await sql.raw(
                    """
                    INSERT INTO community_group_members (group_id, user_id, role, joined_at)
                    VALUES (\(bind: groupID), \(bind: userID), \(bind: role), \(bind: now))
                    """
                ).run()
            }
        }
        return MatrixForumFixture(
            boardID: board.board.id, threadID: thread.thread.post.id, replyID: reply.post.id, reportID: report.id, groupID: groupID, uploadID: upload,
            suspendedUserID: suspendedUserID
        )
    }

    /// The value of a forum placeholder, `nil` for any other segment.
    func resolve(_ segment: Substring) -> String? {
        switch segment {
        case "{board}": boardID
        case "{thread}": threadID
        case "{reply}": replyID
        case "{report}": reportID
        case "{group}": groupID
        case "{upload}": uploadID
        case "{user}": suspendedUserID
        default: nil
        }
    }

    /// A JSON body the forum route accepts from a caller who may use it.
    func apiBody(_ route: ServedRoute) -> [String: any Sendable]? {
        switch (route.method, route.path) {
        case (.post, "/api/v1/boards"): ["title": "Matrix board \(UUID().uuidString.prefix(6))"]
        case (.patch, "/api/v1/boards/{board}"): ["description": "Changed by the matrix."]
        case (.post, "/api/v1/boards/{board}/threads"): ["title": "Another question", "body": "Text."]
        case (.patch, "/api/v1/threads/{thread}"), (.patch, "/api/v1/replies/{reply}"): ["body": "Edited."]
        case (.post, "/api/v1/threads/{thread}/replies"): ["body": "Another reply."]
        case (.post, "/api/v1/threads/{thread}/vote"), (.post, "/api/v1/replies/{reply}/vote"): ["value": 1]
        case (.post, "/api/v1/threads/{thread}/accept"): ["replyId": replyID]
        case (.post, "/api/v1/threads/{thread}/pin"): ["pinned": true]
        case (.post, "/api/v1/threads/{thread}/lock"): ["locked": true]
        case (.post, "/api/v1/threads/{thread}/move"): ["boardId": boardID]
        case (.post, "/api/v1/threads/{thread}/report"), (.post, "/api/v1/replies/{reply}/report"): ["reason": "Matrix reason"]
        case (.post, "/api/v1/moderation/reports/{report}"): ["action": "dismiss"]
        case (.put, "/api/v1/moderation/blocked-words"): ["words": ["matrixword"]]
        case (.post, "/api/v1/groups/{group}/posts"): ["body": "Hello group."]
        default: nil
        }
    }

    /// A form the forum page accepts from a caller who may use it.
    func formBody(_ route: ServedRoute) -> [String: String]? {
        switch route.path {
        case "/boards/{board}/new": ["title": "Page question", "body": "Text.", "kind": "question"]
        case "/threads/{thread}/replies": ["body": "Page reply."]
        case "/threads/{thread}/vote", "/replies/{reply}/vote": ["value": "1"]
        case "/threads/{thread}/accept": ["replyId": replyID]
        case "/threads/{thread}/pin": ["pinned": "true"]
        case "/threads/{thread}/lock": ["locked": "true"]
        case "/threads/{thread}/move": ["boardId": boardID]
        case "/threads/{thread}/report", "/replies/{reply}/report": ["reason": "Page reason"]
        case "/threads/{thread}/edit", "/replies/{reply}/edit": ["title": "Edited", "body": "Edited."]
        case "/moderation/reports/{report}": ["action": "dismiss"]
        case "/moderation/blocked-words": ["words": "matrixword"]
        case "/groups/{group}/posts": ["body": "Hello from the page."]
        case "/boards": ["title": "Page board \(UUID().uuidString.prefix(6))"]
        default: nil
        }
    }
}
