import LyceumContracts
import Hummingbird
import Logging
import LyceumCore

/// Authenticates `Authorization: Bearer <access token>` for API routes.
///
/// A valid token sets `context.principal`. An invalid one is remembered in `context.credentialError`, so
/// public routes still work and protected routes answer 401 with the precise reason (e.g. `token_expired`).
public struct BearerAuthenticator: RouterMiddleware {
    public typealias Context = AppRequestContext
    private let authenticator: any CallerAuthenticator

    /// Creates the middleware.
    public init(authenticator: any CallerAuthenticator) {
        self.authenticator = authenticator
    }

    public func handle(
        _ request: Request, context: AppRequestContext, next: (Request, AppRequestContext) async throws -> Response
    ) async throws -> Response {
        guard let header = request.headers[.authorization] else { return try await next(request, context) }
        var context = context
        let parts = header.split(separator: " ", maxSplits: 1)
        if parts.count == 2, parts[0].lowercased() == "bearer" {
            do {
                context.principal = try await authenticator.authenticate(accessToken: String(parts[1]))
                if let principal = context.principal {
                    context.logger[metadataKey: "user.id"] = .string(principal.userID)
                }
            } catch let error as AppError {
                context.credentialError = error
            }
        } else {
            context.credentialError = AppError(
                status: 401, code: "invalid_token", message: "Use Authorization: Bearer <access token>."
            )
        }
        return try await next(request, context)
    }
}
