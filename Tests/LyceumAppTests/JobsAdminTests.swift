import Foundation
import HTTPTypes
import LyceumApp
import LyceumContracts
import LyceumPlatform
import LyceumTestSupport
import Testing

@Suite("Background jobs admin")
struct JobsAdminTests {
    @Test("admins see queue depths and jobs, and retry and cancel them through the API and the page", arguments: TestEngine.available)
    func adminSteersJobs(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let admin = try await app.account(role: .admin)
            let student = try await app.register()
            _ = try await app.mail(to: student.email)

            let overview = try await app.request(.get, "/api/v1/admin/jobs?state=succeeded", token: admin.accessToken)
            #expect(overview.status == .ok)
            let jobs = try #require(overview.json["jobs"] as? [[String: Any]])
            #expect(jobs.contains { $0["name"] as? String == SendMail.jobName && $0["state"] as? String == "succeeded" })
            #expect(jobs.allSatisfy { $0["payload"] == nil }, "payloads carry links meant for one recipient")
            let queues = try #require(overview.json["queues"] as? [[String: Any]])
            // The address confirmation and the welcome.
            #expect(queues.first { $0["queue"] as? String == "mail" }?["succeeded"] as? Int == 2)
            #expect(try await app.request(.get, "/api/v1/admin/jobs?state=bogus", token: admin.accessToken).status == .badRequest)
            let longQueue = String(repeating: "q", count: 101)
            #expect(try await app.request(.get, "/api/v1/admin/jobs?queue=\(longQueue)", token: admin.accessToken).errorCode == "invalid_queue")
            #expect(try await app.request(.get, "/api/v1/admin/jobs", token: student.accessToken).status == .forbidden)

            // A probe due in an hour: cancel it, retry it, and a worker runs it.
            let id = try #require(try await app.services.jobs.enqueue(ProbeJob(holdMilliseconds: 0), options: JobOptions(runAt: Date().addingTimeInterval(3_600))))
            let cancelled = try await app.request(.post, "/api/v1/admin/jobs/\(id)/cancel", token: admin.accessToken)
            #expect(cancelled.status == .ok)
            #expect((cancelled.json["job"] as? [String: Any])?["state"] as? String == "cancelled")
            let twice = try await app.request(.post, "/api/v1/admin/jobs/\(id)/cancel", token: admin.accessToken)
            #expect(twice.status == .conflict)
            #expect(twice.errorCode == "job_cancelled")
            #expect(try await app.request(.post, "/api/v1/admin/jobs/\(id)/retry", token: student.accessToken).status == .forbidden)
            let retried = try await app.request(.post, "/api/v1/admin/jobs/\(id)/retry", token: admin.accessToken)
            #expect(retried.status == .ok)
            #expect((retried.json["job"] as? [String: Any])?["state"] as? String == "queued")
            var state: JobState?
            for _ in 0..<500 where state != .succeeded {
                state = try await app.services.jobs.job(id: id)?.state
                try await Task.sleep(for: .milliseconds(20))
            }
            #expect(state == .succeeded)

            // The page: depths and the job list, and the same actions as forms.
            let later = try #require(try await app.services.jobs.enqueue(ProbeJob(holdMilliseconds: 0), options: JobOptions(runAt: Date().addingTimeInterval(3_600))))
            let browser = Browser(app)
            _ = try await browser.get("/signin")
            _ = try await browser.post("/signin", form: ["email": admin.email, "password": admin.password, "next": "/admin/jobs"])
            let page = try await browser.get("/admin/jobs")
            #expect(page.status == .ok)
            #expect(page.text.contains("Background jobs"))
            #expect(page.text.contains("<td>maintenance</td>"), "every queue has its row")
            #expect(page.text.contains(SendMail.jobName))
            #expect(page.text.contains(later))
            let cancel = try await browser.post("/admin/jobs/\(later)", form: ["action": "cancel"])
            #expect(cancel.status == .seeOther)
            #expect(try await app.services.jobs.job(id: later)?.state == .cancelled)
            let filtered = try await browser.get("/admin/jobs?state=cancelled")
            #expect(filtered.text.contains(later))
            #expect(!filtered.text.contains(SendMail.jobName))
        }
    }
}
