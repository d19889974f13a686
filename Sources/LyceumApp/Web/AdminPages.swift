import Foundation
import HTTPTypes
import Hummingbird
import Identity
import LyceumCore
import LyceumHTTP

/// The admin user list: search, filter by role, change roles, deactivate and reactivate.
struct AdminPages: Sendable {
    let identity: IdentityService
    let renderer: PageRenderer

    var endpoints: RouteCollection<AppRequestContext> {
        let routes = RouteCollection(context: AppRequestContext.self)
        routes.get("users", use: list)
        routes.post("users/:id", use: update)
        return routes
    }

    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let principal = context.principal else { return PageRenderer.redirect(to: "/signin?next=/admin/users") }
        let viewer = try await identity.user(id: principal.userID)
        let parameters = request.uri.queryParameters
        let query = parameters.get("q") ?? ""
        let roleText = parameters.get("role") ?? ""
        let role = Role(rawValue: roleText)
        let cursor = try parameters.get("cursor").map { text throws(AppError) in try PageCursor(decoding: text) }
        let page = try await identity.listUsers(principal, query: query, role: role, limit: 50, cursor: cursor)
        let users: [[String: Any]] = page.users.map { user in
            [
                "id": user.id, "displayName": user.displayName, "email": user.email, "role": user.role.rawValue,
                "active": user.isActive, "isSelf": user.id == principal.userID,
                "roleOptions": Role.allCases.map { ["value": $0.rawValue, "selected": $0 == user.role] },
            ]
        }
        var values: [String: Any] = [
            "users": users, "query": query, "nav": ["admin": true],
            "roles": Role.allCases.map { ["value": $0.rawValue, "selected": $0 == role] },
        ]
        if let next = page.nextCursor {
            var components = URLComponents()
            components.path = "/admin/users"
            components.queryItems = [
                URLQueryItem(name: "q", value: query), URLQueryItem(name: "role", value: roleText),
                URLQueryItem(name: "cursor", value: next),
            ]
            values["nextURL"] = components.string
        }
        switch parameters.get("done") {
        case "role": values["notice"] = "Role updated."
        case "deactivate": values["notice"] = "Account deactivated and signed out everywhere."
        case "reactivate": values["notice"] = "Account reactivated."
        default: break
        }
        return renderer.render("admin-users", title: "Users", viewer: viewer, context: context, values: values)
    }

    @Sendable func update(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try await FormData.read(request, context: context)
        let principal = try context.requirePrincipal()
        let id = context.parameters.get("id") ?? ""
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
