import Foundation
import Hummingbird
import LyceumCore
import LyceumHTTP
import LyceumWeb

/// The owner's pages to change a group's settings and to delete it (with a confirmation).
struct GroupSettingsPages: Sendable {
    let community: CommunityService
    let renderer: PageRenderer

    func addRoutes(to pages: RouterGroup<AppRequestContext>) {
        pages.get("groups/:group/edit", use: edit)
        pages.post("groups/:group/edit", use: save)
        pages.get("groups/:group/delete", use: confirmDelete)
        pages.post("groups/:group/delete", use: delete)
    }

    /// The settings form's values, as stored or as typed, and the problems of a refused form by form field.
    struct Settings: Sendable {
        let id: String
        /// The group's stored name, for the crumbs.
        let groupName: String
        let name: String
        let description: String
        let memberLimit: String
        let visibilities: [SelectOption]
        let fields: [String: String]
    }

    private func groupID(_ context: AppRequestContext) throws -> String { try context.parameters.require("group") }

    private func managed(_ request: Request, _ context: AppRequestContext) async throws -> GroupDetail? {
        guard context.principal != nil else { return nil }
        let detail = try await community.group(context.principal, try groupID(context))
        guard detail.canManage else { throw AppError.forbidden("Only the group's owner may change it.") }
        return detail
    }

    @Sendable func edit(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let detail = try await managed(request, context) else { return PageRenderer.signIn(returningTo: request.uri.path) }
        let group = detail.group
        let content = Settings(
            id: group.id, groupName: group.name, name: group.name, description: group.description, memberLimit: String(group.memberLimit),
            visibilities: GroupPageContent.visibilityOptions(selected: group.visibility.rawValue), fields: [:]
        )
        return try renderer.render(Page("group-settings", title: "Group settings", content: content, narrow: true), context: context)
    }

    /// Saves the settings; a refused form comes back (422) with what was typed and why.
    @Sendable func save(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try context.submittedForm()
        _ = try context.requirePrincipal()
        do {
            guard let limit = Int(form["memberLimit"]) else { throw AppError.validation(["memberLimit": "A group holds 2 to 500 members."]) }
            let changes = GroupChanges(
                name: form["name"], description: form["description"], visibility: GroupVisibility(rawValue: form["visibility"]), memberLimit: limit
            )
            let group = try await community.updateGroup(context.principal, try groupID(context), changes: changes)
            return PageRenderer.redirect(to: "/groups/\(group.id)")
        } catch let error as AppError where error.status == 422 {
            guard let group = try await managed(request, context)?.group else { throw error }
            let content = Settings(
                id: group.id, groupName: group.name, name: form["name"], description: form["description"], memberLimit: form["memberLimit"],
                visibilities: GroupPageContent.visibilityOptions(selected: GroupVisibility(rawValue: form["visibility"])?.rawValue ?? group.visibility.rawValue),
                fields: error.fields
            )
            let page = Page(
                "group-settings", title: "Group settings", content: content, narrow: true, error: "The settings were not saved; see the fields marked below."
            )
            return try renderer.render(page, context: context, status: .unprocessableContent)
        }
    }

    @Sendable func confirmDelete(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let detail = try await managed(request, context) else { return PageRenderer.signIn(returningTo: request.uri.path) }
        let content = GroupPageContent.Confirm(
            groupID: detail.group.id, groupName: detail.group.name, question: "Delete \(detail.group.name)?",
            explanation: "Its \(detail.group.memberCount) members lose the group and its pending requests and invitations. This cannot be undone.",
            action: "/groups/\(detail.group.id)/delete", button: "Delete the group", testID: "confirm-delete-group"
        )
        return try renderer.render(Page("group-confirm", title: "Delete \(detail.group.name)?", content: content, narrow: true), context: context)
    }

    @Sendable func delete(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try context.submittedForm()
        _ = try context.requirePrincipal()
        guard form["confirm"] == "yes" else { return try await confirmDelete(request, context: context) }
        try await community.deleteGroup(context.principal, try groupID(context))
        return PageRenderer.redirect(to: "/groups")
    }
}
