import Foundation
import LyceumCore

/// Draws from named budgets for actions worth throttling on their own (sign-in, registration, password
/// reset, verification resends), keyed by account and by client address.
public struct ActionThrottle: Sendable {
    private let limiter: any RateLimiter
    private let clock: WallClock

    /// Creates a throttle over `limiter`.
    public init(limiter: any RateLimiter, clock: WallClock) {
        self.limiter = limiter
        self.clock = clock
    }

    /// Takes one token from each `(key, budget)`; 429 `rate_limited` when any bucket is empty.
    public func check(_ buckets: [(key: String, budget: RateBudget?)]) async throws(AppError) {
        let now = clock.now()
        var retryAfter = 0
        for (key, budget) in buckets {
            guard let budget else { continue }
            let decision = await limiter.take(key, budget: budget, now: now)
            if !decision.allowed { retryAfter = max(retryAfter, decision.retryAfterSeconds) }
        }
        if retryAfter > 0 { throw AppError.rateLimited(retryAfter: retryAfter) }
    }
}
