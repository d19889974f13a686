import Foundation

/// The typed arguments of one kind of job, stored as JSON with the job.
///
/// ```swift
/// struct SendReceipt: JobPayload {
///     static let jobName = "billing.send-receipt"
///     let paymentID: String
/// }
/// ```
public protocol JobPayload: Codable, Sendable {
    /// The name handlers are registered under and the admin page shows; unique across modules, stable
    /// across releases (queued jobs refer to it).
    static var jobName: String { get }
}

/// How a job is enqueued: where, when, how urgently, and how to recognise a duplicate.
public struct JobOptions: Sendable {
    /// The named queue; workers may serve a subset of queues.
    public var queue: String
    /// Higher runs first among due jobs.
    public var priority: Int
    /// When the job becomes due; `nil` means now.
    public var runAt: Date?
    /// Jobs with the same key are one job: enqueuing a second time does nothing while the first is kept.
    public var uniqueKey: String?

    /// Creates options; the defaults run the job now on the `default` queue.
    public init(queue: String = "default", priority: Int = 0, runAt: Date? = nil, uniqueKey: String? = nil) {
        self.queue = queue
        self.priority = priority
        self.runAt = runAt
        self.uniqueKey = uniqueKey
    }
}

/// Where a job is in its life.
public enum JobState: String, Sendable, Codable, CaseIterable {
    /// Waiting for its run time and a worker.
    case queued
    /// Leased by a worker.
    case running
    /// Failed at least once and waiting to try again.
    case retrying
    /// Finished successfully; kept for a while so its unique key keeps deduplicating.
    case succeeded
    /// Failed on its last allowed attempt; kept for inspection until retried or cancelled.
    case dead
    /// Stopped by an operator before it could run again.
    case cancelled
}

/// How often a kind of job is tried, and how long to wait between tries.
public struct RetryPolicy: Sendable {
    /// Tries in all, the first included.
    public var maxAttempts: Int
    /// The wait after the first failure; each later failure doubles it.
    public var baseDelay: Duration
    /// The longest wait between two tries.
    public var maxDelay: Duration

    /// Creates a policy.
    public init(maxAttempts: Int = 8, baseDelay: Duration = .seconds(5), maxDelay: Duration = .seconds(3_600)) {
        self.maxAttempts = max(1, maxAttempts)
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
    }

    /// The wait before the try after failed attempt number `attempt` (1-based): exponential, capped, with
    /// "equal jitter" (between half and all of it) so jobs that failed together do not retry together.
    public func delay(afterAttempt attempt: Int, random: Double = Double.random(in: 0...1)) -> Duration {
        let base = Double(baseDelay.components.seconds) + Double(baseDelay.components.attoseconds) / 1e18
        let cap = Double(maxDelay.components.seconds)
        let exponential = min(cap, base * pow(2, Double(min(max(0, attempt - 1), 30))))
        return .milliseconds(Int64((exponential / 2 + exponential / 2 * random) * 1_000))
    }
}
