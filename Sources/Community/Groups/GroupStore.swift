import Foundation
import LyceumCore
import SQLKit

/// SQL for study groups, their members and their pending requests and invitations.
enum GroupStore {
    private static let groupColumns = [
        "id", "name", "description", "course_id", "visibility", "member_limit", "member_count", "owner_id", "created_at",
    ]

    static func insert(_ group: StudyGroup, on sql: any SQLDatabase) async throws {
        try await sql.insert(into: "community_groups")
            .columns(groupColumns)
            .values(
                SQLBind(group.id), SQLBind(group.name), SQLBind(group.description), SQLBind(group.courseID),
                SQLBind(group.visibility.rawValue), SQLBind(group.memberLimit), SQLBind(group.memberCount), SQLBind(group.ownerID),
                SQLBind(group.createdAt)
            ).run()
    }

    static func find(id: String, on sql: any SQLDatabase) async throws -> StudyGroup? {
        try await sql.select().columns(groupColumns).from("community_groups").where("id", .equal, id)
            .first().map(decodeGroup)
    }

    /// One page of the directory, newest first: open and request groups, and invite-only groups `viewerID` is a
    /// member of or invited to (all of them when `viewerID` is `nil`, for admins).
    static func directory(_ query: GroupQuery, viewerID: String?, on sql: any SQLDatabase) async throws -> [StudyGroup] {
        var statement: SQLQueryString = "SELECT \(unsafeRaw: groupColumns.joined(separator: ", ")) FROM community_groups WHERE 1 = 1"
        statement = statement + visibleTo(viewerID)
        if let courseID = query.courseID { statement = statement + " AND course_id = \(bind: courseID)" }
        if let text = query.text, !text.isEmpty {
            let pattern = "%" + text.lowercased().replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
                .replacingOccurrences(of: "_", with: "\\_") + "%"
            statement = statement + " AND LOWER(name) LIKE \(bind: pattern) ESCAPE '\\'"
        }
        if let cursor = query.cursor {
            statement = statement + " AND (created_at < \(bind: cursor.createdAt) OR (created_at = \(bind: cursor.createdAt) AND id < \(bind: cursor.id)))"
        }
        statement = statement + " ORDER BY created_at DESC, id DESC LIMIT \(literal: query.limit + 1)"
        return try await sql.raw(statement).all().map(decodeGroup)
    }

    /// The ids of the courses that groups listed to `viewerID` (every group when `nil`, for admins) are linked to.
    static func linkedCourseIDs(viewerID: String?, on sql: any SQLDatabase) async throws -> [String] {
        let statement: SQLQueryString = "SELECT DISTINCT course_id FROM community_groups WHERE course_id IS NOT NULL"
            + visibleTo(viewerID) + " ORDER BY course_id LIMIT 500"
        return try await sql.raw(statement).all().map { try $0.decode(column: "course_id", as: String.self) }
    }

    /// The directory's condition: open and request groups, and invite groups `viewerID` belongs or is invited
    /// to; no condition when `viewerID` is `nil`.
    private static func visibleTo(_ viewerID: String?) -> SQLQueryString {
        guard let viewerID else { return "" }
        return """
             AND (visibility <> 'invite'
                OR id IN (SELECT group_id FROM community_group_members WHERE user_id = \(bind: viewerID))
                OR id IN (SELECT group_id FROM community_group_requests WHERE user_id = \(bind: viewerID) AND kind = 'invite'))
            """
    }

    static func update(_ group: StudyGroup, on sql: any SQLDatabase) async throws {
        try await sql.update("community_groups").set("name", to: group.name).set("description", to: group.description)
            .set("visibility", to: group.visibility.rawValue).set("member_limit", to: group.memberLimit)
            .where("id", .equal, group.id).run()
    }

    /// Changes the member limit only if it stays at or above the member count at the time of the write; `false` otherwise.
    static func setMemberLimit(_ limit: Int, groupID: String, on sql: any SQLDatabase) async throws -> Bool {
        try await sql.update("community_groups").set("member_limit", to: limit)
            .where("id", .equal, groupID).where("member_count", .lessThanOrEqual, limit).returning("id").first() != nil
    }

    static func delete(id: String, on sql: any SQLDatabase) async throws {
        try await sql.delete(from: "community_groups").where("id", .equal, id).run()
    }

    static func setOwner(_ userID: String, groupID: String, on sql: any SQLDatabase) async throws {
        try await sql.update("community_groups").set("owner_id", to: userID).where("id", .equal, groupID).run()
    }

    // MARK: Members

    /// Adds a member if they are not one and a seat is left. The seat is taken by one conditional update, so
    /// concurrent joins never overfill the group. Throws 409 `group_full` when no seat is left; `false` when
    /// the user was already a member.
    static func addMember(userID: String, groupID: String, role: GroupRole, at now: Date, on sql: any SQLDatabase) async throws -> Bool {
        let inserted = try await sql.raw(
            """
            INSERT INTO community_group_members (group_id, user_id, role, joined_at)
            VALUES (\(bind: groupID), \(bind: userID), \(bind: role.rawValue), \(bind: now))
            ON CONFLICT (group_id, user_id) DO NOTHING RETURNING user_id
            """
        ).first() != nil
        guard inserted else { return false }
        let seated = try await sql.raw(
            """
            UPDATE community_groups SET member_count = member_count + 1
            WHERE id = \(bind: groupID) AND member_count < member_limit RETURNING id
            """
        ).first() != nil
        guard seated else { throw GroupErrors.full }
        return true
    }

    /// Removes a member; `true` when they were one (the member count goes down with it).
    static func removeMember(userID: String, groupID: String, on sql: any SQLDatabase) async throws -> Bool {
        let removed = try await sql.delete(from: "community_group_members").where("group_id", .equal, groupID)
            .where("user_id", .equal, userID).returning("user_id").first() != nil
        if removed {
            try await sql.raw("UPDATE community_groups SET member_count = member_count - 1 WHERE id = \(bind: groupID)").run()
        }
        return removed
    }

    static func setRole(_ role: GroupRole, userID: String, groupID: String, on sql: any SQLDatabase) async throws {
        try await sql.update("community_group_members").set("role", to: role.rawValue)
            .where("group_id", .equal, groupID).where("user_id", .equal, userID).run()
    }

    static func role(userID: String, groupID: String, on sql: any SQLDatabase) async throws -> GroupRole? {
        try await GroupRole.of(userID: userID, inGroup: groupID, on: sql)
    }

    /// The members, owner first, then moderators, then by joining time.
    static func members(groupID: String, on sql: any SQLDatabase) async throws -> [(userID: String, role: GroupRole, joinedAt: Date)] {
        try await sql.raw(
            """
            SELECT user_id, role, joined_at FROM community_group_members WHERE group_id = \(bind: groupID)
            ORDER BY CASE role WHEN 'owner' THEN 0 WHEN 'moderator' THEN 1 ELSE 2 END, joined_at, user_id
            """
        ).all().map { row in
            (
                try row.decode(column: "user_id", as: String.self),
                GroupRole(rawValue: try row.decode(column: "role", as: String.self)) ?? .member,
                try row.decode(column: "joined_at", as: Date.self)
            )
        }
    }

    /// The ids of the groups the user is a member of, in any role.
    static func groupIDs(memberID: String, on sql: any SQLDatabase) async throws -> [String] {
        try await sql.select().column("group_id").from("community_group_members").where("user_id", .equal, memberID)
            .orderBy("group_id").all().map { try $0.decode(column: "group_id", as: String.self) }
    }

    /// The groups with these ids (at most 500 looked up).
    static func find(ids: [String], on sql: any SQLDatabase) async throws -> [StudyGroup] {
        guard !ids.isEmpty else { return [] }
        return try await sql.select().columns(groupColumns).from("community_groups").where("id", .in, Array(Set(ids)).prefix(500).sorted())
            .all().map(decodeGroup)
    }

    /// The ids of the group's members.
    static func memberIDs(groupID: String, on sql: any SQLDatabase) async throws -> [String] {
        try await sql.select().column("user_id").from("community_group_members").where("group_id", .equal, groupID)
            .orderBy("user_id").all().map { try $0.decode(column: "user_id", as: String.self) }
    }

    // MARK: Requests and invitations

    /// Records a request or invitation unless the user already has one for the group; returns the one kept.
    static func insertRequest(
        id: String, groupID: String, userID: String, kind: GroupRequestKind, invitedBy: String?, message: String, at now: Date,
        on sql: any SQLDatabase
    ) async throws -> (id: String, kind: GroupRequestKind, created: Bool) {
        let inserted = try await sql.raw(
            """
            INSERT INTO community_group_requests (id, group_id, user_id, kind, invited_by, message, created_at)
            VALUES (\(bind: id), \(bind: groupID), \(bind: userID), \(bind: kind.rawValue), \(bind: invitedBy), \(bind: message), \(bind: now))
            ON CONFLICT (group_id, user_id) DO NOTHING RETURNING id
            """
        ).first() != nil
        if inserted { return (id, kind, true) }
        let row = try await sql.select().columns("id", "kind").from("community_group_requests")
            .where("group_id", .equal, groupID).where("user_id", .equal, userID).first()
        guard let row else { throw AppError.staleReference }
        return (
            try row.decode(column: "id", as: String.self),
            GroupRequestKind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .request, false
        )
    }

    static func request(id: String, groupID: String, on sql: any SQLDatabase) async throws -> GroupRequestRow? {
        try await sql.select().columns("id", "group_id", "user_id", "kind", "invited_by", "message", "created_at")
            .from("community_group_requests").where("id", .equal, id).where("group_id", .equal, groupID).first().map(decodeRequest)
    }

    static func pending(userID: String, groupID: String, on sql: any SQLDatabase) async throws -> GroupRequestRow? {
        try await sql.select().columns("id", "group_id", "user_id", "kind", "invited_by", "message", "created_at")
            .from("community_group_requests").where("user_id", .equal, userID).where("group_id", .equal, groupID).first().map(decodeRequest)
    }

    static func requests(groupID: String, kind: GroupRequestKind, on sql: any SQLDatabase) async throws -> [GroupRequestRow] {
        try await sql.select().columns("id", "group_id", "user_id", "kind", "invited_by", "message", "created_at")
            .from("community_group_requests").where("group_id", .equal, groupID).where("kind", .equal, kind.rawValue)
            .orderBy("created_at").orderBy("id").limit(500).all().map(decodeRequest)
    }

    /// The user's pending invitations with their groups, newest first, in one query.
    static func invites(userID: String, on sql: any SQLDatabase) async throws -> [(GroupRequestRow, StudyGroup)] {
        let groupList = groupColumns.map { "g.\($0)" }.joined(separator: ", ")
        return try await sql.raw(
            """
            SELECT r.id AS request_id, r.group_id AS request_group_id, r.user_id AS request_user_id, r.kind AS request_kind,
                r.invited_by AS request_invited_by, r.message AS request_message, r.created_at AS request_created_at, \(unsafeRaw: groupList)
            FROM community_group_requests r JOIN community_groups g ON g.id = r.group_id
            WHERE r.user_id = \(bind: userID) AND r.kind = 'invite' ORDER BY r.created_at DESC, r.id DESC LIMIT 100
            """
        ).all().map { row in
            let request = GroupRequestRow(
                id: try row.decode(column: "request_id", as: String.self), groupID: try row.decode(column: "request_group_id", as: String.self),
                userID: try row.decode(column: "request_user_id", as: String.self), kind: .invite,
                invitedBy: try row.decode(column: "request_invited_by", as: String?.self),
                message: try row.decode(column: "request_message", as: String.self),
                createdAt: try row.decode(column: "request_created_at", as: Date.self)
            )
            return (request, try decodeGroup(row))
        }
    }

    /// Deletes a pending entry; `true` when this call deleted it (so concurrent decisions act once).
    static func deleteRequest(id: String, on sql: any SQLDatabase) async throws -> Bool {
        try await sql.delete(from: "community_group_requests").where("id", .equal, id).returning("id").first() != nil
    }

    static func deleteRequests(userID: String, groupID: String, on sql: any SQLDatabase) async throws {
        try await sql.delete(from: "community_group_requests").where("group_id", .equal, groupID).where("user_id", .equal, userID).run()
    }

    /// Drops the user's pending requests and invitations for every group linked to the course.
    static func dropRequests(userID: String, courseID: String, on sql: any SQLDatabase) async throws {
        try await sql.delete(from: "community_group_requests").where("user_id", .equal, userID)
            .where("group_id", .in, SQLSubquery.select { sub in
                sub.column("id").from("community_groups").where("course_id", .equal, courseID)
            }).run()
    }

    private static func decodeGroup(_ row: any SQLRow) throws -> StudyGroup {
        StudyGroup(
            id: try row.decode(column: "id", as: String.self), name: try row.decode(column: "name", as: String.self),
            description: try row.decode(column: "description", as: String.self),
            courseID: try row.decode(column: "course_id", as: String?.self),
            visibility: GroupVisibility(rawValue: try row.decode(column: "visibility", as: String.self)) ?? .invite,
            memberLimit: try row.decode(column: "member_limit", as: Int.self), memberCount: try row.decode(column: "member_count", as: Int.self),
            ownerID: try row.decode(column: "owner_id", as: String.self), createdAt: try row.decode(column: "created_at", as: Date.self)
        )
    }

    private static func decodeRequest(_ row: any SQLRow) throws -> GroupRequestRow {
        GroupRequestRow(
            id: try row.decode(column: "id", as: String.self), groupID: try row.decode(column: "group_id", as: String.self),
            userID: try row.decode(column: "user_id", as: String.self),
            kind: GroupRequestKind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .request,
            invitedBy: try row.decode(column: "invited_by", as: String?.self), message: try row.decode(column: "message", as: String.self),
            createdAt: try row.decode(column: "created_at", as: Date.self)
        )
    }
}

/// A pending request or invitation as stored, before names are looked up.
struct GroupRequestRow: Sendable {
    let id: String
    let groupID: String
    let userID: String
    let kind: GroupRequestKind
    let invitedBy: String?
    let message: String
    let createdAt: Date
}

/// The group errors clients branch on.
enum GroupErrors {
    static let full = AppError.conflict("group_full", "This group has no seat left.")
    static let ownerMustTransfer = AppError.conflict(
        "owner_must_transfer", "The owner cannot leave while others are in the group: transfer ownership first."
    )
    static let alreadyMember = AppError.conflict("already_member", "That user is already a member of this group.")
    static let notFound = AppError.notFound("group")
}
