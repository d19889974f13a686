import Foundation
import LyceumCore
import Logging
import ServiceLifecycle
import Synchronization

/// How a worker takes and runs jobs.
public struct JobWorkerConfiguration: Sendable {
    /// The queues to serve; `nil` serves every queue a handler uses.
    public var queues: [String]?
    /// Jobs run at the same time.
    public var concurrency: Int
    /// How long a lease lasts unless renewed; a worker renews it every third of this while a job runs, so a
    /// crashed worker's jobs run again this long after it stopped renewing.
    public var leaseDuration: Duration
    /// The longest a worker waits before looking for due jobs when nothing woke it.
    public var pollInterval: Duration
    /// On shutdown, how long running jobs may take to finish before they are interrupted and put back.
    public var drainTime: Duration

    /// Creates a configuration.
    public init(
        queues: [String]? = nil, concurrency: Int = 4, leaseDuration: Duration = .seconds(30), pollInterval: Duration = .seconds(5),
        drainTime: Duration = .seconds(20)
    ) {
        self.queues = queues
        self.concurrency = max(1, concurrency)
        self.leaseDuration = leaseDuration
        self.pollInterval = pollInterval
        self.drainTime = drainTime
    }
}

/// Leases due jobs and runs them, as a service of the application's service group.
///
/// It wakes when a job is enqueued (in this process on SQLite; through `LISTEN` on PostgreSQL, from any
/// replica), when a delayed job becomes due, and at least every `pollInterval` (to pick up the jobs of a
/// crashed worker). On graceful shutdown it stops taking jobs, lets running ones finish within
/// `drainTime`, then interrupts the rest and puts them back in the queue.
public final class JobWorker: Service {
    private let queue: JobQueue
    private let pubSub: (any PubSub)?
    private let configuration: JobWorkerConfiguration
    private let logger: Logger
    private let wake = WakeSignal()
    private let stopping = Atomic(false)
    private let running = Mutex(RunningJobs())
    /// Identifies this worker's leases; a job whose lease another worker took over is no longer this one's.
    private let token = UUID().uuidString.lowercased()

    /// Creates a worker.
    /// - Parameter pubSub: on PostgreSQL, the hub whose `NOTIFY`s announce jobs enqueued by any replica.
    public init(queue: JobQueue, pubSub: (any PubSub)?, configuration: JobWorkerConfiguration = JobWorkerConfiguration(), logger: Logger) {
        self.queue = queue
        self.pubSub = pubSub
        self.configuration = configuration
        var logger = logger
        logger[metadataKey: "worker"] = "\(token.prefix(8))"
        self.logger = logger
    }

    public func run() async throws {
        let queues = configuration.queues ?? queue.registry.queues
        guard !queues.isEmpty else { return }
        queue.setLocalWorker(wake, listening: true)
        defer { queue.setLocalWorker(wake, listening: false) }
        let listensForNotifications = queue.database.engine == .postgres
        let notifications = Task { [wake, pubSub] in
            guard let pubSub, listensForNotifications else { return }
            for await _ in pubSub.subscribe(to: JobQueue.notifyChannel) { wake.signal() }
        }
        let heartbeat = Task { await renewLeases() }
        defer {
            notifications.cancel()
            heartbeat.cancel()
        }
        logger.info("Job worker started", metadata: ["queues": "\(queues.joined(separator: ","))", "concurrency": "\(configuration.concurrency)"])
        await withGracefulShutdownHandler {
            await takeJobs(from: queues)
            await drain()
        } onGracefulShutdown: {
            self.stopping.store(true, ordering: .relaxed)
            self.wake.signal()
        }
        logger.info("Job worker stopped")
    }

    private func takeJobs(from queues: [String]) async {
        var failures = 0
        while !stopping.load(ordering: .relaxed), !Task.isCancelled {
            let free = configuration.concurrency - running.withLock(\.count)
            var timeout = configuration.pollInterval
            if free > 0 {
                do {
                    let jobs = try await queue.claim(queues: queues, limit: free, token: token, leaseDuration: configuration.leaseDuration)
                    failures = 0
                    for job in jobs { start(job) }
                    if jobs.count == free { continue }
                    if let next = try await queue.nextRunTime(queues: queues) {
                        let untilDue = Duration.milliseconds(Int64(max(0, next.timeIntervalSince(queue.clock.now())) * 1_000) + 1)
                        timeout = min(timeout, untilDue)
                    }
                } catch {
                    failures += 1
                    logger.warning("Could not take jobs", metadata: ["error": "\(error)"])
                    timeout = min(configuration.pollInterval, .milliseconds(100 << min(failures, 6)))
                }
            }
            await wake.wait(timeout: timeout)
        }
    }

    private func start(_ job: LeasedJob) {
        var jobLogger = logger
        jobLogger[metadataKey: "job.id"] = "\(job.id)"
        jobLogger[metadataKey: "job.name"] = "\(job.name)"
        jobLogger[metadataKey: "job.attempt"] = "\(job.attempt)"
        let context = JobContext(id: job.id, uniqueKey: job.uniqueKey, attempt: job.attempt, logger: jobLogger)
        let handler = queue.registry.handler(named: job.name)
        let task = Task {
                let started = ContinuousClock.now
                let outcome: Outcome
                do {
                    guard let handler else { throw MissingHandler(name: job.name) }
                    try await handler.run(job.payload, context)
                    outcome = .succeeded
                } catch let failure as PermanentJobFailure {
                    outcome = .failed(failure.description, retryAfter: nil)
                } catch where Task.isCancelled {
                    outcome = .interrupted
                } catch {
                    let retry = handler?.retry ?? RetryPolicy()
                    outcome = .failed(String(describing: error), retryAfter: retry.delay(afterAttempt: job.attempt))
                }
                // Recorded in a task of its own, which an interruption does not cancel.
                let elapsed = ContinuousClock.now - started
                await Task { [jobLogger] in await self.record(outcome, of: job, after: elapsed, logger: jobLogger) }.value
                self.running.withLock { $0.finish(job.id) }
                self.wake.signal()
            }
        running.withLock { $0.add(task, for: job.id, attempt: job.attempt) }
    }

    /// The tasks of running jobs by job id, with the attempt each runs. A task may finish before it is
    /// added; it is then not added.
    private struct RunningJobs {
        var tasks: [String: (attempt: Int, task: Task<Void, Never>)] = [:]
        var finishedBeforeAdded: Set<String> = []

        var count: Int { tasks.count }
        var isEmpty: Bool { tasks.isEmpty }

        mutating func add(_ task: Task<Void, Never>, for id: String, attempt: Int) {
            if finishedBeforeAdded.remove(id) == nil { tasks[id] = (attempt, task) }
        }

        mutating func finish(_ id: String) {
            if tasks.removeValue(forKey: id) == nil { finishedBeforeAdded.insert(id) }
        }
    }

    private enum Outcome: Sendable {
        case succeeded
        case failed(String, retryAfter: Duration?)
        case interrupted
    }

    private struct MissingHandler: Error, CustomStringConvertible {
        let name: String
        var description: String { "No handler for \(name) in this version of Lyceum." }
    }

    private func record(_ outcome: Outcome, of job: LeasedJob, after elapsed: Duration, logger: Logger) async {
        do {
            switch outcome {
            case .succeeded:
                try await queue.complete(job, token: token)
                logger.debug("Job succeeded", metadata: ["duration_ms": "\(elapsed.seconds * 1_000)"])
            case .failed(let error, let retryAfter):
                let state = try await queue.fail(job, token: token, error: error, retryAfter: retryAfter)
                if state == .dead {
                    logger.error("Job failed on its last attempt", metadata: ["error": "\(error)"])
                } else {
                    logger.warning("Job failed; it will be tried again", metadata: ["error": "\(error)", "retry_in_s": "\(retryAfter?.seconds ?? 0)"])
                }
            case .interrupted:
                try await queue.release(job, token: token)
                logger.notice("Job interrupted and put back in the queue")
            }
        } catch {
            // The lease runs out and another worker takes the job again.
            logger.error("Could not record a job's outcome", metadata: ["error": "\(error)"])
        }
    }

    /// Renews the leases of running jobs every third of the lease; a job whose lease was lost (this worker
    /// stalled longer than the lease and another took it over) is interrupted.
    private func renewLeases() async {
        let interval = configuration.leaseDuration / 3
        while !Task.isCancelled {
            try? await Task.sleep(for: interval)
            let attempts = running.withLock { $0.tasks.mapValues(\.attempt) }
            guard !attempts.isEmpty else { continue }
            do {
                let held = try await queue.renewLeases(ids: Array(attempts.keys), token: token, leaseDuration: configuration.leaseDuration)
                for (id, attempt) in attempts where !held.contains(id) {
                    // The attempt that was running may have finished meanwhile, and the next one started under
                    // the same id: only the attempt whose lease was renewed in vain is interrupted.
                    guard let lost = running.withLock({ $0.tasks[id] }), lost.attempt == attempt else { continue }
                    logger.warning("Lost the lease of a running job; interrupting it", metadata: ["job.id": "\(id)"])
                    lost.task.cancel()
                }
            } catch {
                logger.warning("Could not renew job leases", metadata: ["error": "\(error)"])
            }
        }
    }

    /// Waits up to `drainTime` for running jobs, then interrupts the rest and waits for them to be put back.
    private func drain() async {
        let deadline = ContinuousClock.now + configuration.drainTime
        while !running.withLock(\.isEmpty), ContinuousClock.now < deadline, !Task.isCancelled {
            await wake.wait(timeout: deadline - ContinuousClock.now)
        }
        let interrupted = running.withLock { $0.tasks.values.map(\.task) }
        guard !interrupted.isEmpty else { return }
        logger.notice("Interrupting jobs still running after the drain time", metadata: ["count": "\(interrupted.count)"])
        for task in interrupted { task.cancel() }
        for task in interrupted { await task.value }
    }
}
