import Foundation
import HTTPTypes
import Hummingbird
import LyceumContracts
import LyceumCore
import LyceumHTTP
import LyceumWeb

/// The filters of the admin user list, carried through every action so the admin comes back to the same list.
struct AdminUserFilters: Sendable {
    var query = ""
    var role = ""
    var cursor = ""

    init(query: String?, role: String?, cursor: String?) {
        self.query = query ?? ""
        self.role = Role(rawValue: role ?? "") == nil ? "" : role ?? ""
        self.cursor = cursor ?? ""
    }

    /// The list's address with these filters and `extra` query items.
    func listURL(_ extra: [URLQueryItem] = []) -> String {
        var components = URLComponents()
        components.path = "/admin/users"
        let items = [("q", query), ("role", role), ("cursor", cursor)].filter { !$0.1.isEmpty }.map { URLQueryItem(name: $0.0, value: $0.1) }
        components.queryItems = items + extra
        if components.queryItems?.isEmpty == true { components.queryItems = nil }
        return components.string ?? "/admin/users"
    }
}

/// One user as the admin pages show them.
struct AdminUserRow: Sendable {
    let id: String
    let displayName: String
    let email: String
    let role: String
    let active: Bool
    let emailVerified: Bool
    let created: String
    let isSelf: Bool
    let roleOptions: [SelectOption]

    init(_ user: User, viewer: Principal) {
        id = user.id
        displayName = user.displayName
        email = user.email
        role = user.role.rawValue
        active = user.isActive
        emailVerified = user.emailVerified
        created = user.createdAt.formatted(.iso8601.year().month().day())
        isSelf = user.id == viewer.userID
        roleOptions = SelectOption.list(Role.allCases.map(\.rawValue), selected: user.role.rawValue)
    }
}

/// What the admin user list shows.
struct AdminUsersContent: Sendable {
    let users: [AdminUserRow]
    let query: String
    let roles: [SelectOption]
    /// The filters as hidden fields of every action form (`q`, `role`, `cursor`), so the list comes back as it was.
    let filters: [String: String]
    /// The filters as a query string (`?q=…`), or empty, for links that carry them.
    let filterQuery: String
    let nextURL: String?
    let firstURL: String?
}

/// What the user detail and deactivation confirmation pages show.
struct AdminUserContent: Sendable {
    let user: AdminUserRow
    let filters: [String: String]
    let filterQuery: String
    let listURL: String
}

/// The admin user pages: search and filter, one user's details, role changes, and deactivation after a
/// confirmation page (which works without JavaScript and from the keyboard). After an action the admin
/// returns to the list or the user as they were, with a message that says what was done to whom.
struct AdminPages: Sendable {
    let identity: IdentityService
    let renderer: PageRenderer
    static let pageSize = 50

    func addRoutes(to pages: RouterGroup<AppRequestContext>) {
        pages.get("admin/users", use: list)
        pages.get("admin/users/:id", use: detail)
        pages.get("admin/users/:id/deactivate", use: confirmDeactivation)
        pages.post("admin/users/:id", use: update)
    }

    private static func filters(_ request: Request) -> AdminUserFilters {
        let parameters = request.uri.queryParameters
        return AdminUserFilters(query: parameters.get("q"), role: parameters.get("role"), cursor: parameters.get("cursor"))
    }

    private static func hiddenFields(_ filters: AdminUserFilters) -> [String: String] {
        ["q": filters.query, "role": filters.role, "cursor": filters.cursor]
    }

    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let principal = context.principal else { return PageRenderer.signIn(returningTo: request.uri.description) }
        let parameters = request.uri.queryParameters
        let filters = Self.filters(request)
        let cursor = try filters.cursor.isEmpty ? nil : PageCursor(decoding: filters.cursor)
        let page = try await identity.listUsers(
            principal, query: filters.query, role: Role(rawValue: filters.role), limit: Self.pageSize, cursor: cursor
        )
        let nextURL = page.nextCursor.map { next in
            var forward = filters
            forward.cursor = next
            return forward.listURL()
        }
        var first = filters
        first.cursor = ""
        let notice = try await notice(parameters.get("done"), userID: parameters.get("user"), principal: principal)
        let content = AdminUsersContent(
            users: page.users.map { AdminUserRow($0, viewer: principal) }, query: filters.query,
            roles: SelectOption.list(Role.allCases.map(\.rawValue), selected: filters.role), filters: Self.hiddenFields(filters),
            filterQuery: Self.query(filters), nextURL: nextURL, firstURL: filters.cursor.isEmpty ? nil : first.listURL()
        )
        var title = "Users"
        if !filters.query.isEmpty || !filters.role.isEmpty {
            title += " matching " + [filters.query.isEmpty ? nil : "“\(filters.query)”", filters.role.isEmpty ? nil : filters.role]
                .compactMap { $0 }.joined(separator: ", ")
        }
        return try renderer.render(Page("admin-users", title: title, content: content, section: .admin, notice: notice), context: context)
    }

    @Sendable func detail(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let principal = context.principal else { return PageRenderer.signIn(returningTo: request.uri.description) }
        let parameters = request.uri.queryParameters
        let user = try await identity.adminUser(principal, id: try context.parameters.require("id"))
        let filters = Self.filters(request)
        let notice = try await notice(parameters.get("done"), userID: user.id, principal: principal)
        let content = AdminUserContent(
            user: AdminUserRow(user, viewer: principal), filters: Self.hiddenFields(filters), filterQuery: Self.query(filters),
            listURL: filters.listURL()
        )
        return try renderer.render(
            Page("admin-user", title: "\(user.displayName) (\(user.email))", content: content, section: .admin, notice: notice),
            context: context
        )
    }

    @Sendable func confirmDeactivation(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let principal = context.principal else { return PageRenderer.signIn(returningTo: request.uri.description) }
        let user = try await identity.adminUser(principal, id: try context.parameters.require("id"))
        let filters = Self.filters(request)
        let content = AdminUserContent(
            user: AdminUserRow(user, viewer: principal), filters: Self.hiddenFields(filters), filterQuery: Self.query(filters),
            listURL: filters.listURL()
        )
        return try renderer.render(
            Page("admin-user-deactivate", title: "Deactivate \(user.displayName)?", content: content, section: .admin, narrow: true),
            context: context
        )
    }

    @Sendable func update(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try context.submittedForm()
        let principal = try context.requirePrincipal()
        let id = try context.parameters.require("id")
        let filters = AdminUserFilters(query: form.nonEmpty("q"), role: form.nonEmpty("role"), cursor: form.nonEmpty("cursor"))
        let action = form["action"]
        switch action {
        case "role":
            guard let role = Role(rawValue: form["newRole"].isEmpty ? form["role"] : form["newRole"]) else {
                throw AppError.validation(["newRole": "is not a valid role"])
            }
            _ = try await identity.updateUser(principal, id: id, role: role, active: nil)
        case "deactivate":
            // Deactivation signs the user out everywhere: it needs the confirmation page's explicit yes.
            guard form["confirm"] == "yes" else {
                _ = try await identity.adminUser(principal, id: id)
                return PageRenderer.redirect(to: "/admin/users/\(id)/deactivate" + Self.query(filters))
            }
            _ = try await identity.updateUser(principal, id: id, role: nil, active: false)
        case "reactivate":
            _ = try await identity.updateUser(principal, id: id, role: nil, active: true)
        default:
            throw AppError.validation(["action": "must be role, deactivate or reactivate"])
        }
        let done = [URLQueryItem(name: "done", value: action), URLQueryItem(name: "user", value: id)]
        if form["from"] == "detail" {
            return PageRenderer.redirect(to: "/admin/users/\(id)" + Self.query(filters, [done[0]]))
        }
        return PageRenderer.redirect(to: filters.listURL(done))
    }

    /// `?q=…&role=…` for `filters` and `extra`, or nothing.
    private static func query(_ filters: AdminUserFilters, _ extra: [URLQueryItem] = []) -> String {
        let list = filters.listURL(extra)
        return list.firstIndex(of: "?").map { String(list[$0...]) } ?? ""
    }

    /// What the last action did, naming the user it was done to.
    private func notice(_ done: String?, userID: String?, principal: Principal) async throws -> String? {
        guard let done, let userID, ["role", "deactivate", "reactivate"].contains(done) else { return nil }
        let user: User
        do {
            user = try await identity.adminUser(principal, id: userID)
        } catch let error as AppError where error.status == 404 {
            return nil
        }
        let who = "\(user.displayName) (\(user.email))"
        switch done {
        case "role": return "Changed the role of \(who) to \(user.role.rawValue)."
        case "deactivate": return "Deactivated \(who) and signed them out everywhere."
        default: return "Reactivated \(who)."
        }
    }
}
