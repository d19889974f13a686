import Foundation
import Hummingbird
import LyceumCore
import LyceumHTTP
import LyceumPlatform
import LyceumWeb

/// What the admin jobs page shows.
struct JobsPageContent: Sendable {
    struct Job: Sendable {
        let id: String
        let name: String
        let queue: String
        let state: String
        let attempts: String
        let updatedAt: String
        let lastError: String?
        let canRetry: Bool
        let canCancel: Bool
    }

    /// A dead mail job: who it was for, what about, and why it failed.
    struct Mail: Sendable {
        let id: String
        let recipient: String
        let subject: String
        let attempts: String
        let updatedAt: String
        let lastError: String?
    }

    let queues: [QueueSummary]
    let jobs: [Job]
    let undeliveredMail: [Mail]
    let states: [SelectOption]
    let filtered: Bool
}

/// `/admin/jobs`: queue depth, running, failed and dead jobs, with retry and cancel, and the mail that could not be
/// delivered (dead `SendMail` jobs) with its recipient, subject and last error.
struct JobsAdminPages: Sendable {
    let admin: JobsAdmin
    let renderer: PageRenderer

    func addRoutes(to pages: RouterGroup<AppRequestContext>) {
        pages.get("admin/jobs", use: show)
        pages.post("admin/jobs/:id", use: act)
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let principal = context.principal else { return PageRenderer.signIn(returningTo: "/admin/jobs") }
        let stateText = request.uri.queryParameters.get("state") ?? ""
        let state = JobState(rawValue: stateText)
        let overview = try await admin.overview(principal, state: state, queue: nil, limit: 100)
        let content = JobsPageContent(
            queues: overview.queues,
            jobs: overview.jobs.map { job in
                .init(
                    id: job.id, name: job.name, queue: job.queue, state: job.state.rawValue, attempts: "\(job.attempts)/\(job.maxAttempts)",
                    updatedAt: job.updatedAt.formatted(.iso8601), lastError: job.state == .succeeded ? nil : job.lastError,
                    canRetry: [.dead, .retrying, .cancelled].contains(job.state), canCancel: [.queued, .retrying, .dead].contains(job.state)
                )
            },
            undeliveredMail: overview.undeliveredMail.map { mail in
                .init(
                    id: mail.job.id, recipient: mail.recipient, subject: mail.subject, attempts: "\(mail.job.attempts)/\(mail.job.maxAttempts)",
                    updatedAt: mail.job.updatedAt.formatted(.iso8601), lastError: mail.job.lastError
                )
            },
            states: SelectOption.list(JobState.allCases.map(\.rawValue), selected: state?.rawValue),
            filtered: state != nil
        )
        let notice: String? =
            switch request.uri.queryParameters.get("done") {
            case "retry": "The job is queued again."
            case "cancel": "The job is cancelled."
            default: nil
            }
        return try renderer.render(Page("admin-jobs", title: "Background jobs", content: content, section: .admin, notice: notice), context: context)
    }

    @Sendable func act(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        try JobsAdmin.requireAdmin(principal)
        let form = try context.submittedForm()
        let id = try context.parameters.require("id")
        switch form["action"] {
        case "retry": _ = try await admin.retry(principal, id: id)
        case "cancel": _ = try await admin.cancel(principal, id: id)
        default: throw AppError.validation(["action": "must be retry or cancel"])
        }
        return PageRenderer.redirect(to: "/admin/jobs?done=\(form["action"])")
    }
}

enum OperationsTemplates {
    static let jobs = """
        {{<layout}}
        {{$content}}
        <h1>Background jobs</h1>
        <div class="table-wrap card flush">
          <table>
            <caption class="muted">Queues: due jobs are the queue's depth; scheduled ones wait for a later time.</caption>
            <thead><tr><th>Queue</th><th>Due</th><th>Scheduled</th><th>Running</th><th>Failed, retrying</th><th>Dead</th><th class="optional">Succeeded</th></tr></thead>
            <tbody>
              {{#queues}}<tr><td>{{queue}}</td><td>{{due}}</td><td>{{scheduled}}</td><td>{{running}}</td><td>{{retrying}}</td><td>{{dead}}</td><td class="optional">{{succeeded}}</td></tr>{{/queues}}
            </tbody>
          </table>
        </div>
        <h2 id="undelivered-mail">Undelivered mail</h2>
        <div class="table-wrap card flush">
          <table>
            <caption class="muted">Mail the relay refused for good or that failed on every attempt. Retry it once the cause is fixed.</caption>
            <thead><tr><th>Recipient</th><th>Subject</th><th>Attempts</th><th class="optional">Failed</th><th>Actions</th></tr></thead>
            <tbody>
              {{#undeliveredMail}}
              <tr>
                <td>{{recipient}}<div class="muted">{{id}}</div></td>
                <td>{{subject}}{{#lastError}}<div class="muted">Last error: {{lastError}}</div>{{/lastError}}</td>
                <td>{{attempts}}</td>
                <td class="optional">{{updatedAt}}</td>
                <td>
                  <form method="post" action="/admin/jobs/{{id}}"><input type="hidden" name="_csrf" value="{{csrf}}"><button class="small" type="submit" name="action" value="retry">Retry</button></form>
                  <form method="post" action="/admin/jobs/{{id}}"><input type="hidden" name="_csrf" value="{{csrf}}"><button class="small danger" type="submit" name="action" value="cancel">Cancel</button></form>
                </td>
              </tr>
              {{/undeliveredMail}}
              {{^undeliveredMail}}<tr><td colspan="5" class="muted">All mail was delivered.</td></tr>{{/undeliveredMail}}
            </tbody>
          </table>
        </div>
        <h2>Jobs</h2>
        <form class="filters" method="get" action="/admin/jobs">
          <label>State
            <select name="state">
              <option value="">Any state</option>
              {{#states}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{value}}</option>{{/states}}
            </select>
          </label>
          <button type="submit">Filter</button>
        </form>
        <div class="table-wrap card flush">
          <table>
            <thead><tr><th>Job</th><th>State</th><th>Attempts</th><th class="optional">Changed</th><th>Actions</th></tr></thead>
            <tbody>
              {{#jobs}}
              <tr>
                <td>{{name}} <span class="muted">({{queue}})</span><div class="muted">{{id}}</div>{{#lastError}}<div class="muted">Last error: {{lastError}}</div>{{/lastError}}</td>
                <td><span class="badge">{{state}}</span></td>
                <td>{{attempts}}</td>
                <td class="optional">{{updatedAt}}</td>
                <td>
                  {{#canRetry}}<form method="post" action="/admin/jobs/{{id}}"><input type="hidden" name="_csrf" value="{{csrf}}"><button class="small" type="submit" name="action" value="retry">Retry</button></form>{{/canRetry}}
                  {{#canCancel}}<form method="post" action="/admin/jobs/{{id}}"><input type="hidden" name="_csrf" value="{{csrf}}"><button class="small danger" type="submit" name="action" value="cancel">Cancel</button></form>{{/canCancel}}
                </td>
              </tr>
              {{/jobs}}
              {{^jobs}}<tr><td colspan="5" class="muted">{{#filtered}}No jobs in this state.{{/filtered}}{{^filtered}}No jobs yet.{{/filtered}}</td></tr>{{/jobs}}
            </tbody>
          </table>
        </div>
        {{/content}}
        {{/layout}}
        """
}
