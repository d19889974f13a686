import LyceumContracts
import LyceumCore
import LyceumPlatform

/// A study group's feed: the threads of the group's board, which is made on first use.
extension CommunityService {
    /// One page of the group's feed (members; anyone else 404).
    func groupFeed(_ principal: Principal?, group groupID: String, query: ThreadQuery) async throws -> ThreadPage {
        let access = try await groupBoard(principal, group: groupID)
        return try await threadPage(try require(principal), access: access, query: query)
    }

    /// Posts to the group's feed. A feed post's title may be left out: it is then the start of its first line.
    func createGroupPost(_ principal: Principal?, group groupID: String, draft: ThreadDraft) async throws -> ThreadDetail {
        let access = try await groupBoard(principal, group: groupID)
        return try await createThread(try require(principal), access: access, draft: draft, titleRequired: false)
    }
}
