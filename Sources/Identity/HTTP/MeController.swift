import LyceumContracts
import Hummingbird
import LyceumCore
import LyceumHTTP

/// `/api/v1/me`: the caller's own account.
public struct MeController: Sendable {
    private let identity: IdentityService

    /// Creates the controller.
    public init(identity: IdentityService) {
        self.identity = identity
    }

    /// The routes, to mount at `/api/v1/me`.
    public var endpoints: RouteCollection<AppRequestContext> {
        let routes = RouteCollection(context: AppRequestContext.self)
        routes.get("", use: show)
        routes.patch("", use: update)
        routes.put("password", use: changePassword)
        routes.post("verification-email", use: resendVerification)
        return routes
    }

    struct ProfileBody: Decodable {
        let displayName: String?
        let bio: String?
    }

    struct PasswordBody: Decodable {
        let currentPassword: String
        let newPassword: String
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let user = try await identity.user(id: principal.userID)
        return JSONResponse.write(UserEnvelope(user: UserView(user)))
    }

    @Sendable func update(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let body = try await request.decodeJSON(ProfileBody.self, context: context)
        let user = try await identity.updateProfile(principal, displayName: body.displayName, bio: body.bio)
        return JSONResponse.write(UserEnvelope(user: UserView(user)))
    }

    @Sendable func changePassword(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let body = try await request.decodeJSON(PasswordBody.self, context: context)
        try await identity.changePassword(principal, currentPassword: body.currentPassword, newPassword: body.newPassword)
        return JSONResponse.noContent()
    }

    @Sendable func resendVerification(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        try await identity.resendVerificationEmail(principal)
        return try JSONResponse.encode(["message": "A new verification link is on its way."], status: .accepted)
    }
}
