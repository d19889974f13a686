import LyceumContracts
import Hummingbird
import LyceumCore
import LyceumHTTP

/// `/api/v1/auth`: registration, sign-in, token refresh, sign-out, email verification, password reset.
public struct AuthController: Sendable {
    private let identity: IdentityService

    /// Creates the controller.
    public init(identity: IdentityService) {
        self.identity = identity
    }

    /// The routes, to mount at `/api/v1/auth`.
    public var endpoints: RouteCollection<AppRequestContext> {
        let routes = RouteCollection(context: AppRequestContext.self)
        routes.post("register", use: register)
        routes.post("login", use: login)
        routes.post("refresh", use: refresh)
        routes.post("logout", use: logout)
        routes.post("verify-email", use: verifyEmail)
        routes.post("password-reset", use: requestPasswordReset)
        routes.post("password-reset/confirm", use: confirmPasswordReset)
        return routes
    }

    struct RegisterBody: Decodable {
        let email: String
        let password: String
        let displayName: String
    }

    struct LoginBody: Decodable {
        let email: String
        let password: String
    }

    struct RefreshBody: Decodable {
        let refreshToken: String
    }

    struct LogoutBody: Decodable {
        let refreshToken: String?
    }

    struct TokenBody: Decodable {
        let token: String
    }

    struct EmailBody: Decodable {
        let email: String
    }

    struct ResetBody: Decodable {
        let token: String
        let password: String
    }

    @Sendable func register(_ request: Request, context: AppRequestContext) async throws -> Response {
        let body = try await request.decodeJSON(RegisterBody.self, context: context)
        let signedIn = try await identity.register(
            email: body.email, password: body.password, displayName: body.displayName, from: context.clientAddress
        )
        return JSONResponse.write(SignedInView(signedIn), status: .created)
    }

    @Sendable func login(_ request: Request, context: AppRequestContext) async throws -> Response {
        let body = try await request.decodeJSON(LoginBody.self, context: context)
        let signedIn = try await identity.login(email: body.email, password: body.password, from: context.clientAddress)
        return JSONResponse.write(SignedInView(signedIn))
    }

    @Sendable func refresh(_ request: Request, context: AppRequestContext) async throws -> Response {
        let body = try await request.decodeJSON(RefreshBody.self, context: context)
        let signedIn = try await identity.refresh(refreshToken: body.refreshToken, logger: context.logger)
        return JSONResponse.write(SignedInView(signedIn))
    }

    /// Ends the session of the bearer token, or of `refreshToken` in the body. Idempotent: 204 either way.
    @Sendable func logout(_ request: Request, context: AppRequestContext) async throws -> Response {
        if let principal = context.principal {
            // A body is optional with a bearer token, but one that is sent must still be valid JSON of this shape.
            let hasBody = (request.headers[.contentLength].flatMap(Int.init) ?? 0) > 0 || request.headers[.contentType] != nil
            if hasBody { _ = try await request.decodeJSON(LogoutBody.self, context: context) }
            try await identity.logout(principal)
            return JSONResponse.noContent()
        }
        if let error = context.credentialError { throw error }
        let body = try await request.decodeJSON(LogoutBody.self, context: context)
        guard let refreshToken = body.refreshToken else {
            throw AppError.validation(["refreshToken": "is required without a bearer token"])
        }
        try await identity.logout(refreshToken: refreshToken)
        return JSONResponse.noContent()
    }

    @Sendable func verifyEmail(_ request: Request, context: AppRequestContext) async throws -> Response {
        let body = try await request.decodeJSON(TokenBody.self, context: context)
        let user = try await identity.verifyEmail(token: body.token)
        return JSONResponse.write(UserEnvelope(user: UserView(user)))
    }

    @Sendable func requestPasswordReset(_ request: Request, context: AppRequestContext) async throws -> Response {
        let body = try await request.decodeJSON(EmailBody.self, context: context)
        try await identity.requestPasswordReset(email: body.email, from: context.clientAddress)
        return try JSONResponse.encode(
            ["message": "If an account uses this address, a reset link is on its way."], status: .accepted
        )
    }

    @Sendable func confirmPasswordReset(_ request: Request, context: AppRequestContext) async throws -> Response {
        let body = try await request.decodeJSON(ResetBody.self, context: context)
        try await identity.confirmPasswordReset(token: body.token, newPassword: body.password)
        return JSONResponse.noContent()
    }
}
