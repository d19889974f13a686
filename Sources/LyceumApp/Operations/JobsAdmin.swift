import Foundation
import LyceumContracts
import LyceumCore
import LyceumPlatform

/// The job queue as administrators steer it, behind the admin check every entry point shares.
struct JobsAdmin: Sendable {
    let queue: JobQueue

    /// Queue depths, the most recently changed jobs (optionally only those in `state` and `queue`), and the
    /// mail that could not be delivered.
    func overview(_ principal: Principal, state: JobState?, queue name: String?, limit: Int) async throws -> JobsOverview {
        try Self.requireAdmin(principal)
        async let summaries = queue.summary()
        async let jobs = queue.list(state: state, queue: name, limit: limit)
        async let undelivered = queue.undeliveredMail(limit: limit)
        return JobsOverview(queues: try await summaries, jobs: try await jobs, undeliveredMail: try await undelivered)
    }

    /// Queues a dead, retrying or cancelled job again.
    func retry(_ principal: Principal, id: String) async throws -> JobRecord {
        try Self.requireAdmin(principal)
        return try await queue.retry(id: id)
    }

    /// Cancels a waiting, retrying or dead job.
    func cancel(_ principal: Principal, id: String) async throws -> JobRecord {
        try Self.requireAdmin(principal)
        return try await queue.cancel(id: id)
    }

    /// Refuses everyone but administrators (403).
    static func requireAdmin(_ principal: Principal) throws(AppError) {
        guard principal.isAdmin else { throw AppError.forbidden("Only administrators can see and steer background jobs.") }
    }
}

/// Queue depths, a list of jobs, and the dead mail jobs with their recipients and subjects.
struct JobsOverview: Sendable {
    let queues: [QueueSummary]
    let jobs: [JobRecord]
    let undeliveredMail: [UndeliveredMail]
}
