import Foundation
import LyceumCore
import Logging
import ServiceLifecycle

/// Enqueues every recurring job for its next scheduled time, once per time however many replicas run a
/// scheduler: the job's unique key is the schedule's name and the time, so the second replica's enqueue
/// does nothing. The job carries its time as run-at, so workers run it when it is due.
public struct RecurringJobScheduler: Service {
    private let queue: JobQueue
    private let logger: Logger

    /// Creates the scheduler for the registry's recurring jobs.
    public init(queue: JobQueue, logger: Logger) {
        self.queue = queue
        self.logger = logger
    }

    public func run() async throws {
        let recurring = queue.registry.recurring
        guard !recurring.isEmpty else { return }
        await cancelWhenGracefulShutdown {
            var after = self.queue.clock.now()
            while !Task.isCancelled {
                var earliest: Date?
                for job in recurring {
                    guard let time = job.schedule.next(after: after) else { continue }
                    earliest = min(earliest ?? time, time)
                    await self.enqueue(job, at: time)
                }
                guard let earliest else { return }
                // Wake when the earliest enqueued time has come, and enqueue the time after it.
                let wait = max(0, earliest.timeIntervalSince(self.queue.clock.now()))
                do {
                    try await Task.sleep(for: .milliseconds(Int64(wait * 1_000)))
                } catch {
                    return
                }
                after = earliest
            }
        }
    }

    private func enqueue(_ job: JobRegistry.Recurring, at time: Date) async {
        guard let handler = queue.registry.handler(named: job.jobName) else { return }
        let key = "recurring:\(job.name):\(Int64(time.timeIntervalSince1970))"
        do {
            _ = try await queue.database.transaction { sql in
                try await self.queue.insert(
                    name: job.jobName, payload: job.payload, queue: job.queue,
                    options: JobOptions(runAt: time, uniqueKey: key), maxAttempts: handler.retry.maxAttempts, on: sql
                )
            }
        } catch {
            logger.warning("Could not enqueue a recurring job", metadata: ["schedule": "\(job.name)", "error": "\(error)"])
        }
    }
}
