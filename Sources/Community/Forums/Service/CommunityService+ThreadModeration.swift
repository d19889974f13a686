import LyceumContracts
import LyceumCore
import LyceumPlatform
import SQLKit

/// What staff and askers do to a thread: accept an answer, pin, lock, move.
extension CommunityService {
    /// Marks a reply as the accepted answer of a question: the asker or the board's staff.
    func accept(_ principal: Principal?, thread threadID: String, replyID: String) async throws -> ThreadDetail {
        let principal = try require(principal)
        let (thread, _, access) = try await accessiblePost(principal, threadID)
        guard thread.isThread, !thread.isRemoved else { throw AppError.notFound("thread") }
        guard thread.authorID == principal.userID || access.isStaff else {
            throw AppError.forbidden("Only the asker or staff may accept an answer.")
        }
        guard thread.kind == .question else { throw AppError.conflict("not_a_question", "Only questions have an accepted answer.") }
        try await database.transaction { sql in
            guard let reply = try await PostStore.find(id: replyID, on: sql), reply.threadID == threadID, !reply.isRemoved else {
                throw AppError.validation(["replyId": "No such reply in this thread."])
            }
            guard try await PostStore.lock(id: threadID, engineLocks: database.engine == .postgres, on: sql)?.acceptedReplyID != replyID else {
                return
            }
            try await PostStore.set("accepted_reply_id", to: replyID, postID: threadID, on: sql)
            try await ForumNotifications(jobs: jobs).accepted(reply, thread: thread, actorID: principal.userID, on: sql)
        }
        return try await self.thread(principal, threadID)
    }

    /// Pins or unpins a thread (the board's staff).
    func pin(_ principal: Principal?, thread threadID: String, pinned: Bool) async throws -> ThreadDetail {
        try await setFlag("pinned", to: pinned, principal, threadID)
    }

    /// Locks or unlocks a thread (the board's staff); a locked thread takes no replies.
    func lock(_ principal: Principal?, thread threadID: String, locked: Bool) async throws -> ThreadDetail {
        try await setFlag("locked", to: locked, principal, threadID)
    }

    /// Moves a thread to another board. The caller must be staff of both, and both must be boards of the same
    /// course or both site boards; anything else is 422 `invalid_move`.
    func move(_ principal: Principal?, thread threadID: String, toBoard targetID: String) async throws -> ThreadDetail {
        let principal = try require(principal)
        let (thread, _, access) = try await accessiblePost(principal, threadID)
        guard thread.isThread else { throw AppError.notFound("thread") }
        try access.requireStaff()
        let target: BoardAccess
        do {
            target = try await accessibleBoard(principal, targetID)
        } catch let error as AppError where error.status == 404 || error.status == 403 {
            throw AppError.validation(["boardId": "No board you moderate has this id."])
        }
        try target.requireStaff()
        let compatible = switch (access.board.scope, target.board.scope) {
        case (.site, .site): true
        case (.course(let from), .course(let to)): from == to
        default: false
        }
        guard compatible else {
            throw AppError(
                status: 422, code: "invalid_move", message: "Threads move only between site boards, or between boards of the same course."
            )
        }
        try await database.write { sql in try await PostStore.move(threadID: threadID, toBoard: targetID, on: sql) }
        return try await self.thread(principal, threadID)
    }

    private func setFlag(_ column: String, to value: Bool, _ principal: Principal?, _ threadID: String) async throws -> ThreadDetail {
        let principal = try require(principal)
        let (thread, _, access) = try await accessiblePost(principal, threadID)
        guard thread.isThread else { throw AppError.notFound("thread") }
        try access.requireStaff()
        try await database.write { sql in try await PostStore.set(column, to: value, postID: threadID, on: sql) }
        return try await self.thread(principal, threadID)
    }
}
