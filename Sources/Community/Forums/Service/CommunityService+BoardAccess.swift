import Foundation
import LyceumContracts
import LyceumCore
import LyceumPlatform
import SQLKit

/// What the database says about a board and one caller, read together before the access decision.
struct BoardFacts: Sendable {
    let board: ForumBoard
    /// Whether the caller is suspended from the board.
    let suspended: Bool
    /// The caller's role in the board's study group, for group boards.
    let groupRole: GroupRole?

    /// Reads the facts in the caller's database hop; `nil` when there is no such board.
    static func read(boardID: String, userID: String, on sql: any SQLDatabase) async throws -> BoardFacts? {
        guard let board = try await BoardStore.find(id: boardID, on: sql) else { return nil }
        return try await read(board: board, userID: userID, on: sql)
    }

    /// Reads the facts of a board already loaded.
    static func read(board: ForumBoard, userID: String, on sql: any SQLDatabase) async throws -> BoardFacts {
        var groupRole: GroupRole?
        if case .group(let groupID) = board.scope { groupRole = try await GroupRole.of(userID: userID, inGroup: groupID, on: sql) }
        let suspended = try await BoardStore.isSuspended(userID: userID, boardID: board.id, on: sql)
        return BoardFacts(board: board, suspended: suspended, groupRole: groupRole)
    }
}

/// Who may use which board. Course boards: a course's active students are members and its staff (admins
/// included) are staff; anyone else gets 403 `not_enrolled` when the course is published and 404 when it is
/// not (they may not know it exists). Site boards: every signed-in user is a member and admins are staff.
/// Group boards: the group's owner and moderators are staff, its members are members, anyone else gets 404.
/// Staff are never suspended.
///
/// Course standing comes from `CourseDirectory`, outside any database hop of ours, so a request never holds
/// one connection while waiting for another.
extension CommunityService {
    /// The caller's access to a board, or the error that says why they have none.
    func access(_ principal: Principal, _ facts: BoardFacts) async throws -> BoardAccess {
        let role: BoardRole
        switch facts.board.scope {
        case .site:
            role = principal.isAdmin ? .staff : .member
        case .course(let courseID):
            role = try await courseRole(principal, courseID: courseID)
        case .group:
            guard let groupRole = facts.groupRole else { throw AppError.notFound("board") }
            role = groupRole.moderates ? .staff : .member
        }
        return BoardAccess(board: facts.board, role: role, suspended: role == .member && facts.suspended)
    }

    /// The caller's role on a course's board: see the rules above.
    func courseRole(_ principal: Principal, courseID: String) async throws -> BoardRole {
        switch try await courses.standing(of: principal, inCourse: courseID) {
        case .staff: return .staff
        case .student: return .member
        case .outsider:
            guard let course = try await courses.course(courseID), course.isPublished else { throw AppError.notFound("board") }
            throw AppError(status: 403, code: "not_enrolled", message: "Enroll in the course to join its discussions.")
        }
    }

    /// The board and the caller's access to it; 404 when there is no such board.
    func accessibleBoard(_ principal: Principal, _ boardID: String) async throws -> BoardAccess {
        let facts = try await database.read { sql in try await BoardFacts.read(boardID: boardID, userID: principal.userID, on: sql) }
        guard let facts else { throw AppError.notFound("board") }
        return try await access(principal, facts)
    }

    /// The post (thread or reply, live or removed), its thread and the caller's access to their board, in one
    /// database hop and the course check; 404 when there is no such post or the caller may not see its board.
    func accessiblePost(_ principal: Principal, _ postID: String) async throws -> (post: ForumPost, thread: ForumPost, access: BoardAccess) {
        let found = try await database.read { sql -> (ForumPost, ForumPost, BoardFacts)? in
            guard let (post, thread) = try await PostStore.postAndThread(id: postID, on: sql) else { return nil }
            guard let facts = try await BoardFacts.read(boardID: post.boardID, userID: principal.userID, on: sql) else { return nil }
            return (post, thread, facts)
        }
        guard let (post, thread, facts) = found else { throw AppError.notFound("post") }
        return (post, thread, try await access(principal, facts))
    }

    /// The post a route names, checked to be of the kind the route expects.
    func accessiblePost(_ principal: Principal, _ reference: PostReference) async throws -> (post: ForumPost, thread: ForumPost, access: BoardAccess) {
        let found = try await accessiblePost(principal, reference.id)
        guard found.post.isThread == reference.isThread else { throw AppError.notFound(reference.isThread ? "thread" : "reply") }
        return found
    }

    /// Whether a user may be on the board, for resolving mentions (members and staff alike).
    func mayUse(_ user: UserSummary, board: ForumBoard) async throws -> Bool {
        guard user.isActive else { return false }
        switch board.scope {
        case .site: return true
        case .course(let courseID):
            let principal = Principal(userID: user.id, role: user.role, sessionID: "")
            return try await courses.standing(of: principal, inCourse: courseID) != .outsider
        case .group(let groupID):
            return try await database.read { sql in try await GroupRole.of(userID: user.id, inGroup: groupID, on: sql) } != nil
        }
    }
}
