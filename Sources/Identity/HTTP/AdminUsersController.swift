import Hummingbird
import LyceumContracts
import LyceumCore
import LyceumHTTP

/// `/api/v1/admin/users`: admins list, search and manage accounts.
public struct AdminUsersController: Sendable {
    private let identity: IdentityService

    /// Creates the controller.
    public init(identity: IdentityService) {
        self.identity = identity
    }

    /// The routes, to mount at `/api/v1/admin/users`.
    public var endpoints: RouteCollection<AppRequestContext> {
        let routes = RouteCollection(context: AppRequestContext.self)
        routes.get("", use: list)
        routes.patch(":id", use: update)
        return routes
    }

    struct UpdateBody: Decodable {
        let role: Role?
        let active: Bool?
    }

    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let query = request.uri.queryParameters
        var role: Role?
        if let roleText = query.get("role"), !roleText.isEmpty {
            guard let parsed = Role(rawValue: roleText) else {
                throw AppError.badRequest("invalid_role", "role must be student, instructor or admin.")
            }
            role = parsed
        }
        let limit = try PageLimit.parse(query.get("limit"))
        let cursor = try query.get("cursor").map { text throws(AppError) in try PageCursor(decoding: text) }
        let page = try await identity.listUsers(principal, query: query.get("q"), role: role, limit: limit, cursor: cursor)
        return JSONResponse.write(UserPageView(items: page.users.map(UserView.init), nextCursor: page.nextCursor))
    }

    @Sendable func update(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let id = context.parameters.get("id") ?? ""
        let body = try await request.decodeJSON(UpdateBody.self, context: context)
        let user = try await identity.updateUser(principal, id: id, role: body.role, active: body.active)
        return JSONResponse.write(UserEnvelope(user: UserView(user)))
    }
}
