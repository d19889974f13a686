import Foundation
import LyceumContracts
import LyceumCore
import LyceumPlatform
import SQLKit

/// Study group membership: joining, leaving, removing, roles and ownership.
///
/// Rules the issue left open, decided here:
/// - Joining directly works for open groups only (403 `join_by_request` for request groups, 403 `invite_only`
///   for invite groups); joining twice is harmless; a full group answers 409 `group_full`.
/// - The owner cannot leave while others remain (409 `owner_must_transfer`); when the owner is the last member,
///   leaving deletes the group, since a group without members has no one to own or moderate it.
/// - Moderators remove members but not other moderators or the owner; the owner removes anyone but
///   themselves; admins may do everything an owner may. Only the owner and admins promote, demote and
///   transfer ownership; the previous owner stays on as a moderator.
///
/// `community_group_members` is the single source of who belongs to a group: the group's board and the
/// group's chat room ask `isGroupMember` / `groupMemberIDs`, never a copy.
extension CommunityService {
    /// Whether the user is a member of the group, in any role. The source of truth for every feature that
    /// admits group members (the group's feed, its chat room).
    public func isGroupMember(userID: String, groupID: String) async throws -> Bool {
        try await database.read { sql in try await GroupRole.of(userID: userID, inGroup: groupID, on: sql) } != nil
    }

    /// The ids of the group's members (empty for an unknown group). The source of truth for who may join the
    /// group's chat room.
    public func groupMemberIDs(groupID: String) async throws -> [String] {
        try await database.read { sql in try await GroupStore.memberIDs(groupID: groupID, on: sql) }
    }

    /// The members with their names and roles, for callers who may see the group.
    func groupMembers(_ principal: Principal?, _ groupID: String) async throws -> [GroupMember] {
        let caller = try require(principal)
        let (group, _, _) = try await visibleGroup(caller, groupID)
        let rows = try await database.read { sql in try await GroupStore.members(groupID: group.id, on: sql) }
        let names = try await users.summaries(ids: rows.map(\.userID))
        return rows.map { GroupMember(userID: $0.userID, displayName: names[$0.userID]?.displayName ?? "Former user", role: $0.role, joinedAt: $0.joinedAt) }
    }

    /// Joins an open group; `true` when the caller was not a member before.
    func joinGroup(_ principal: Principal?, _ groupID: String) async throws -> Bool {
        let caller = try require(principal)
        let (group, role, _) = try await visibleGroup(caller, groupID)
        if role != nil { return false }
        switch group.visibility {
        case .open: break
        case .request: throw AppError(status: 403, code: "join_by_request", message: "Ask to join this group; a moderator approves requests.")
        case .invite: throw AppError(status: 403, code: "invite_only", message: "This group admits members by invitation only.")
        }
        try await requireCourseMember(caller, of: group)
        return try await database.transaction { sql in
            let joined = try await GroupStore.addMember(userID: caller.userID, groupID: group.id, role: .member, at: now(), on: sql)
            try await GroupStore.deleteRequests(userID: caller.userID, groupID: group.id, on: sql)
            return joined
        }
    }

    /// Removes `userID` from the group: the caller leaving, or a moderator, owner or admin removing a member.
    func removeMember(_ principal: Principal?, _ groupID: String, userID: String) async throws {
        let caller = try require(principal)
        let (group, callerRole, _) = try await visibleGroup(caller, groupID)
        if userID == caller.userID {
            guard let callerRole else { throw AppError.notFound("member") }
            if callerRole == .owner {
                guard group.memberCount <= 1 else { throw GroupErrors.ownerMustTransfer }
                try await database.transaction { sql in try await deleteGroupAnnouncingMembers(group.id, on: sql) }
                return
            }
            try await database.transaction { sql in
                if try await GroupStore.removeMember(userID: userID, groupID: group.id, on: sql) {
                    try await jobs.publish(GroupMembershipEnded(userID: userID, groupID: group.id, at: now()), on: sql)
                }
            }
            return
        }
        guard callerRole?.moderates == true || caller.isAdmin else { throw AppError.forbidden("Only the group's moderators may remove members.") }
        try await database.transaction { sql in
            guard let targetRole = try await GroupStore.role(userID: userID, groupID: group.id, on: sql) else { throw AppError.notFound("member") }
            if !caller.isAdmin, let callerRole, targetRole >= callerRole {
                throw AppError.forbidden("Moderators remove members; only the owner removes moderators.")
            }
            if targetRole == .owner { throw GroupErrors.ownerMustTransfer }
            if try await GroupStore.removeMember(userID: userID, groupID: group.id, on: sql) {
                try await jobs.publish(GroupMembershipEnded(userID: userID, groupID: group.id, at: now()), on: sql)
            }
        }
    }

    /// Deletes the group in the caller's transaction and announces, for every member it had, that their
    /// membership ended (their chat room subscriptions end with it).
    func deleteGroupAnnouncingMembers(_ groupID: String, on sql: any SQLDatabase) async throws {
        let members = try await GroupStore.memberIDs(groupID: groupID, on: sql)
        try await GroupStore.delete(id: groupID, on: sql)
        let now = now()
        for member in members {
            try await jobs.publish(GroupMembershipEnded(userID: member, groupID: groupID, at: now), on: sql)
        }
    }

    /// Makes a member a moderator or a plain member again (owner or admin).
    func setMemberRole(_ principal: Principal?, _ groupID: String, userID: String, role: GroupRole) async throws {
        let caller = try require(principal)
        let (group, callerRole, _) = try await visibleGroup(caller, groupID)
        guard callerRole == .owner || caller.isAdmin else { throw AppError.forbidden("Only the group's owner may change roles.") }
        guard role != .owner else {
            throw AppError.validation(["role": "Transfer ownership to make someone the owner."])
        }
        try await database.transaction { sql in
            guard let current = try await GroupStore.role(userID: userID, groupID: group.id, on: sql) else { throw AppError.notFound("member") }
            guard current != .owner else {
                throw AppError.conflict("owner_role_fixed", "The owner's role changes only by transferring ownership.")
            }
            try await GroupStore.setRole(role, userID: userID, groupID: group.id, on: sql)
        }
    }

    /// Hands the group to another member (owner or admin); the previous owner becomes a moderator.
    func transferOwnership(_ principal: Principal?, _ groupID: String, to userID: String) async throws {
        let caller = try require(principal)
        let (group, callerRole, _) = try await visibleGroup(caller, groupID)
        guard callerRole == .owner || caller.isAdmin else { throw AppError.forbidden("Only the group's owner may hand it over.") }
        try await database.transaction { sql in
            guard let current = try await GroupStore.role(userID: userID, groupID: group.id, on: sql) else {
                throw AppError.validation(["userId": "Hand the group to one of its members."])
            }
            guard current != .owner else { return }
            guard let stored = try await GroupStore.find(id: group.id, on: sql) else { throw GroupErrors.notFound }
            try await GroupStore.setRole(.moderator, userID: stored.ownerID, groupID: group.id, on: sql)
            try await GroupStore.setRole(.owner, userID: userID, groupID: group.id, on: sql)
            try await GroupStore.setOwner(userID, groupID: group.id, on: sql)
        }
    }

    /// For a course-linked group, 403 `course_members_only` unless the user takes or teaches the course.
    func requireCourseMember(_ user: Principal, of group: StudyGroup) async throws {
        guard let courseID = group.courseID else { return }
        guard try await courses.standing(of: user, inCourse: courseID) != .outsider else {
            throw AppError(status: 403, code: "course_members_only", message: "Only the linked course's students and staff may join this group.")
        }
    }
}
