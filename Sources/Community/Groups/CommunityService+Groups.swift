import Foundation
import LyceumContracts
import LyceumCore
import LyceumPlatform

/// Study groups: creating, finding, reading, changing and deleting them.
///
/// Rules the issue left open, decided here:
/// - Any signed-in active user may create a group; a group linked to a course may be created only by that
///   course's students and staff (admins count as staff), and only they may join it.
/// - A group holds 2–500 members (50 when not said); the limit may not go below the current member count.
/// - The directory lists open and request groups to everyone signed in; invite groups only to their members,
///   the users invited to them, and admins. Others get 404 for an invite group, as if it did not exist.
/// - The directory filters by course id (an unknown id lists nothing); its page offers the courses that the
///   groups listed to the viewer are linked to.
/// - The owner and admins change and delete a group; moderators approve requests, invite and remove members.
extension CommunityService {
    /// Creates a group owned by the caller, who becomes its first member.
    func createGroup(_ principal: Principal?, draft: GroupDraft) async throws -> StudyGroup {
        let caller = try require(principal)
        var fields: [String: String] = [:]
        let name = draft.name.trimmingCharacters(in: .whitespacesAndNewlines)
        if !GroupRules.nameLength.contains(name.count) { fields["name"] = "Give the group a name of 1 to 100 characters." }
        let description = (draft.description ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if description.count > GroupRules.descriptionLength { fields["description"] = "Keep the description under 2,000 characters." }
        let limit = draft.memberLimit ?? GroupRules.defaultMemberLimit
        if !GroupRules.memberLimits.contains(limit) { fields["memberLimit"] = "A group holds 2 to 500 members." }
        var courseID: String?
        if let link = draft.courseId?.trimmingCharacters(in: .whitespaces), !link.isEmpty {
            if let course = link.count <= 200 ? try await courses.course(link) : nil,
                try await courses.standing(of: caller, inCourse: course.id) != .outsider
            {
                courseID = course.id
            } else {
                fields["courseId"] = "Link a course you take or teach."
            }
        }
        guard fields.isEmpty else { throw AppError.validation(fields) }
        let group = StudyGroup(
            id: UUID().uuidString.lowercased(), name: name, description: description, courseID: courseID,
            visibility: draft.visibility ?? .open, memberLimit: limit, memberCount: 0, ownerID: caller.userID, createdAt: now()
        )
        try await database.transaction { sql in
            try await GroupStore.insert(group, on: sql)
            _ = try await GroupStore.addMember(userID: caller.userID, groupID: group.id, role: .owner, at: group.createdAt, on: sql)
        }
        return StudyGroup(
            id: group.id, name: group.name, description: group.description, courseID: group.courseID, visibility: group.visibility,
            memberLimit: group.memberLimit, memberCount: 1, ownerID: group.ownerID, createdAt: group.createdAt
        )
    }

    /// One page of the directory for the caller, and whether more follow.
    func groupDirectory(_ principal: Principal?, query: GroupQuery) async throws -> (groups: [StudyGroup], hasMore: Bool) {
        let caller = try require(principal)
        if let text = query.text, text.count > 200 { throw AppError.badRequest("invalid_query", "The search text must be at most 200 characters.") }
        if let courseID = query.courseID, courseID.count > 100 || courseID.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            throw AppError.badRequest("invalid_query", "The course must be a course id.")
        }
        let rows = try await database.read { sql in
            try await GroupStore.directory(query, viewerID: caller.isAdmin ? nil : caller.userID, on: sql)
        }
        return (Array(rows.prefix(query.limit)), rows.count > query.limit)
    }

    /// The courses the directory's groups listed to the caller are linked to, by title: the choices of the
    /// directory's course filter.
    func groupCourses(_ principal: Principal?) async throws -> [CourseSummary] {
        let caller = try require(principal)
        let ids = try await database.read { sql in try await GroupStore.linkedCourseIDs(viewerID: caller.isAdmin ? nil : caller.userID, on: sql) }
        guard !ids.isEmpty else { return [] }
        return try await courses.courses(ids: ids).values.sorted { ($0.title, $0.id) < ($1.title, $1.id) }
    }

    /// The group as the caller sees it; 404 when it does not exist or is an invite group they may not see.
    func group(_ principal: Principal?, _ groupID: String) async throws -> GroupDetail {
        let caller = try require(principal)
        let (group, role, pending) = try await visibleGroup(caller, groupID)
        var title: String?
        if let courseID = group.courseID { title = try await courses.courses(ids: [courseID])[courseID]?.title }
        let pendingView = try await named(pending.map { [$0] } ?? []).first
        return GroupDetail(
            group: group, courseTitle: title, myRole: role, myPending: pendingView, canManage: role == .owner || caller.isAdmin,
            canModerate: role?.moderates == true || caller.isAdmin
        )
    }

    /// Changes a group's name, description, visibility or member limit (owner or admin).
    func updateGroup(_ principal: Principal?, _ groupID: String, changes: GroupChanges) async throws -> StudyGroup {
        let caller = try require(principal)
        let (group, role, _) = try await visibleGroup(caller, groupID)
        guard role == .owner || caller.isAdmin else { throw AppError.forbidden("Only the group's owner may change it.") }
        var fields: [String: String] = [:]
        let name = changes.name.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) } ?? group.name
        if !GroupRules.nameLength.contains(name.count) { fields["name"] = "Give the group a name of 1 to 100 characters." }
        let description = changes.description.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) } ?? group.description
        if description.count > GroupRules.descriptionLength { fields["description"] = "Keep the description under 2,000 characters." }
        let limit = changes.memberLimit ?? group.memberLimit
        if !GroupRules.memberLimits.contains(limit) { fields["memberLimit"] = "A group holds 2 to 500 members." }
        guard fields.isEmpty else { throw AppError.validation(fields) }
        let updated = StudyGroup(
            id: group.id, name: name, description: description, courseID: group.courseID, visibility: changes.visibility ?? group.visibility,
            memberLimit: group.memberLimit, memberCount: group.memberCount, ownerID: group.ownerID, createdAt: group.createdAt
        )
        try await database.transaction { sql in
            try await GroupStore.update(updated, on: sql)
            guard try await GroupStore.setMemberLimit(limit, groupID: group.id, on: sql) else {
                throw AppError.validation(["memberLimit": "The group already has more members than that."])
            }
        }
        guard let stored = try await database.read({ sql in try await GroupStore.find(id: group.id, on: sql) }) else { throw GroupErrors.notFound }
        return stored
    }

    /// Deletes a group with its members and pending requests (owner or admin).
    func deleteGroup(_ principal: Principal?, _ groupID: String) async throws {
        let caller = try require(principal)
        let (group, role, _) = try await visibleGroup(caller, groupID)
        guard role == .owner || caller.isAdmin else { throw AppError.forbidden("Only the group's owner may delete it.") }
        try await database.transaction { sql in try await deleteGroupAnnouncingMembers(group.id, on: sql) }
    }

    /// The group, the caller's role in it and their pending entry, when the caller may see it.
    func visibleGroup(_ caller: Principal, _ groupID: String) async throws -> (StudyGroup, GroupRole?, GroupRequestRow?) {
        guard groupID.count <= 100 else { throw GroupErrors.notFound }
        let found = try await database.read { sql -> (StudyGroup, GroupRole?, GroupRequestRow?)? in
            guard let group = try await GroupStore.find(id: groupID, on: sql) else { return nil }
            let role = try await GroupStore.role(userID: caller.userID, groupID: groupID, on: sql)
            let pending = try await GroupStore.pending(userID: caller.userID, groupID: groupID, on: sql)
            return (group, role, pending)
        }
        guard let (group, role, pending) = found else { throw GroupErrors.notFound }
        if group.visibility == .invite, role == nil, pending?.kind != .invite, !caller.isAdmin { throw GroupErrors.notFound }
        return (group, role, pending)
    }

    /// Pending entries with the users' display names.
    func named(_ rows: [GroupRequestRow]) async throws -> [GroupRequest] {
        guard !rows.isEmpty else { return [] }
        let names = try await users.summaries(ids: Array(Set(rows.map(\.userID))))
        return rows.map { row in
            GroupRequest(
                id: row.id, groupID: row.groupID, userID: row.userID, displayName: names[row.userID]?.displayName ?? "Former user",
                kind: row.kind, invitedBy: row.invitedBy, message: row.message, createdAt: row.createdAt
            )
        }
    }
}
