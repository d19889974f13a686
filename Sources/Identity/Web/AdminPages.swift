import Foundation
import HTTPTypes
import Hummingbird
import LyceumContracts
import LyceumCore
import LyceumHTTP
import LyceumWeb

/// What the admin user list shows.
struct AdminUsersContent: Sendable {
    struct Row: Sendable {
        let id: String
        let displayName: String
        let email: String
        let role: String
        let active: Bool
        let isSelf: Bool
        let roleOptions: [SelectOption]
    }

    let users: [Row]
    let query: String
    let roles: [SelectOption]
    let nextURL: String?
}

/// The admin user list: search, filter by role, change roles, deactivate and reactivate.
struct AdminPages: Sendable {
    let identity: IdentityService
    let renderer: PageRenderer

    func addRoutes(to pages: RouterGroup<AppRequestContext>) {
        pages.get("admin/users", use: list)
        pages.post("admin/users/:id", use: update)
    }

    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let principal = context.principal else { return PageRenderer.signIn(returningTo: "/admin/users") }
        let parameters = request.uri.queryParameters
        let query = parameters.get("q") ?? ""
        let roleText = parameters.get("role") ?? ""
        let role = Role(rawValue: roleText)
        let cursor = try parameters.get("cursor").map { text throws(AppError) in try PageCursor(decoding: text) }
        let page = try await identity.listUsers(principal, query: query, role: role, limit: 50, cursor: cursor)
        let roleNames = Role.allCases.map(\.rawValue)
        let rows = page.users.map { user in
            AdminUsersContent.Row(
                id: user.id, displayName: user.displayName, email: user.email, role: user.role.rawValue,
                active: user.isActive, isSelf: user.id == principal.userID,
                roleOptions: SelectOption.list(roleNames, selected: user.role.rawValue)
            )
        }
        let nextURL = page.nextCursor.map { next in
            var components = URLComponents()
            components.path = "/admin/users"
            components.queryItems = [
                URLQueryItem(name: "q", value: query), URLQueryItem(name: "role", value: roleText),
                URLQueryItem(name: "cursor", value: next),
            ]
            return components.string ?? "/admin/users"
        }
        let notice: String? =
            switch parameters.get("done") {
            case "role": "Role updated."
            case "deactivate": "Account deactivated and signed out everywhere."
            case "reactivate": "Account reactivated."
            default: nil
            }
        let content = AdminUsersContent(
            users: rows, query: query, roles: SelectOption.list(roleNames, selected: role?.rawValue), nextURL: nextURL
        )
        return try renderer.render(Page("admin-users", title: "Users", content: content, section: .admin, notice: notice), context: context)
    }

    @Sendable func update(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try context.submittedForm()
        let principal = try context.requirePrincipal()
        let id = try context.parameters.require("id")
        let action = form["action"]
        switch action {
        case "role":
            guard let role = Role(rawValue: form["role"]) else { throw AppError.validation(["role": "is not a valid role"]) }
            _ = try await identity.updateUser(principal, id: id, role: role, active: nil)
        case "deactivate":
            _ = try await identity.updateUser(principal, id: id, role: nil, active: false)
        case "reactivate":
            _ = try await identity.updateUser(principal, id: id, role: nil, active: true)
        default:
            throw AppError.validation(["action": "must be role, deactivate or reactivate"])
        }
        return PageRenderer.redirect(to: "/admin/users?done=\(action)")
    }
}
