import Foundation
import Logging
import LyceumCore
import SQLKit

/// Deletes succeeded and cancelled jobs once they are older than the retention (their unique keys stop
/// deduplicating then). Scheduled hourly by `registerPlatformJobs`.
public struct PruneFinishedJobs: JobPayload {
    public static let jobName = "platform.prune-finished-jobs"
    /// How long finished jobs are kept, in hours.
    public let retentionHours: Int
}

/// Sends one email; the mailer keys the message by the job's unique key, so a job that runs twice
/// sends once where the mailer can tell (the embedded outbox always can).
public struct SendMail: JobPayload {
    public static let jobName = "platform.send-mail"
    /// The message to send.
    public let message: MailMessage

    /// Creates the job for `message`.
    public init(_ message: MailMessage) {
        self.message = message
    }
}

/// A diagnostic job (`lyceum jobs probe`): records that a worker ran it, holds its lease for a while, and
/// records when it finished, so an operator can see that workers take jobs, and a crash drill can kill a
/// worker in the middle of one. Each run counts in `job_probes.runs`; the row exists once per job.
public struct ProbeJob: JobPayload {
    public static let jobName = "platform.probe"
    /// How long the job holds its worker, in milliseconds.
    public let holdMilliseconds: Int

    /// Creates a probe that holds its worker for `holdMilliseconds`.
    public init(holdMilliseconds: Int) {
        self.holdMilliseconds = holdMilliseconds
    }
}

extension JobRegistry {
    /// Registers the platform's own jobs: mail delivery on the `mail` queue, the probe, and the hourly
    /// pruning of finished jobs (and of the SMTP mailer's delivery records) older than `retention`.
    /// - Parameter mailRetry: how `SendMail` jobs retry (4xx replies, connection errors); 5xx replies are dead at once.
    public func registerPlatformJobs(
        queue: JobQueue, mailer: any Mailer, retention: Duration = .seconds(7 * 86_400),
        mailRetry: RetryPolicy = RetryPolicy(maxAttempts: 10, baseDelay: .seconds(10))
    ) throws {
        register(SendMail.self, queue: "mail", retry: mailRetry) { job, context in
            var message = job.message
            message.idempotencyKey = context.uniqueKey
            try await mailer.send(message, logger: context.logger)
        }
        register(PruneFinishedJobs.self, queue: "maintenance") { job, context in
            let cutoff = queue.clock.now().addingTimeInterval(-Double(job.retentionHours) * 3_600)
            let deleted = try await queue.prune(finishedBefore: cutoff)
            try await MailDeliveryLog.prune(olderThan: cutoff, on: queue.database)
            context.logger.info("Pruned finished jobs", metadata: ["deleted": "\(deleted)"])
        }
        register(ProbeJob.self, retry: RetryPolicy(maxAttempts: 5, baseDelay: .seconds(1))) { job, context in
            let started = queue.clock.nowForStorage()
            try await queue.database.transaction { sql in
                try await sql.raw(
                    """
                    INSERT INTO job_probes (job_key, runs, first_started_at) VALUES (\(bind: context.uniqueKey), 1, \(bind: started))
                    ON CONFLICT (job_key) DO UPDATE SET runs = job_probes.runs + 1
                    """
                ).run()
            }
            try await Task.sleep(for: .milliseconds(job.holdMilliseconds))
            let finished = queue.clock.nowForStorage()
            try await queue.database.transaction { sql in
                try await sql.raw("UPDATE job_probes SET finished_at = \(bind: finished) WHERE job_key = \(bind: context.uniqueKey)").run()
            }
        }
        try schedule(
            "prune-finished-jobs", try CronSchedule("17 * * * *"),
            payload: PruneFinishedJobs(retentionHours: Int(retention.components.seconds / 3_600))
        )
    }
}
