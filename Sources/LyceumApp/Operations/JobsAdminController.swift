import Foundation
import Hummingbird
import LyceumCore
import LyceumHTTP
import LyceumPlatform

/// `/api/v1/admin/jobs`: queue depths and jobs, retry and cancel (admins).
struct JobsAdminController: Sendable {
    let admin: JobsAdmin

    var endpoints: RouteCollection<AppRequestContext> {
        let routes = RouteCollection(context: AppRequestContext.self)
        routes.get("", use: list)
        routes.post(":id/retry", use: retry)
        routes.post(":id/cancel", use: cancel)
        return routes
    }

    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let query = request.uri.queryParameters
        var state: JobState?
        if let text = query.get("state"), !text.isEmpty {
            guard let parsed = JobState(rawValue: text) else {
                throw AppError.badRequest("invalid_state", "state must be one of \(JobState.allCases.map(\.rawValue).joined(separator: ", ")).")
            }
            state = parsed
        }
        let limit = try PageLimit.parse(query.get("limit"))
        let queue = query.get("queue").flatMap { $0.isEmpty ? nil : $0 }
        if let queue, queue.count > 100 {
            throw AppError.badRequest("invalid_queue", "queue names are at most 100 characters.")
        }
        let overview = try await admin.overview(principal, state: state, queue: queue, limit: limit)
        return try JSONResponse.encode(JobsOverviewView(overview))
    }

    @Sendable func retry(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let job = try await admin.retry(principal, id: try context.parameters.require("id"))
        return try JSONResponse.encode(JobEnvelope(job: JobView(job)))
    }

    @Sendable func cancel(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let job = try await admin.cancel(principal, id: try context.parameters.require("id"))
        return try JSONResponse.encode(JobEnvelope(job: JobView(job)))
    }
}

/// A job as the API shows it (never its payload).
struct JobView: Encodable {
    let id: String
    let name: String
    let queue: String
    let state: String
    let priority: Int
    let attempts: Int
    let maxAttempts: Int
    let runAt: Date
    let createdAt: Date
    let updatedAt: Date
    let finishedAt: Date?
    let lastError: String?

    init(_ job: JobRecord) {
        id = job.id
        name = job.name
        queue = job.queue
        state = job.state.rawValue
        priority = job.priority
        attempts = job.attempts
        maxAttempts = job.maxAttempts
        runAt = job.runAt
        createdAt = job.createdAt
        updatedAt = job.updatedAt
        finishedAt = job.finishedAt
        lastError = job.lastError
    }
}

struct JobEnvelope: Encodable {
    let job: JobView
}

/// A dead mail job as the API shows it: the job, and who the message was for and what it was about.
struct UndeliveredMailView: Encodable {
    let job: JobView
    let recipient: String
    let subject: String

    init(_ mail: UndeliveredMail) {
        job = JobView(mail.job)
        recipient = mail.recipient
        subject = mail.subject
    }
}

struct JobsOverviewView: Encodable {
    let queues: [QueueSummary]
    let jobs: [JobView]
    let undeliveredMail: [UndeliveredMailView]

    init(_ overview: JobsOverview) {
        queues = overview.queues
        jobs = overview.jobs.map(JobView.init)
        undeliveredMail = overview.undeliveredMail.map(UndeliveredMailView.init)
    }
}
