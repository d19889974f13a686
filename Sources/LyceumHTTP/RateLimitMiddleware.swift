import Foundation
import HTTPTypes
import Hummingbird
import LyceumContracts
import LyceumCore
import LyceumPlatform

extension HTTPField.Name {
    /// `RateLimit-Limit`: the budget's capacity.
    public static let rateLimitLimit = HTTPField.Name("RateLimit-Limit")!
    /// `RateLimit-Remaining`: requests left now.
    public static let rateLimitRemaining = HTTPField.Name("RateLimit-Remaining")!
    /// `RateLimit-Reset`: seconds until the budget is whole again.
    public static let rateLimitReset = HTTPField.Name("RateLimit-Reset")!
}

/// The general API budget: every request draws from the bucket of its client address and, once signed in,
/// of its account too; the tighter of the two is reported in `RateLimit-*` headers, and an empty bucket
/// answers 429 with `Retry-After`.
public struct RateLimitMiddleware: RouterMiddleware {
    public typealias Context = AppRequestContext
    private let limiter: any RateLimiter
    private let budget: RateBudget
    private let clock: WallClock

    /// Creates the middleware; it runs after authentication, so it sees the account.
    public init(limiter: any RateLimiter, budget: RateBudget, clock: WallClock) {
        self.limiter = limiter
        self.budget = budget
        self.clock = clock
    }

    public func handle(
        _ request: Request, context: AppRequestContext, next: (Request, AppRequestContext) async throws -> Response
    ) async throws -> Response {
        let now = clock.now()
        var decision = await limiter.take("api:address:\(context.clientAddress ?? "unknown")", budget: budget, now: now)
        if let principal = context.principal {
            let account = await limiter.take("api:account:\(principal.userID)", budget: budget, now: now)
            if !account.allowed || account.remaining < decision.remaining { decision = account }
        }
        guard decision.allowed else { throw AppError.rateLimited(retryAfter: decision.retryAfterSeconds) }
        var response = try await next(request, context)
        response.headers[.rateLimitLimit] = String(decision.limit)
        response.headers[.rateLimitRemaining] = String(decision.remaining)
        response.headers[.rateLimitReset] = String(decision.resetSeconds)
        return response
    }
}
