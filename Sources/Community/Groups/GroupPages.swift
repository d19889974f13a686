import Foundation
import Hummingbird
import LyceumContracts
import LyceumCore
import LyceumHTTP
import LyceumWeb

/// The study group pages: the directory with search and the create form, the group page with its members and
/// the owner's and moderators' tools, and the confirmations for leaving, removing and handing over.
struct GroupPages: Sendable {
    let community: CommunityService
    let renderer: PageRenderer
    let panels: PagePanels

    func addRoutes(to pages: RouterGroup<AppRequestContext>) {
        pages.get("groups", use: directory)
        pages.post("groups", use: create)
        pages.get("groups/:group", use: show)
        pages.post("groups/:group/join", use: join)
        pages.post("groups/:group/withdraw", use: withdraw)
        pages.get("groups/:group/leave", use: confirmLeave)
        pages.post("groups/:group/leave", use: leave)
        pages.post("groups/:group/requests/:request", use: decide)
        pages.post("groups/:group/invites", use: invite)
        pages.post("groups/:group/invites/:request", use: answerInvite)
        pages.post("groups/:group/members/:user/role", use: setRole)
        pages.get("groups/:group/members/:user/remove", use: confirmRemove)
        pages.post("groups/:group/members/:user/remove", use: remove)
        pages.get("groups/:group/members/:user/transfer", use: confirmTransfer)
        pages.post("groups/:group/members/:user/transfer", use: transfer)
        GroupSettingsPages(community: community, renderer: renderer).addRoutes(to: pages)
    }

    private func groupID(_ context: AppRequestContext) throws -> String { try context.parameters.require("group") }
    private func userID(_ context: AppRequestContext) throws -> String { try context.parameters.require("user") }

    @Sendable func directory(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard context.principal != nil else { return PageRenderer.signIn(returningTo: "/groups") }
        let parameters = request.uri.queryParameters
        let cursor = try parameters.get("cursor").map { value throws(AppError) in try PageCursor(decoding: value) }
        return try await directoryPage(
            text: String((parameters.get("q") ?? "").prefix(200)), course: parameters.get("course") ?? "", cursor: cursor, form: .blank,
            context: context
        )
    }

    /// The directory for the search `text` and `course` from `cursor` on, with the create form showing `form`.
    private func directoryPage(
        text: String, course: String, cursor: PageCursor?, form: GroupPageContent.CreateForm, error: String? = nil, context: AppRequestContext,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let page = try await community.groupDirectory(
            context.principal, query: GroupQuery(text: text.isEmpty ? nil : text, courseID: course.isEmpty ? nil : course, cursor: cursor)
        )
        var next: String?
        if page.hasMore, let last = page.groups.last {
            let query = text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
            let courseQuery = course.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
            next = "/groups?q=\(query)&course=\(courseQuery)&cursor=\(PageCursor(createdAt: last.createdAt, id: last.id).encoded)"
        }
        let courses = try await community.groupCourses(context.principal).map {
            GroupPageContent.CourseChoice(id: $0.id, title: $0.title, selected: $0.id == course)
        }
        let invites = try await community.myInvites(context.principal).map {
            GroupPageContent.Invite(id: $0.0.id, groupID: $0.1.id, groupName: $0.1.name)
        }
        let content = GroupPageContent.Directory(
            query: text, courses: courses, hasCourses: !courses.isEmpty,
            groups: page.groups.map {
                GroupPageContent.Card(
                    id: $0.id, name: $0.name, description: $0.description, visibility: $0.visibility.rawValue, memberCount: $0.memberCount,
                    memberLimit: $0.memberLimit
                )
            },
            nextURL: next, invites: invites, form: form
        )
        return try renderer.render(Page("groups", title: "Study groups", content: content, error: error), context: context, status: status)
    }

    /// Creates a group; a refused form comes back (422) on the directory with what was typed and why.
    @Sendable func create(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try context.submittedForm()
        let draft = GroupDraft(
            name: form["name"], description: form["description"], courseId: form.nonEmpty("courseId"),
            visibility: GroupVisibility(rawValue: form["visibility"]) ?? .open, memberLimit: Int(form["memberLimit"]) ?? GroupRules.defaultMemberLimit
        )
        do {
            let group = try await community.createGroup(context.principal, draft: draft)
            return PageRenderer.redirect(to: "/groups/\(group.id)")
        } catch let error as AppError where error.status == 422 {
            let typed = GroupPageContent.CreateForm(
                name: form["name"], description: form["description"], courseId: form["courseId"],
                visibilities: GroupPageContent.visibilityOptions(selected: form["visibility"]), memberLimit: form["memberLimit"],
                fields: error.fields
            )
            return try await directoryPage(
                text: "", course: "", cursor: nil, form: typed, error: "The group was not created; see the fields marked below.", context: context,
                status: .unprocessableContent
            )
        }
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard context.principal != nil else { return PageRenderer.signIn(returningTo: "/groups/\(try groupID(context))") }
        let page = try await groupPage(notice: FlashNotice.notice(in: request), context: context)
        return FlashNotice.consumed(page, request: request, context: context)
    }

    /// The group page with `notice`; the invite form shows `inviteName` and, when it was refused, `inviteError`.
    private func groupPage(
        notice: String? = nil, inviteName: String = "", inviteError: String? = nil, context: AppRequestContext, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let detail = try await community.group(context.principal, try groupID(context))
        let caller = try context.requirePrincipal()
        let members = try await community.groupMembers(context.principal, detail.group.id)
        let requests = detail.canModerate ? try await community.groupPending(context.principal, detail.group.id, kind: .request) : []
        let invites = detail.canModerate ? try await community.groupPending(context.principal, detail.group.id, kind: .invite) : []
        let group = detail.group
        let content = GroupPageContent.Group(
            id: group.id, name: group.name, description: group.description, visibility: group.visibility.rawValue, courseTitle: detail.courseTitle,
            memberCount: group.memberCount, memberLimit: group.memberLimit, isMember: detail.myRole != nil, myRole: detail.myRole?.rawValue,
            canJoin: detail.myRole == nil && group.visibility == .open && !group.isFull,
            canRequest: detail.myRole == nil && group.visibility == .request && detail.myPending == nil,
            requested: detail.myPending?.kind == .request, inviteID: detail.myPending?.kind == .invite ? detail.myPending?.id : nil,
            canModerate: detail.canModerate, canManage: detail.canManage,
            members: members.map { member in
                let isOwner = member.role == .owner
                let outranks = caller.isAdmin || (detail.myRole.map { $0 > member.role } ?? false)
                return GroupPageContent.Member(
                    userID: member.userID, displayName: member.displayName, role: member.role.rawValue,
                    canPromote: detail.canManage && member.role == .member, canDemote: detail.canManage && member.role == .moderator,
                    canRemove: detail.canModerate && !isOwner && outranks && member.userID != caller.userID,
                    canTransfer: detail.canManage && !isOwner
                )
            },
            requests: requests.map { GroupPageContent.Pending(
                    id: $0.id, decideURL: "/groups/\(group.id)/requests/\($0.id)", displayName: $0.displayName, message: $0.message
                ) },
            invites: invites.map { GroupPageContent.Pending(id: $0.id, decideURL: "", displayName: $0.displayName, message: "") },
            inviteName: inviteName, inviteError: inviteError,
            panelsHtml: await panels.html(for: .groupPage, PanelRequest(principal: caller, groupID: group.id), logger: context.logger)
        )
        return try renderer.render(Page("group", title: group.name, content: content, notice: notice), context: context, status: status)
    }

    /// Joins an open group, or asks to join a request group.
    @Sendable func join(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try context.submittedForm()
        let id = try groupID(context)
        let detail = try await community.group(context.principal, id)
        if detail.group.visibility == .request {
            _ = try await community.requestToJoin(context.principal, id, message: form.nonEmpty("message"))
        } else {
            _ = try await community.joinGroup(context.principal, id)
        }
        return PageRenderer.redirect(to: "/groups/\(id)")
    }

    /// Withdraws the viewer's pending request to join, and says so on the group page.
    @Sendable func withdraw(_ request: Request, context: AppRequestContext) async throws -> Response {
        let group = try await community.withdrawRequest(context.principal, try groupID(context))
        return FlashNotice.redirect(to: "/groups/\(group.id)", notice: "You withdrew your request to join “\(group.name)”.", context: context)
    }

    @Sendable func confirmLeave(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard context.principal != nil else { return PageRenderer.signIn(returningTo: request.uri.path) }
        let detail = try await community.group(context.principal, try groupID(context))
        guard detail.myRole != nil else { throw AppError.notFound("membership") }
        let last = detail.myRole == .owner && detail.group.memberCount <= 1
        return try confirmation(
            detail, question: "Leave \(detail.group.name)?",
            explanation: last
                ? "You are its last member: leaving deletes the group."
                : detail.myRole == .owner
                    ? "As its owner, hand the group over to another member first (Make owner, in the member list)."
                    : "You can join again later if the group lets you.",
            action: "/groups/\(detail.group.id)/leave", button: "Leave the group", testID: "confirm-leave", context: context
        )
    }

    @Sendable func leave(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try context.submittedForm()
        guard form["confirm"] == "yes" else { return try await confirmLeave(request, context: context) }
        let caller = try context.requirePrincipal()
        try await community.removeMember(context.principal, try groupID(context), userID: caller.userID)
        return PageRenderer.redirect(to: "/groups")
    }

    @Sendable func decide(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try context.submittedForm()
        guard ["approve", "reject"].contains(form["decision"]) else { throw AppError.validation(["decision": "Choose approve or reject."]) }
        try await community.decideRequest(
            context.principal, try groupID(context), requestID: try context.parameters.require("request"), approve: form["decision"] == "approve"
        )
        return PageRenderer.redirect(to: "/groups/\(try groupID(context))")
    }

    /// Invites by user id (from the pick list), or by display name: one match is invited, several are listed to pick.
    /// A refused invitation (422) comes back on the group page with the typed name and why, at the invite form.
    @Sendable func invite(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try context.submittedForm()
        do {
            return try await invite(form, context: context)
        } catch let error as AppError where error.status == 422 {
            return try await groupPage(inviteName: form["name"], inviteError: error.formMessage, context: context, status: .unprocessableContent)
        }
    }

    private func invite(_ form: FormData, context: AppRequestContext) async throws -> Response {
        let id = try groupID(context)
        if let userID = form.nonEmpty("userId") {
            _ = try await community.invite(context.principal, id, userID: userID)
            return PageRenderer.redirect(to: "/groups/\(id)")
        }
        let detail = try await community.group(context.principal, id)
        guard detail.canModerate else { throw AppError.forbidden("Only the group's moderators invite people.") }
        guard let name = form.nonEmpty("name")?.trimmingCharacters(in: .whitespaces), name.count <= 100 else {
            throw AppError.validation(["name": "Type the display name of the person to invite."])
        }
        let matches = try await community.users.activeUsers(named: [name])
        switch matches.count {
        case 0: throw AppError.validation(["name": "No active user is called “\(name)”."])
        case 1:
            _ = try await community.invite(context.principal, id, userID: matches[0].id)
            return PageRenderer.redirect(to: "/groups/\(id)")
        default:
            let content = GroupPageContent.PickInvitee(
                groupID: id, groupName: detail.group.name, name: name,
                candidates: matches.map { GroupPageContent.Candidate(id: $0.id, displayName: $0.displayName, hint: "Account \($0.id.prefix(8))") }
            )
            return try renderer.render(Page("group-pick-invitee", title: "Whom do you mean?", content: content, narrow: true), context: context)
        }
    }

    @Sendable func answerInvite(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try context.submittedForm()
        guard ["accept", "decline"].contains(form["decision"]) else { throw AppError.validation(["decision": "Choose accept or decline."]) }
        let id = try groupID(context)
        let accept = form["decision"] == "accept"
        try await community.answerInvite(context.principal, id, requestID: try context.parameters.require("request"), accept: accept)
        return PageRenderer.redirect(to: accept ? "/groups/\(id)" : "/groups")
    }

    @Sendable func setRole(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try context.submittedForm()
        guard let role = GroupRole(rawValue: form["role"]), role != .owner else {
            throw AppError.validation(["role": "Choose moderator or member."])
        }
        try await community.setMemberRole(context.principal, try groupID(context), userID: try userID(context), role: role)
        return PageRenderer.redirect(to: "/groups/\(try groupID(context))")
    }

    @Sendable func confirmRemove(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard context.principal != nil else { return PageRenderer.signIn(returningTo: request.uri.path) }
        let (detail, member) = try await target(context)
        guard detail.canModerate else { throw AppError.forbidden("Only the group's moderators remove members.") }
        return try confirmation(
            detail, question: "Remove \(member.displayName) from \(detail.group.name)?",
            explanation: "They lose access to the group's feed. They may join again if the group lets them.",
            action: "/groups/\(detail.group.id)/members/\(member.userID)/remove", button: "Remove \(member.displayName)", testID: "confirm-remove",
            context: context
        )
    }

    @Sendable func remove(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try context.submittedForm()
        guard form["confirm"] == "yes" else { return try await confirmRemove(request, context: context) }
        try await community.removeMember(context.principal, try groupID(context), userID: try userID(context))
        return PageRenderer.redirect(to: "/groups/\(try groupID(context))")
    }

    @Sendable func confirmTransfer(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard context.principal != nil else { return PageRenderer.signIn(returningTo: request.uri.path) }
        let (detail, member) = try await target(context)
        guard detail.canManage else { throw AppError.forbidden("Only the group's owner may hand it over.") }
        return try confirmation(
            detail, question: "Make \(member.displayName) the owner of \(detail.group.name)?",
            explanation: "They can then change, delete and hand over the group; the current owner stays on as a moderator.",
            action: "/groups/\(detail.group.id)/members/\(member.userID)/transfer", button: "Hand over the group", testID: "confirm-transfer",
            context: context
        )
    }

    @Sendable func transfer(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try context.submittedForm()
        guard form["confirm"] == "yes" else { return try await confirmTransfer(request, context: context) }
        try await community.transferOwnership(context.principal, try groupID(context), to: try userID(context))
        return PageRenderer.redirect(to: "/groups/\(try groupID(context))")
    }

    private func target(_ context: AppRequestContext) async throws -> (GroupDetail, GroupMember) {
        let detail = try await community.group(context.principal, try groupID(context))
        let userID = try userID(context)
        guard let member = try await community.groupMembers(context.principal, detail.group.id).first(where: { $0.userID == userID }) else {
            throw AppError.notFound("member")
        }
        return (detail, member)
    }

    private func confirmation(
        _ detail: GroupDetail, question: String, explanation: String, action: String, button: String, testID: String, context: AppRequestContext
    ) throws -> Response {
        let content = GroupPageContent.Confirm(
            groupID: detail.group.id, groupName: detail.group.name, question: question, explanation: explanation, action: action, button: button,
            testID: testID
        )
        return try renderer.render(Page("group-confirm", title: question, content: content, narrow: true), context: context)
    }
}
