import Foundation
import SQLKit

/// One job as operators see it (the admin page, `lyceum jobs list`). The payload is left out: it may
/// hold a link meant for one recipient.
public struct JobRecord: Sendable, Equatable {
    public let id: String
    public let name: String
    public let queue: String
    public let state: JobState
    public let priority: Int
    public let attempts: Int
    public let maxAttempts: Int
    public let uniqueKey: String
    public let runAt: Date
    public let createdAt: Date
    public let updatedAt: Date
    public let finishedAt: Date?
    public let lastError: String?

    static let columns = [
        "id", "name", "queue", "state", "priority", "attempts", "max_attempts", "unique_key", "run_at", "created_at",
        "updated_at", "finished_at", "last_error",
    ]

    init(row: any SQLRow) throws {
        id = try row.decode(column: "id", as: String.self)
        name = try row.decode(column: "name", as: String.self)
        queue = try row.decode(column: "queue", as: String.self)
        state = JobState(rawValue: try row.decode(column: "state", as: String.self)) ?? .dead
        priority = try row.decode(column: "priority", as: Int.self)
        attempts = try row.decode(column: "attempts", as: Int.self)
        maxAttempts = try row.decode(column: "max_attempts", as: Int.self)
        uniqueKey = try row.decode(column: "unique_key", as: String.self)
        runAt = try row.decode(column: "run_at", as: Date.self)
        createdAt = try row.decode(column: "created_at", as: Date.self)
        updatedAt = try row.decode(column: "updated_at", as: Date.self)
        finishedAt = try row.decode(column: "finished_at", as: Date?.self)
        lastError = try row.decode(column: "last_error", as: String?.self)
    }
}

/// How many jobs of one queue are in each state, and how many of the waiting ones are due now.
public struct QueueSummary: Sendable, Equatable, Encodable {
    /// The queue's name.
    public let queue: String
    /// Jobs waiting whose run time has come: the queue's depth.
    public var due = 0
    /// Jobs waiting for a later run time (delayed jobs and retries).
    public var scheduled = 0
    /// Jobs leased by a worker now.
    public var running = 0
    /// Jobs that failed and will be tried again.
    public var retrying = 0
    /// Jobs that failed on their last attempt.
    public var dead = 0
    /// Jobs that finished and are still kept.
    public var succeeded = 0
    /// Jobs an operator cancelled and that are still kept.
    public var cancelled = 0
}
