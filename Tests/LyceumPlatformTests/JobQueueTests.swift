import Foundation
import LyceumCore
@testable import LyceumPlatform
import LyceumTestSupport
import SQLKit
import Synchronization
import Testing

@Suite("Job queue")
struct JobQueueTests {
    struct Abort: Error {}

    @Test("a job exists if and only if the transaction that enqueued it committed", arguments: TestEngine.available)
    func transactional(engine: TestEngine) async throws {
        try await TestDatabases.withDatabase(engine, migrations: JobTesting.migrations) { database in
            let registry = JobRegistry()
            registry.register(TestJob.self) { _, _ in }
            let queue = JobQueue(database: database, registry: registry)
            await #expect(throws: Abort.self) {
                try await database.transaction { sql in
                    try await queue.enqueue(TestJob(label: "rolled back"), on: sql)
                    throw Abort()
                }
            }
            #expect(try await queue.list().isEmpty)
            let id = try await database.transaction { sql in try await queue.enqueue(TestJob(label: "kept"), on: sql) }
            let jobs = try await queue.list()
            #expect(jobs.map(\.id) == [try #require(id)])
            #expect(jobs.first?.state == .queued)
            #expect(jobs.first?.name == "test.job")
        }
    }

    @Test("a unique key makes a second enqueue do nothing", arguments: TestEngine.available)
    func uniqueKeys(engine: TestEngine) async throws {
        try await TestDatabases.withDatabase(engine, migrations: JobTesting.migrations) { database in
            let registry = JobRegistry()
            registry.register(TestJob.self) { _, _ in }
            let queue = JobQueue(database: database, registry: registry)
            let first = try await queue.enqueue(TestJob(label: "a"), options: JobOptions(uniqueKey: "receipt-42"))
            let second = try await queue.enqueue(TestJob(label: "b"), options: JobOptions(uniqueKey: "receipt-42"))
            #expect(first != nil)
            #expect(second == nil)
            #expect(try await queue.list().count == 1)
        }
    }

    @Test("workers run due jobs by priority and record success", arguments: TestEngine.available)
    func runsJobs(engine: TestEngine) async throws {
        try await TestDatabases.withDatabase(engine, migrations: JobTesting.migrations) { database in
            let log = RunLog()
            let order = OrderLog()
            let registry = JobRegistry()
            registry.register(TestJob.self) { job, _ in
                log.record(job.label)
                order.append(job.label)
            }
            let queue = JobQueue(database: database, registry: registry)
            try await queue.enqueue(TestJob(label: "low"), options: JobOptions(priority: 0))
            try await queue.enqueue(TestJob(label: "high"), options: JobOptions(priority: 10))
            try await JobTesting.running([JobTesting.worker(queue, concurrency: 1)]) {
                #expect(try await JobTesting.eventually { try await queue.list(state: .succeeded).count == 2 })
                // Enqueued while the worker waits: the enqueue wakes it (no poll within the test's time).
                try await queue.enqueue(TestJob(label: "later"))
                #expect(try await JobTesting.eventually(timeout: .seconds(3)) { log.count("later") == 1 })
            }
            #expect(order.labels.prefix(2) == ["high", "low"])
            #expect(try await queue.list(state: .succeeded).allSatisfy { $0.attempts == 1 && $0.finishedAt != nil })
        }
    }

    @Test("a failing job retries with backoff, then is dead; retry runs it again", arguments: TestEngine.available)
    func retriesThenDead(engine: TestEngine) async throws {
        struct Flaky: Error {}
        try await TestDatabases.withDatabase(engine, migrations: JobTesting.migrations) { database in
            let log = RunLog()
            let healed = Flag()
            let registry = JobRegistry()
            registry.register(TestJob.self, retry: RetryPolicy(maxAttempts: 3, baseDelay: .milliseconds(200))) { job, _ in
                log.record(job.label)
                if !healed.isSet { throw Flaky() }
            }
            let queue = JobQueue(database: database, registry: registry)
            let id = try #require(try await queue.enqueue(TestJob(label: "flaky")))
            try await JobTesting.running([JobTesting.worker(queue, poll: .milliseconds(100))]) {
                #expect(try await JobTesting.eventually { try await queue.job(id: id)?.state == .dead })
                let dead = try #require(try await queue.job(id: id))
                #expect(dead.attempts == 3)
                #expect(dead.lastError?.contains("Flaky") == true)
                let times = log.times("flaky")
                try #require(times.count == 3)
                // Backoff: at least half of 200 ms, then of 400 ms, between tries.
                #expect(times[1].timeIntervalSince(times[0]) >= 0.1)
                #expect(times[2].timeIntervalSince(times[1]) >= 0.2)
                healed.set()
                try await queue.retry(id: id)
                #expect(try await JobTesting.eventually { try await queue.job(id: id)?.state == .succeeded })
            }
            #expect(log.count("flaky") == 4)
            let finished = await #expect(throws: AppError.self) { try await queue.retry(id: id) }
            #expect(finished?.status == 409)
            let unknown = await #expect(throws: AppError.self) { try await queue.cancel(id: "no-such-job") }
            #expect(unknown?.status == 404)
        }
    }

    @Test("a payload that no longer decodes is dead at once", arguments: TestEngine.available)
    func undecodable(engine: TestEngine) async throws {
        try await TestDatabases.withDatabase(engine, migrations: JobTesting.migrations) { database in
            let registry = JobRegistry()
            registry.register(TestJob.self) { _, _ in }
            let queue = JobQueue(database: database, registry: registry)
            let id = try #require(
                try await database.transaction { sql in
                    try await queue.insert(name: TestJob.jobName, payload: Data("{}".utf8), queue: "default", options: JobOptions(), maxAttempts: 5, on: sql)
                }
            )
            try await JobTesting.running([JobTesting.worker(queue)]) {
                let finished = try await JobTesting.eventually { try await queue.job(id: id)?.state == .dead }
                #expect(finished)
            }
            #expect(try await queue.job(id: id)?.attempts == 1)
        }
    }

    @Test("cancelled jobs never run", arguments: TestEngine.available)
    func cancel(engine: TestEngine) async throws {
        try await TestDatabases.withDatabase(engine, migrations: JobTesting.migrations) { database in
            let log = RunLog()
            let registry = JobRegistry()
            registry.register(TestJob.self) { job, _ in log.record(job.label) }
            let queue = JobQueue(database: database, registry: registry)
            let id = try #require(try await queue.enqueue(TestJob(label: "cancelled"), options: JobOptions(runAt: Date().addingTimeInterval(0.3))))
            #expect(try await queue.cancel(id: id).state == .cancelled)
            try await queue.enqueue(TestJob(label: "marker"), options: JobOptions(runAt: Date().addingTimeInterval(0.4)))
            try await JobTesting.running([JobTesting.worker(queue)]) {
                let finished = try await JobTesting.eventually { log.count("marker") == 1 }
                #expect(finished)
            }
            #expect(log.count("cancelled") == 0)
        }
    }
}

/// Labels in the order handlers saw them.
final class OrderLog: Sendable {
    private let storage = Mutex<[String]>([])
    func append(_ label: String) { storage.withLock { $0.append(label) } }
    var labels: [String] { storage.withLock { $0 } }
}

/// A flag flipped by the test while handlers run.
final class Flag: Sendable {
    private let storage = Mutex(false)
    func set() { storage.withLock { $0 = true } }
    var isSet: Bool { storage.withLock { $0 } }
}
