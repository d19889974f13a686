import Foundation
import Synchronization

/// Counts requests per key against a budget. The embedded limiter counts per process; a shared store
/// (Redis) can replace it behind this protocol so every replica draws from one bucket.
public protocol RateLimiter: Sendable {
    /// Takes one token from the bucket of `key` under `budget`, at `now`.
    func take(_ key: String, budget: RateBudget, now: Date) async -> RateDecision
    /// Takes one token without suspending, when the limiter decides in memory; `nil` when it must wait for
    /// a store, so callers that cannot wait (a channel handler on an event loop) leave the request to `take`.
    func takeImmediately(_ key: String, budget: RateBudget, now: Date) -> RateDecision?
}

extension RateLimiter {
    /// A limiter backed by a store cannot decide without waiting.
    public func takeImmediately(_ key: String, budget: RateBudget, now: Date) -> RateDecision? { nil }
}

/// Token buckets in this process's memory. Buckets that would be full again are forgotten, so memory stays
/// bounded by the keys active within their periods.
public final class InProcessRateLimiter: RateLimiter {
    private struct Bucket {
        var tokens: Double
        var updated: Date
        let capacity: Double
        let refillPerSecond: Double

        func isFull(at now: Date) -> Bool { tokens + now.timeIntervalSince(updated) * refillPerSecond >= capacity }
    }

    private let buckets = Mutex<[String: Bucket]>([:])
    private let pruneThreshold: Int

    /// Creates an empty limiter; it sweeps full buckets whenever it holds more than `pruneThreshold` keys.
    public init(pruneThreshold: Int = 50_000) {
        self.pruneThreshold = pruneThreshold
    }

    public func take(_ key: String, budget: RateBudget, now: Date) async -> RateDecision {
        decide(key, budget: budget, now: now)
    }

    public func takeImmediately(_ key: String, budget: RateBudget, now: Date) -> RateDecision? {
        decide(key, budget: budget, now: now)
    }

    private func decide(_ key: String, budget: RateBudget, now: Date) -> RateDecision {
        let capacity = Double(budget.capacity)
        let refillPerSecond = capacity / budget.period
        return buckets.withLock { buckets in
            var bucket = buckets[key] ?? Bucket(tokens: capacity, updated: now, capacity: capacity, refillPerSecond: refillPerSecond)
            bucket.tokens = min(capacity, bucket.tokens + max(0, now.timeIntervalSince(bucket.updated)) * refillPerSecond)
            bucket.updated = now
            let allowed = bucket.tokens >= 1
            if allowed { bucket.tokens -= 1 }
            buckets[key] = bucket
            if buckets.count > pruneThreshold {
                buckets = buckets.filter { !$0.value.isFull(at: now) }
            }
            return RateDecision(
                allowed: allowed, limit: budget.capacity, remaining: Int(bucket.tokens.rounded(.down)),
                resetSeconds: Int(((capacity - bucket.tokens) / refillPerSecond).rounded(.up)),
                retryAfterSeconds: allowed ? 0 : max(1, Int(((1 - bucket.tokens) / refillPerSecond).rounded(.up)))
            )
        }
    }
}
