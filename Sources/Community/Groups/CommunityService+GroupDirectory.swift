import LyceumContracts
import LyceumCore
import LyceumPlatform

/// Community's answer to `StudyGroupDirectory` (Realtime's group rooms) and `BlockedWordsFilter` (chat):
/// `isGroupMember` and `groupMemberIDs` live with the membership rules, these with them.
extension CommunityService: StudyGroupDirectory, BlockedWordsFilter {
    /// The ids of the groups the user is a member of, in any role.
    public func groupIDs(of userID: String) async throws -> [String] {
        try await database.read { sql in try await GroupStore.groupIDs(memberID: userID, on: sql) }
    }

    /// The groups with these ids; unknown ids are absent.
    public func groups(ids: [String]) async throws -> [String: StudyGroupSummary] {
        guard !ids.isEmpty else { return [:] }
        let found = try await database.read { sql in try await GroupStore.find(ids: ids, on: sql) }
        var result: [String: StudyGroupSummary] = [:]
        for group in found { result[group.id] = StudyGroupSummary(id: group.id, name: group.name, courseID: group.courseID) }
        return result
    }

    /// Throws 422 `content_blocked` when a text contains one of the site's blocked words, as the forums do.
    public func rejectBlockedWords(in texts: [String]) async throws {
        let blocked = try await database.read { sql in try await ModerationStore.blockedWords(on: sql) }
        try ForumContentRules.rejectBlocked(texts, blocked: blocked)
    }
}
