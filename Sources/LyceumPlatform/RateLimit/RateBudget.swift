import Foundation

/// How many requests a key may make per period: a token bucket that holds `capacity` tokens and refills them
/// evenly over `period`, so short bursts are allowed and the long-run rate is `capacity / period`.
public struct RateBudget: Sendable, Equatable, CustomStringConvertible {
    /// The most requests in a burst, and per period.
    public let capacity: Int
    /// The period, in seconds, over which `capacity` tokens refill.
    public let period: TimeInterval

    /// Creates a budget.
    public init(capacity: Int, period: TimeInterval) {
        self.capacity = capacity
        self.period = period
    }

    /// Parses `count/period`, where period is a number with `s`, `m`, `h` or `d` (`10/15m`, `600/1m`, `5/1h`).
    public init?(_ text: String) {
        let parts = text.split(separator: "/", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2, let capacity = Int(parts[0]), capacity > 0, let unit = parts[1].last,
            let amount = Double(parts[1].dropLast()), amount > 0
        else { return nil }
        let seconds: Double
        switch unit {
        case "s": seconds = 1
        case "m": seconds = 60
        case "h": seconds = 3600
        case "d": seconds = 86400
        default: return nil
        }
        self.init(capacity: capacity, period: amount * seconds)
    }

    public var description: String {
        let period = self.period
        if period.truncatingRemainder(dividingBy: 3600) == 0 { return "\(capacity)/\(Int(period / 3600))h" }
        if period.truncatingRemainder(dividingBy: 60) == 0 { return "\(capacity)/\(Int(period / 60))m" }
        return "\(capacity)/\(Int(period))s"
    }
}

/// The outcome of taking one token.
public struct RateDecision: Sendable, Equatable {
    /// Whether the request may go ahead.
    public let allowed: Bool
    /// The bucket's capacity (`RateLimit-Limit`).
    public let limit: Int
    /// Whole tokens left after this request (`RateLimit-Remaining`).
    public let remaining: Int
    /// Seconds until the bucket is full again (`RateLimit-Reset`).
    public let resetSeconds: Int
    /// Seconds until the next token, when refused (`Retry-After`).
    public let retryAfterSeconds: Int
}
