import Foundation
import LyceumContracts
import LyceumCore
import LyceumPlatform

/// Board suspensions: who is suspended from a board, and lifting a suspension. Staff of the board may do
/// both, and admins on every board, as with resolving reports.
extension CommunityService {
    /// The users suspended from the board, newest first (at most 200), with who suspended them.
    func suspensions(_ principal: Principal?, board boardID: String) async throws -> [BoardSuspension] {
        let board = try await moderatedBoard(try require(principal), boardID)
        let records = try await database.read { sql in try await BoardStore.suspensions(boardID: board.id, limit: 200, on: sql) }
        let names = try await users.summaries(ids: Array(Set(records.flatMap { [$0.userID, $0.suspendedByID] })))
        return records.map { record in
            BoardSuspension(
                record: record, userName: names[record.userID]?.displayName ?? "Former member",
                suspendedByName: names[record.suspendedByID]?.displayName ?? "Former member"
            )
        }
    }

    /// Lifts the user's suspension from the board, so they may post, vote and report there again; 404 when
    /// they are not suspended there.
    func liftSuspension(_ principal: Principal?, board boardID: String, user userID: String) async throws {
        let board = try await moderatedBoard(try require(principal), boardID)
        let lifted = try await database.write { sql in try await BoardStore.lift(userID: userID, boardID: board.id, on: sql) }
        guard lifted else { throw AppError.notFound("suspension") }
    }

    /// The board, when the caller moderates it: admins any board that exists, others the boards they are
    /// staff of (403 on a board they only use, the board's access error otherwise).
    private func moderatedBoard(_ principal: Principal, _ boardID: String) async throws -> ForumBoard {
        guard principal.isAdmin else {
            let access = try await accessibleBoard(principal, boardID)
            try access.requireStaff()
            return access.board
        }
        guard let board = try await database.read({ sql in try await BoardStore.find(id: boardID, on: sql) }) else {
            throw AppError.notFound("board")
        }
        return board
    }
}
