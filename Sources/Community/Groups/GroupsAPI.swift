import Foundation
import Hummingbird
import LyceumCore
import LyceumHTTP

/// The groups JSON routes: the directory, a group, its members, requests and invitations.
struct GroupsAPI: Sendable {
    let community: CommunityService

    func addRoutes(to api: RouterGroup<AppRequestContext>) {
        api.get("groups", use: directory)
        api.post("groups", use: create)
        api.get("groups/:group", use: show)
        api.patch("groups/:group", use: update)
        api.delete("groups/:group", use: delete)
        api.get("groups/:group/members", use: members)
        api.post("groups/:group/members", use: join)
        api.patch("groups/:group/members/:user", use: setRole)
        api.delete("groups/:group/members/:user", use: remove)
        api.put("groups/:group/owner", use: transfer)
        api.get("groups/:group/requests") { try await self.pending($0, $1, kind: .request) }
        api.post("groups/:group/requests", use: requestToJoin)
        api.delete("groups/:group/requests", use: withdrawRequest)
        api.post("groups/:group/requests/:request", use: decide)
        api.get("groups/:group/invites") { try await self.pending($0, $1, kind: .invite) }
        api.post("groups/:group/invites", use: invite)
        api.post("groups/:group/invites/:request", use: answerInvite)
        api.get("me/invites", use: myInvites)
    }

    private func group(_ context: AppRequestContext) throws -> String { try context.parameters.require("group") }

    @Sendable func directory(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try context.requirePrincipal()
        let parameters = request.uri.queryParameters
        let limit = try PageLimit.parse(parameters.get("limit"))
        let cursor = try parameters.get("cursor").map { text throws(AppError) in try PageCursor(decoding: text) }
        let query = GroupQuery(
            text: try SearchText.parse(parameters.get("q")), courseID: parameters.get("course").flatMap { $0.isEmpty ? nil : $0 },
            cursor: cursor, limit: limit
        )
        let page = try await community.groupDirectory(context.principal, query: query)
        let next = page.hasMore ? page.groups.last.map { PageCursor(createdAt: $0.createdAt, id: $0.id).encoded } : nil
        return try JSONResponse.encode(GroupItemsView(items: page.groups.map(StudyGroupView.init), nextCursor: next))
    }

    @Sendable func create(_ request: Request, context: AppRequestContext) async throws -> Response {
        let draft = try await request.decodeJSON(GroupDraft.self, context: context)
        let group = try await community.createGroup(context.principal, draft: draft)
        return try JSONResponse.encode(["group": StudyGroupView(group)], status: .created)
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        try JSONResponse.encode(StudyGroupDetailView(try await community.group(context.principal, group(context))))
    }

    @Sendable func update(_ request: Request, context: AppRequestContext) async throws -> Response {
        let changes = try await request.decodeJSON(GroupChanges.self, context: context)
        let updated = try await community.updateGroup(context.principal, group(context), changes: changes)
        return try JSONResponse.encode(["group": StudyGroupView(updated)])
    }

    @Sendable func delete(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await community.deleteGroup(context.principal, group(context))
        return JSONResponse.noContent()
    }

    @Sendable func members(_ request: Request, context: AppRequestContext) async throws -> Response {
        let members = try await community.groupMembers(context.principal, group(context))
        return try JSONResponse.encode(GroupItemsView(items: members.map(StudyGroupMemberView.init), nextCursor: nil))
    }

    @Sendable func join(_ request: Request, context: AppRequestContext) async throws -> Response {
        let joined = try await community.joinGroup(context.principal, group(context))
        let detail = try await community.group(context.principal, group(context))
        return try JSONResponse.encode(StudyGroupDetailView(detail), status: joined ? .created : .ok)
    }

    struct RoleBody: Decodable {
        let role: GroupRole
    }

    @Sendable func setRole(_ request: Request, context: AppRequestContext) async throws -> Response {
        let body = try await request.decodeJSON(RoleBody.self, context: context)
        try await community.setMemberRole(context.principal, group(context), userID: try context.parameters.require("user"), role: body.role)
        return JSONResponse.noContent()
    }

    @Sendable func remove(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await community.removeMember(context.principal, group(context), userID: try context.parameters.require("user"))
        return JSONResponse.noContent()
    }

    struct UserBody: Decodable {
        let userId: String
    }

    @Sendable func transfer(_ request: Request, context: AppRequestContext) async throws -> Response {
        let body = try await request.decodeJSON(UserBody.self, context: context)
        try await community.transferOwnership(context.principal, group(context), to: body.userId)
        return try JSONResponse.encode(StudyGroupDetailView(try await community.group(context.principal, group(context))))
    }

    func pending(_ request: Request, _ context: AppRequestContext, kind: GroupRequestKind) async throws -> Response {
        let entries = try await community.groupPending(context.principal, group(context), kind: kind)
        return try JSONResponse.encode(GroupItemsView(items: entries.map(StudyGroupRequestView.init), nextCursor: nil))
    }

    struct RequestBody: Decodable {
        let message: String?
    }

    @Sendable func requestToJoin(_ request: Request, context: AppRequestContext) async throws -> Response {
        let body = try await request.decodeJSON(RequestBody.self, context: context)
        let (entry, created) = try await community.requestToJoin(context.principal, group(context), message: body.message)
        return try JSONResponse.encode(["request": StudyGroupRequestView(entry)], status: created ? .created : .ok)
    }

    /// Withdraws the caller's own pending request: 204, or 404 when they have none.
    @Sendable func withdrawRequest(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await community.withdrawRequest(context.principal, group(context))
        return JSONResponse.noContent()
    }

    struct DecisionBody: Decodable {
        enum Decision: String, Decodable {
            case approve, reject, accept, decline
        }
        let decision: Decision
    }

    @Sendable func decide(_ request: Request, context: AppRequestContext) async throws -> Response {
        let body = try await request.decodeJSON(DecisionBody.self, context: context)
        guard [.approve, .reject].contains(body.decision) else { throw AppError.validation(["decision": "Answer approve or reject."]) }
        try await community.decideRequest(
            context.principal, group(context), requestID: try context.parameters.require("request"), approve: body.decision == .approve
        )
        return JSONResponse.noContent()
    }

    @Sendable func invite(_ request: Request, context: AppRequestContext) async throws -> Response {
        let body = try await request.decodeJSON(UserBody.self, context: context)
        let (entry, created) = try await community.invite(context.principal, group(context), userID: body.userId)
        return try JSONResponse.encode(["invite": StudyGroupRequestView(entry)], status: created ? .created : .ok)
    }

    @Sendable func answerInvite(_ request: Request, context: AppRequestContext) async throws -> Response {
        let body = try await request.decodeJSON(DecisionBody.self, context: context)
        guard [.accept, .decline].contains(body.decision) else { throw AppError.validation(["decision": "Answer accept or decline."]) }
        try await community.answerInvite(
            context.principal, group(context), requestID: try context.parameters.require("request"), accept: body.decision == .accept
        )
        return JSONResponse.noContent()
    }

    struct InviteView: Codable {
        let invite: StudyGroupRequestView
        let group: StudyGroupView
    }

    @Sendable func myInvites(_ request: Request, context: AppRequestContext) async throws -> Response {
        let invites = try await community.myInvites(context.principal)
        return try JSONResponse.encode(
            GroupItemsView(items: invites.map { InviteView(invite: StudyGroupRequestView($0.0), group: StudyGroupView($0.1)) }, nextCursor: nil)
        )
    }
}
