import Foundation
import Logging
import LyceumCore
import SQLKit
import Synchronization

/// The durable job queue: jobs and domain events enqueued inside the caller's transaction, so a job
/// exists if and only if the change that caused it committed.
///
/// The `jobs` table is the outbox: publishing an event writes one job per subscriber in the same
/// transaction; `JobWorker`s lease and run them.
public final class JobQueue: Sendable {
    /// The database the jobs live in.
    public let database: any Database
    /// The kinds of job and the event subscribers.
    public let registry: JobRegistry
    let clock: WallClock
    /// The wake signals of this process's workers, told that a job may be due (on SQLite, where every
    /// writer is in this process).
    private let localWorkers = Mutex<[ObjectIdentifier: WakeSignal]>([:])
    /// The `NOTIFY` channel that tells workers on every replica (PostgreSQL) that a job may be due.
    static let notifyChannel = "lyceum_jobs"

    /// Creates the queue.
    public init(database: any Database, registry: JobRegistry, clock: WallClock = .system) {
        self.database = database
        self.registry = registry
        self.clock = clock
    }

    /// Enqueues `payload` as part of the transaction `sql`. Returns the job's id, or `nil` when a job with
    /// the same unique key is already kept (the enqueue did nothing).
    @discardableResult
    public func enqueue<Payload: JobPayload>(_ payload: Payload, options: JobOptions? = nil, on sql: any SQLDatabase) async throws -> String? {
        guard let handler = registry.handler(named: Payload.jobName) else {
            preconditionFailure("No handler is registered for the job \(Payload.jobName)")
        }
        return try await insert(
            name: Payload.jobName, payload: try JSONEncoder().encode(payload), queue: options?.queue ?? handler.queue,
            options: options ?? JobOptions(), maxAttempts: handler.retry.maxAttempts, on: sql
        )
    }

    /// Enqueues `payload` in a transaction of its own.
    @discardableResult
    public func enqueue<Payload: JobPayload>(_ payload: Payload, options: JobOptions? = nil) async throws -> String? {
        try await database.transaction { sql in try await self.enqueue(payload, options: options, on: sql) }
    }

    /// Publishes `event` as part of the transaction `sql`: one job per subscriber, each keyed by the event's
    /// id so a retried publish never runs a subscriber twice.
    /// - Parameter id: the event's identity; defaults to a fresh one.
    public func publish<Event: DomainEvent>(_ event: Event, id: String = UUID().uuidString.lowercased(), on sql: any SQLDatabase) async throws {
        let subscriptions = registry.subscriptions(to: Event.eventName)
        guard !subscriptions.isEmpty else { return }
        let payload = try JSONEncoder().encode(event)
        for subscription in subscriptions {
            guard let handler = registry.handler(named: subscription.jobName) else { continue }
            try await insert(
                name: subscription.jobName, payload: payload, queue: subscription.queue,
                options: JobOptions(uniqueKey: "\(subscription.jobName):\(id)"), maxAttempts: handler.retry.maxAttempts, on: sql
            )
        }
    }

    @discardableResult
    func insert(name: String, payload: Data, queue: String, options: JobOptions, maxAttempts: Int, on sql: any SQLDatabase) async throws -> String? {
        let id = UUID().uuidString.lowercased()
        let now = clock.nowForStorage()
        let runAt = options.runAt ?? now
        let inserted = try await sql.raw(
            """
            INSERT INTO jobs (id, unique_key, queue, name, payload, priority, state, attempts, max_attempts, run_at, created_at, updated_at)
            VALUES (\(bind: id), \(bind: options.uniqueKey ?? id), \(bind: queue), \(bind: name), \(bind: String(decoding: payload, as: UTF8.self)),
                    \(bind: options.priority), 'queued', 0, \(bind: maxAttempts), \(bind: runAt), \(bind: now), \(bind: now))
            ON CONFLICT (unique_key) DO NOTHING
            RETURNING id
            """
        ).first()
        guard inserted != nil else { return nil }
        try await announce(queue: queue, on: sql)
        return id
    }

    /// Tells workers a job of `queue` may be due once `sql`'s transaction commits.
    func announce(queue: String, on sql: any SQLDatabase) async throws {
        if database.engine == .postgres {
            // Delivered when the transaction commits, and only then, to every replica's workers.
            try await sql.raw("SELECT pg_notify(\(bind: Self.notifyChannel), \(bind: queue))").run()
        } else {
            // A worker's claim waits behind this transaction on the single writer, so it sees the job.
            for worker in localWorkers.withLock({ Array($0.values) }) { worker.signal() }
        }
    }

    /// Adds or removes a worker of this process to wake when a job is enqueued here.
    func setLocalWorker(_ signal: WakeSignal, listening: Bool) {
        localWorkers.withLock { $0[ObjectIdentifier(signal)] = listening ? signal : nil }
    }
}
