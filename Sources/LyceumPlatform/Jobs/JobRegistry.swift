import Foundation
import Logging
import LyceumCore
import Synchronization

/// What a running job knows about itself.
public struct JobContext: Sendable {
    /// The job's id.
    public let id: String
    /// Its unique key: use it to make the job's effect happen once even when the job runs twice
    /// (a worker that died after the effect but before recording success).
    public let uniqueKey: String
    /// Which try this is, starting at 1.
    public let attempt: Int
    /// A logger carrying the job's id and name.
    public let logger: Logger
}

/// A job that cannot succeed however often it is tried (its payload no longer decodes, the thing it
/// refers to is gone): it goes straight to `dead` instead of retrying.
public struct PermanentJobFailure: Error, CustomStringConvertible {
    /// Why, for the admin page.
    public let description: String

    /// Creates the failure.
    public init(_ description: String) {
        self.description = description
    }
}

/// Every kind of job the application runs, the subscribers of each domain event, and the recurring jobs.
/// Modules fill it at start-up through `LyceumModule.registerJobs`; it is read-only afterwards.
public final class JobRegistry: Sendable {
    /// One registered kind of job.
    struct Handler: Sendable {
        let name: String
        let queue: String
        let retry: RetryPolicy
        let run: @Sendable (Data, JobContext) async throws -> Void
    }

    /// A subscriber of one event: the job name its runs are enqueued under.
    struct Subscription: Sendable {
        let jobName: String
        let queue: String
    }

    /// A job enqueued on a schedule.
    struct Recurring: Sendable {
        let name: String
        let schedule: CronSchedule
        let jobName: String
        let payload: Data
        let queue: String
    }

    private struct State {
        var handlers: [String: Handler] = [:]
        var subscriptions: [String: [Subscription]] = [:]
        var recurring: [Recurring] = []
    }

    private let state = Mutex(State())

    /// Creates an empty registry.
    public init() {}

    /// Registers the handler of jobs with payload `Payload`.
    /// - Parameters:
    ///   - queue: the queue its jobs go to unless `JobOptions` says otherwise.
    ///   - retry: how often and how far apart failed jobs are tried again.
    public func register<Payload: JobPayload>(
        _ payload: Payload.Type, queue: String = "default", retry: RetryPolicy = RetryPolicy(),
        handler: @escaping @Sendable (Payload, JobContext) async throws -> Void
    ) {
        add(Handler(name: Payload.jobName, queue: queue, retry: retry) { data, context in
            try await handler(try Self.decode(Payload.self, from: data), context)
        })
    }

    /// Subscribes a handler to `Event`: every event published from now on becomes one job named
    /// `event:<subscriber>`, run with the same retries as any other job.
    /// - Parameter subscriber: a stable name for this subscription ("identity.certificate-mail").
    public func subscribe<Event: DomainEvent>(
        _ event: Event.Type, as subscriber: String, queue: String = "events", retry: RetryPolicy = RetryPolicy(),
        handler: @escaping @Sendable (Event, JobContext) async throws -> Void
    ) {
        let jobName = "event:\(subscriber)"
        add(Handler(name: jobName, queue: queue, retry: retry) { data, context in
            try await handler(try Self.decode(Event.self, from: data), context)
        })
        state.withLock { $0.subscriptions[Event.eventName, default: []].append(Subscription(jobName: jobName, queue: queue)) }
    }

    /// Enqueues `payload` at every time `schedule` matches, once per time across all replicas.
    /// - Parameter name: a stable name for the schedule; with the time it forms the job's unique key.
    public func schedule<Payload: JobPayload>(_ name: String, _ schedule: CronSchedule, payload: Payload) throws {
        guard let handler = handler(named: Payload.jobName) else {
            preconditionFailure("Register \(Payload.jobName) before scheduling it")
        }
        let data = try JSONEncoder().encode(payload)
        state.withLock {
            $0.recurring.append(Recurring(name: name, schedule: schedule, jobName: Payload.jobName, payload: data, queue: handler.queue))
        }
    }

    func handler(named name: String) -> Handler? {
        state.withLock { $0.handlers[name] }
    }

    func subscriptions(to eventName: String) -> [Subscription] {
        state.withLock { $0.subscriptions[eventName] ?? [] }
    }

    var recurring: [Recurring] {
        state.withLock { $0.recurring }
    }

    /// Every queue some handler uses, sorted.
    public var queues: [String] {
        state.withLock { Set($0.handlers.values.map(\.queue)).sorted() }
    }

    private func add(_ handler: Handler) {
        state.withLock { state in
            precondition(state.handlers[handler.name] == nil, "Two handlers for the job \(handler.name)")
            state.handlers[handler.name] = handler
        }
    }

    private static func decode<Value: Decodable>(_ type: Value.Type, from data: Data) throws -> Value {
        do {
            return try JSONDecoder().decode(Value.self, from: data)
        } catch {
            throw PermanentJobFailure("The payload does not decode as \(Value.self): \(error)")
        }
    }
}
