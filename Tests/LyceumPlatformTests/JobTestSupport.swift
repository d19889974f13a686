import Foundation
import Logging
@testable import LyceumPlatform
import LyceumTestSupport
import ServiceLifecycle
import Synchronization

/// A payload for queue tests: `label` tells handlers what to do.
struct TestJob: JobPayload {
    static let jobName = "test.job"
    let label: String
}

/// Counts how often each label ran, and when.
final class RunLog: Sendable {
    private let runs = Mutex<[String: [Date]]>([:])

    func record(_ label: String) {
        runs.withLock { $0[label, default: []].append(Date()) }
    }

    func count(_ label: String) -> Int { runs.withLock { $0[label]?.count ?? 0 } }
    func times(_ label: String) -> [Date] { runs.withLock { $0[label] ?? [] } }
    var all: [String: Int] { runs.withLock { $0.mapValues(\.count) } }
}

enum JobTesting {
    /// The platform's migrations (the jobs table among them).
    static var migrations: [Migration] { PlatformMigrations.all }

    /// The hub workers hear `NOTIFY` on, when the database is PostgreSQL.
    static func pubSub(for database: any Database) -> (any PubSub)? {
        (database as? PostgresDatabase).map { PostgresPubSub(database: $0, logger: TestDatabases.logger) }
    }

    /// Runs `services` in a service group while `body` works, then shuts them down gracefully.
    static func running<Result: Sendable>(_ services: [any Service], _ body: () async throws -> Result) async throws -> Result {
        let group = ServiceGroup(configuration: .init(services: services.map { .init(service: $0) }, logger: TestDatabases.logger))
        return try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            do {
                let result = try await body()
                await group.triggerGracefulShutdown()
                try await tasks.waitForAll()
                return result
            } catch {
                await group.triggerGracefulShutdown()
                try? await tasks.waitForAll()
                throw error
            }
        }
    }

    /// Waits until `condition` holds, checking every 20 ms; fails the wait after `timeout`.
    static func eventually(timeout: Duration = .seconds(15), _ condition: () async throws -> Bool) async throws -> Bool {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if try await condition() { return true }
            try await Task.sleep(for: .milliseconds(20))
        }
        return try await condition()
    }

    static func worker(
        _ queue: JobQueue, concurrency: Int = 4, lease: Duration = .seconds(5), poll: Duration = .seconds(10),
        drain: Duration = .seconds(5)
    ) -> JobWorker {
        JobWorker(
            queue: queue, pubSub: pubSub(for: queue.database),
            configuration: JobWorkerConfiguration(concurrency: concurrency, leaseDuration: lease, pollInterval: poll, drainTime: drain),
            logger: TestDatabases.logger
        )
    }
}
