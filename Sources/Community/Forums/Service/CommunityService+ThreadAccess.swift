import LyceumContracts
import LyceumCore
import LyceumPlatform

/// Community's answer to `ForumThreadAccess` (Realtime's `thread:` topics): the board rules `thread` applies,
/// without reading the replies.
extension CommunityService: ForumThreadAccess {
    public func canRead(_ principal: Principal, threadID: String) async throws -> Bool {
        let facts = try await database.read { sql -> BoardFacts? in
            guard let thread = try await PostStore.find(id: threadID, on: sql), thread.isThread else { return nil }
            return try await BoardFacts.read(boardID: thread.boardID, userID: principal.userID, on: sql)
        }
        guard let facts else { return false }
        do {
            _ = try await access(principal, facts)
            return true
        } catch let error as AppError where error.status == 403 || error.status == 404 {
            return false
        }
    }
}
