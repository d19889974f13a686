import Foundation
import LyceumContracts
import LyceumCore
import LyceumPlatform

/// Requests to join request groups, and invitations to any group.
///
/// Rules the issue left open, decided here:
/// - Asking twice is harmless (the first request stands); asking while invited answers 409 `invited`.
/// - Moderators, the owner and admins see, approve and reject requests, and invite users by id; inviting
///   someone who already asked answers 409 `request_pending` (approve the request instead).
/// - Only the invitee accepts or declines an invitation; moderators may withdraw it by declining it.
/// - The requester may withdraw their own request until it is decided; they may ask again afterwards.
/// - Approving or accepting takes a seat like joining does (409 `group_full`), in the same transaction that
///   deletes the pending entry and publishes the notification request.
extension CommunityService {
    /// Asks to join a request group; returns the pending request and whether this call made it.
    func requestToJoin(_ principal: Principal?, _ groupID: String, message: String?) async throws -> (GroupRequest, created: Bool) {
        let caller = try require(principal)
        let (group, role, pending) = try await visibleGroup(caller, groupID)
        if role != nil { throw GroupErrors.alreadyMember }
        if pending?.kind == .invite { throw AppError.conflict("invited", "You are already invited: accept the invitation instead.") }
        switch group.visibility {
        case .request: break
        case .open: throw AppError.conflict("group_open", "This group is open: join it directly.")
        case .invite: throw AppError(status: 403, code: "invite_only", message: "This group admits members by invitation only.")
        }
        let note = (message ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard note.count <= GroupRules.messageLength else { throw AppError.validation(["message": "Keep the message under 500 characters."]) }
        try await requireCourseMember(caller, of: group)
        let kept = try await database.transaction { sql in
            try await GroupStore.insertRequest(
                id: UUID().uuidString.lowercased(), groupID: group.id, userID: caller.userID, kind: .request, invitedBy: nil, message: note,
                at: now(), on: sql
            )
        }
        return (try await pendingEntry(kept.id, groupID: group.id), kept.created)
    }

    /// Withdraws the caller's own pending request to join, before a moderator decides on it; returns the group.
    /// 404 `not_found` when the caller has no pending request (an invitation is declined instead).
    @discardableResult
    func withdrawRequest(_ principal: Principal?, _ groupID: String) async throws -> StudyGroup {
        let caller = try require(principal)
        let (group, _, pending) = try await visibleGroup(caller, groupID)
        guard let pending, pending.kind == .request else { throw AppError.notFound("request") }
        try await database.transaction { sql in
            guard try await GroupStore.deleteRequest(id: pending.id, on: sql) else { throw AppError.notFound("request") }
        }
        return group
    }

    /// The group's pending requests or invitations, for its moderators and admins.
    func groupPending(_ principal: Principal?, _ groupID: String, kind: GroupRequestKind) async throws -> [GroupRequest] {
        let caller = try require(principal)
        let (group, role, _) = try await visibleGroup(caller, groupID)
        guard role?.moderates == true || caller.isAdmin else { throw AppError.forbidden("Only the group's moderators see its requests.") }
        return try await named(try await database.read { sql in try await GroupStore.requests(groupID: group.id, kind: kind, on: sql) })
    }

    /// Approves (the requester joins and is notified) or rejects a request to join.
    func decideRequest(_ principal: Principal?, _ groupID: String, requestID: String, approve: Bool) async throws {
        let caller = try require(principal)
        let (group, role, _) = try await visibleGroup(caller, groupID)
        guard role?.moderates == true || caller.isAdmin else { throw AppError.forbidden("Only the group's moderators decide on requests.") }
        guard requestID.count <= 100 else { throw AppError.notFound("request") }
        try await database.transaction { sql in
            guard let request = try await GroupStore.request(id: requestID, groupID: group.id, on: sql), request.kind == .request,
                try await GroupStore.deleteRequest(id: request.id, on: sql)
            else { throw AppError.notFound("request") }
            guard approve else { return }
            _ = try await GroupStore.addMember(userID: request.userID, groupID: group.id, role: .member, at: now(), on: sql)
            try await jobs.publish(
                NotificationRequested(
                    recipientIDs: [request.userID], kind: .group, title: "You joined the study group “\(group.name)”",
                    body: "Your request to join was approved.", link: "/groups/\(group.id)", actorID: caller.userID,
                    sourceKey: "group-approved:\(request.id)"
                ), on: sql
            )
        }
    }

    /// Invites an active user to the group (moderators, owner, admins) and notifies them; returns the
    /// invitation and whether this call made it.
    func invite(_ principal: Principal?, _ groupID: String, userID: String) async throws -> (GroupRequest, created: Bool) {
        let caller = try require(principal)
        let (group, role, _) = try await visibleGroup(caller, groupID)
        guard role?.moderates == true || caller.isAdmin else { throw AppError.forbidden("Only the group's moderators invite people.") }
        guard userID.count <= 100, let invitee = try await users.summaries(ids: [userID])[userID], invitee.isActive else {
            throw AppError.validation(["userId": "Invite an active user."])
        }
        if group.courseID != nil {
            do {
                try await requireCourseMember(Principal(userID: invitee.id, role: invitee.role, sessionID: ""), of: group)
            } catch {
                throw AppError.validation(["userId": "Invite a student or teacher of the group's course."])
            }
        }
        let kept = try await database.transaction { sql in
            if try await GroupStore.role(userID: invitee.id, groupID: group.id, on: sql) != nil { throw GroupErrors.alreadyMember }
            let kept = try await GroupStore.insertRequest(
                id: UUID().uuidString.lowercased(), groupID: group.id, userID: invitee.id, kind: .invite, invitedBy: caller.userID,
                message: "", at: now(), on: sql
            )
            if kept.kind == .request {
                throw AppError.conflict("request_pending", "That user already asked to join: approve their request.")
            }
            if kept.created {
                try await jobs.publish(
                    NotificationRequested(
                        recipientIDs: [invitee.id], kind: .group, title: "You are invited to the study group “\(group.name)”",
                        body: String(group.description.prefix(200)), link: "/groups/\(group.id)", actorID: caller.userID,
                        sourceKey: "group-invite:\(kept.id)"
                    ), on: sql
                )
            }
            return kept
        }
        return (try await pendingEntry(kept.id, groupID: group.id), kept.created)
    }

    /// The invitee accepts (joins) or declines an invitation; a moderator may decline it to withdraw it.
    func answerInvite(_ principal: Principal?, _ groupID: String, requestID: String, accept: Bool) async throws {
        let caller = try require(principal)
        let (group, role, _) = try await visibleGroup(caller, groupID)
        guard requestID.count <= 100 else { throw AppError.notFound("invitation") }
        guard let invitation = try await database.read({ sql in try await GroupStore.request(id: requestID, groupID: group.id, on: sql) }),
            invitation.kind == .invite
        else { throw AppError.notFound("invitation") }
        let isInvitee = invitation.userID == caller.userID
        if !isInvitee {
            guard role?.moderates == true || caller.isAdmin else { throw AppError.notFound("invitation") }
            guard !accept else { throw AppError.forbidden("Only the invited user may accept an invitation.") }
        }
        if accept { try await requireCourseMember(caller, of: group) }
        try await database.transaction { sql in
            guard try await GroupStore.deleteRequest(id: invitation.id, on: sql) else { throw AppError.notFound("invitation") }
            if accept { _ = try await GroupStore.addMember(userID: caller.userID, groupID: group.id, role: .member, at: now(), on: sql) }
        }
    }

    /// The caller's pending invitations, with their groups.
    func myInvites(_ principal: Principal?) async throws -> [(GroupRequest, StudyGroup)] {
        let caller = try require(principal)
        let pairs = try await database.read { sql in try await GroupStore.invites(userID: caller.userID, on: sql) }
        let named = try await named(pairs.map(\.0))
        return Array(zip(named, pairs.map(\.1)))
    }

    private func pendingEntry(_ id: String, groupID: String) async throws -> GroupRequest {
        guard let row = try await database.read({ sql in try await GroupStore.request(id: id, groupID: groupID, on: sql) }),
            let entry = try await named([row]).first
        else { throw AppError.staleReference }
        return entry
    }
}
