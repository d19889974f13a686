import Foundation
import LyceumCore
import SQLKit

extension JobQueue {
    /// Jobs newest first, optionally only those in `state` and `queue`.
    public func list(state: JobState? = nil, queue: String? = nil, limit: Int = 50) async throws -> [JobRecord] {
        try await database.read { sql in
            var select = sql.select().columns(JobRecord.columns.map { SQLColumn($0) }).from("jobs")
            if let state { select = select.where("state", .equal, state.rawValue) }
            if let queue { select = select.where("queue", .equal, queue) }
            return try await select.orderBy("updated_at", .descending).orderBy("id", .descending).limit(limit).all()
                .map(JobRecord.init(row:))
        }
    }

    /// One job, or `nil` when there is none with that id.
    public func job(id: String) async throws -> JobRecord? {
        try await database.read { sql in
            try await sql.select().columns(JobRecord.columns.map { SQLColumn($0) }).from("jobs").where("id", .equal, id)
                .first().map(JobRecord.init(row:))
        }
    }

    /// Counts per queue and state, every queue a handler uses included (with zeros).
    public func summary() async throws -> [QueueSummary] {
        let now = clock.nowForStorage()
        let rows = try await database.read { sql in
            try await sql.raw(
                """
                SELECT queue, state, CASE WHEN run_at <= \(bind: now) THEN 1 ELSE 0 END AS due, COUNT(*) AS count
                FROM jobs GROUP BY 1, 2, 3
                """
            ).all()
        }
        var summaries = Dictionary(uniqueKeysWithValues: registry.queues.map { ($0, QueueSummary(queue: $0)) })
        for row in rows {
            let queue = try row.decode(column: "queue", as: String.self)
            let count = try row.decode(column: "count", as: Int.self)
            let due = try row.decode(column: "due", as: Int.self) == 1
            var summary = summaries[queue] ?? QueueSummary(queue: queue)
            switch JobState(rawValue: try row.decode(column: "state", as: String.self)) {
            case .queued: if due { summary.due += count } else { summary.scheduled += count }
            case .retrying: summary.retrying += count
            case .running: summary.running += count
            case .succeeded: summary.succeeded += count
            case .dead: summary.dead += count
            case .cancelled: summary.cancelled += count
            case nil: break
            }
            summaries[queue] = summary
        }
        return summaries.values.sorted { $0.queue < $1.queue }
    }

    /// Queues a dead, retrying or cancelled job to run now with a fresh set of attempts.
    /// - Throws: `AppError.notFound` for an unknown id; `AppError.conflict` when the job is waiting,
    ///   running or finished.
    @discardableResult
    public func retry(id: String) async throws -> JobRecord {
        try await changeState(id: id, allowed: [.dead, .retrying, .cancelled], verb: "retried") { sql, now, job in
            try await sql.raw(
                """
                UPDATE jobs SET state = 'queued', attempts = 0, run_at = \(bind: now), finished_at = NULL, updated_at = \(bind: now)
                WHERE id = \(bind: id)
                """
            ).run()
            try await self.announce(queue: job.queue, on: sql)
        }
    }

    /// Cancels a job that is waiting, retrying or dead, so it never runs again (it can still be retried).
    /// - Throws: `AppError.notFound` for an unknown id; `AppError.conflict` when it is running or finished.
    @discardableResult
    public func cancel(id: String) async throws -> JobRecord {
        try await changeState(id: id, allowed: [.queued, .retrying, .dead], verb: "cancelled") { sql, now, _ in
            try await sql.raw(
                """
                UPDATE jobs SET state = 'cancelled', finished_at = \(bind: now), updated_at = \(bind: now)
                WHERE id = \(bind: id)
                """
            ).run()
        }
    }

    /// Deletes succeeded and cancelled jobs that finished before `cutoff`; returns how many.
    @discardableResult
    public func prune(finishedBefore cutoff: Date) async throws -> Int {
        try await database.transaction { sql in
            try await sql.raw(
                """
                DELETE FROM jobs WHERE state IN ('succeeded', 'cancelled') AND finished_at < \(bind: cutoff) RETURNING id
                """
            ).all().count
        }
    }

    private func changeState(
        id: String, allowed: Set<JobState>, verb: String,
        _ change: @escaping @Sendable (any SQLDatabase, Date, JobRecord) async throws -> Void
    ) async throws -> JobRecord {
        let now = clock.nowForStorage()
        // The answer is the job as the change left it, read in the same transaction: a worker may take a
        // retried job the moment it commits, and the admin's answer should say what their action did.
        return try await database.transaction { sql -> JobRecord in
            func load() async throws -> JobRecord? {
                try await sql.select().columns(JobRecord.columns.map { SQLColumn($0) }).from("jobs")
                    .where("id", .equal, id).first().map(JobRecord.init(row:))
            }
            guard let current = try await load() else { throw AppError.notFound("job") }
            guard allowed.contains(current.state) else {
                throw AppError.conflict("job_\(current.state.rawValue)", "A \(current.state.rawValue) job cannot be \(verb).")
            }
            try await change(sql, now, current)
            return try await load() ?? current
        }
    }
}
