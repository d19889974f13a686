import ArgumentParser
import Foundation
import LyceumApp
import LyceumCore
import LyceumPlatform

/// `lyceum jobs ...`: inspect and steer the job queue.
struct JobsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "jobs",
        abstract: "List, retry and cancel background jobs.",
        subcommands: [ListJobs.self, RetryJob.self, CancelJob.self, ProbeJobs.self]
    )
}

/// `lyceum jobs list`.
struct ListJobs: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "Show queue depths, then the most recently changed jobs."
    )

    @OptionGroup var common: CommonOptions

    @Option(help: "Only jobs in this state: queued, running, retrying, succeeded, dead or cancelled.")
    var state: String?

    @Option(help: "Only jobs of this queue.")
    var queue: String?

    @Option(help: "How many jobs to show.")
    var limit = 20

    func validate() throws {
        if let state, JobState(rawValue: state) == nil {
            throw ValidationError("--state must be one of \(JobState.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
        guard (1...1_000).contains(limit) else { throw ValidationError("--limit must be from 1 to 1000.") }
    }

    func run() async throws {
        try await CommandRunner.run(flags: common.flags) { configuration, logger in
            try await CommandRunner.withServices(configuration: configuration, logger: logger) { services in
                try await services.migrator.migrate()
                let summaries = try await services.jobs.summary()
                print("QUEUE        DUE  SCHEDULED  RUNNING  RETRYING  DEAD  SUCCEEDED  CANCELLED")
                for summary in summaries {
                    print(
                        [summary.queue.padding(12), "\(summary.due)".padding(4), "\(summary.scheduled)".padding(10),
                         "\(summary.running)".padding(8), "\(summary.retrying)".padding(9), "\(summary.dead)".padding(5),
                         "\(summary.succeeded)".padding(10), "\(summary.cancelled)"].joined(separator: " ")
                    )
                }
                let jobs = try await services.jobs.list(state: state.flatMap(JobState.init(rawValue:)), queue: queue, limit: limit)
                print("")
                print("ID                                    STATE      ATTEMPTS  QUEUE        NAME")
                for job in jobs {
                    print(
                        [job.id.padding(37), job.state.rawValue.padding(10), "\(job.attempts)/\(job.maxAttempts)".padding(9),
                         job.queue.padding(12), job.name].joined(separator: " ")
                    )
                    if let error = job.lastError, job.state != .succeeded {
                        print("    last error: \(error.prefix(200))")
                    }
                }
            }
        }
    }
}

/// `lyceum jobs retry ID`.
struct RetryJob: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "retry", abstract: "Run a dead, retrying or cancelled job again now, with a fresh set of attempts."
    )

    @OptionGroup var common: CommonOptions

    @Argument(help: "The job's id (from `lyceum jobs list`).")
    var id: String

    func run() async throws {
        try await JobChangeCommand.change(id: id, common: common, outcome: "is queued again") { try await $0.retry(id: $1) }
    }
}

/// `lyceum jobs cancel ID`.
struct CancelJob: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cancel", abstract: "Stop a queued, retrying or dead job from running again."
    )

    @OptionGroup var common: CommonOptions

    @Argument(help: "The job's id (from `lyceum jobs list`).")
    var id: String

    func run() async throws {
        try await JobChangeCommand.change(id: id, common: common, outcome: "is cancelled") { try await $0.cancel(id: $1) }
    }
}

/// `lyceum jobs probe`.
struct ProbeJobs: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "probe",
        abstract: "Enqueue a probe job and wait until a worker has run it.",
        discussion: "Checks that this deployment's workers take jobs. Prints the job's id first."
    )

    @OptionGroup var common: CommonOptions

    @Option(help: "How long the probe holds its worker, in seconds.")
    var hold = 0.0

    @Option(help: "How long to wait for a worker, in seconds; 0 returns at once.")
    var wait = 60.0

    func run() async throws {
        try await CommandRunner.run(flags: common.flags) { configuration, logger in
            try await CommandRunner.withServices(configuration: configuration, logger: logger) { services in
                try await services.migrator.migrate()
                guard let id = try await services.jobs.enqueue(ProbeJob(holdMilliseconds: Int(hold * 1_000))) else { return }
                print(id)
                let started = ContinuousClock.now
                let deadline = started + .milliseconds(Int64(wait * 1_000))
                guard wait > 0 else { return }
                while ContinuousClock.now < deadline {
                    if let job = try await services.jobs.job(id: id), job.state == .succeeded {
                        print("A worker ran the probe in \(ContinuousClock.now - started) (attempts: \(job.attempts)).")
                        return
                    }
                    try await Task.sleep(for: .milliseconds(100))
                }
                throw CommandFailure("No worker ran the probe within \(wait) seconds; check that a process runs with the worker role.")
            }
        }
    }
}

/// Runs one change of one job from the console, with the queue's errors as sentences.
enum JobChangeCommand {
    static func change(
        id: String, common: CommonOptions, outcome: String,
        _ change: @escaping @Sendable (JobQueue, String) async throws -> JobRecord
    ) async throws {
        try await CommandRunner.run(flags: common.flags) { configuration, logger in
            try await CommandRunner.withServices(configuration: configuration, logger: logger) { services in
                try await services.migrator.migrate()
                do {
                    let job = try await change(services.jobs, id)
                    print("Job \(job.id) (\(job.name)) \(outcome).")
                } catch let error as AppError {
                    throw CommandFailure(error.status == 404 ? "There is no job with that id." : error.message)
                }
            }
        }
    }
}

extension String {
    fileprivate func padding(_ width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
