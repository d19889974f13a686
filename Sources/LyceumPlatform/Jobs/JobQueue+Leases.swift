import Foundation
import LyceumCore
import SQLKit

/// A job a worker leased: what it needs to run it and to report the outcome.
struct LeasedJob: Sendable {
    let id: String
    let name: String
    let queue: String
    let payload: Data
    let uniqueKey: String
    let attempt: Int
    let maxAttempts: Int
}

extension JobQueue {
    /// Leases up to `limit` due jobs of `queues` to the worker `token` until `leaseDuration` from now:
    /// waiting jobs whose time has come, and running jobs whose worker stopped renewing its lease.
    /// On PostgreSQL `FOR UPDATE SKIP LOCKED` lets workers claim side by side without ever sharing a job;
    /// on SQLite claims are transactions on the single writer, one after another.
    func claim(queues: [String], limit: Int, token: String, leaseDuration: Duration) async throws -> [LeasedJob] {
        let now = clock.nowForStorage()
        let expires = now.addingTimeInterval(leaseDuration.seconds)
        let lock: SQLQueryString = database.engine == .postgres ? "FOR UPDATE SKIP LOCKED" : ""
        return try await database.transaction { sql in
            try await sql.raw(
                """
                UPDATE jobs SET state = 'dead', finished_at = \(bind: now), updated_at = \(bind: now), lease_token = NULL,
                    last_error = 'The worker stopped during the last allowed attempt.'
                WHERE state = 'running' AND lease_expires_at < \(bind: now) AND attempts >= max_attempts
                """
            ).run()
            return try await sql.raw(
                """
                UPDATE jobs SET state = 'running', attempts = attempts + 1, lease_token = \(bind: token),
                    lease_expires_at = \(bind: expires), updated_at = \(bind: now)
                WHERE id IN (
                    SELECT id FROM jobs
                    WHERE queue IN (\(binds: queues))
                      AND ((state IN ('queued', 'retrying') AND run_at <= \(bind: now))
                        OR (state = 'running' AND lease_expires_at < \(bind: now) AND lease_token <> \(bind: token)))
                    ORDER BY priority DESC, run_at, id
                    LIMIT \(literal: limit)
                    \(lock))
                RETURNING id, name, queue, payload, unique_key, attempts, max_attempts
                """
            ).all().map { row in
                LeasedJob(
                    id: try row.decode(column: "id", as: String.self),
                    name: try row.decode(column: "name", as: String.self),
                    queue: try row.decode(column: "queue", as: String.self),
                    payload: Data(try row.decode(column: "payload", as: String.self).utf8),
                    uniqueKey: try row.decode(column: "unique_key", as: String.self),
                    attempt: try row.decode(column: "attempts", as: Int.self),
                    maxAttempts: try row.decode(column: "max_attempts", as: Int.self)
                )
            }
        }
    }

    /// Extends the leases of the jobs `token` still holds; returns the ids it still holds.
    func renewLeases(ids: [String], token: String, leaseDuration: Duration) async throws -> Set<String> {
        guard !ids.isEmpty else { return [] }
        let expires = clock.nowForStorage().addingTimeInterval(leaseDuration.seconds)
        return try await database.transaction { sql in
            Set(
                try await sql.raw(
                    """
                    UPDATE jobs SET lease_expires_at = \(bind: expires)
                    WHERE id IN (\(binds: ids)) AND lease_token = \(bind: token) AND state = 'running'
                    RETURNING id
                    """
                ).all().map { try $0.decode(column: "id", as: String.self) }
            )
        }
    }

    /// Records success, if `token` still holds the lease.
    func complete(_ job: LeasedJob, token: String) async throws {
        let now = clock.nowForStorage()
        try await database.transaction { sql in
            try await sql.raw(
                """
                UPDATE jobs SET state = 'succeeded', finished_at = \(bind: now), updated_at = \(bind: now),
                    lease_token = NULL, lease_expires_at = NULL
                WHERE id = \(bind: job.id) AND lease_token = \(bind: token)
                """
            ).run()
        }
    }

    /// Records a failed attempt: the job retries after `delay`, or is dead when it was its last attempt
    /// (or the failure is permanent). Returns the state it moved to.
    @discardableResult
    func fail(_ job: LeasedJob, token: String, error: String, retryAfter delay: Duration?) async throws -> JobState {
        let now = clock.nowForStorage()
        let state: JobState = (delay == nil || job.attempt >= job.maxAttempts) ? .dead : .retrying
        let runAt = now.addingTimeInterval((delay ?? .zero).seconds)
        try await database.transaction { sql in
            try await sql.raw(
                """
                UPDATE jobs SET state = \(bind: state.rawValue), run_at = \(bind: runAt), last_error = \(bind: String(error.prefix(2_000))),
                    finished_at = \(bind: state == .dead ? now : nil), updated_at = \(bind: now), lease_token = NULL, lease_expires_at = NULL
                WHERE id = \(bind: job.id) AND lease_token = \(bind: token)
                """
            ).run()
        }
        return state
    }

    /// Puts an interrupted job back in the queue as if this attempt never started (a worker shutting down).
    func release(_ job: LeasedJob, token: String) async throws {
        let now = clock.nowForStorage()
        try await database.transaction { sql in
            try await sql.raw(
                """
                UPDATE jobs SET state = CASE WHEN attempts > 1 THEN 'retrying' ELSE 'queued' END, attempts = attempts - 1,
                    run_at = \(bind: now), updated_at = \(bind: now), lease_token = NULL, lease_expires_at = NULL
                WHERE id = \(bind: job.id) AND lease_token = \(bind: token)
                """
            ).run()
        }
    }

    /// When the next waiting job of `queues` becomes due, if any waits.
    func nextRunTime(queues: [String]) async throws -> Date? {
        try await database.read { sql in
            try await sql.raw(
                """
                SELECT MIN(run_at) AS next FROM jobs
                WHERE state IN ('queued', 'retrying') AND queue IN (\(binds: queues))
                """
            ).first()?.decode(column: "next", as: Date?.self)
        }
    }
}

extension Duration {
    /// The duration in seconds, as `TimeInterval`.
    var seconds: TimeInterval {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
