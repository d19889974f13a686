import Foundation
import HTTPTypes
import LyceumApp
import LyceumContracts
import LyceumCore
import LyceumPlatform
import LyceumTestSupport
import Testing

@Suite(
    "Undelivered mail for admins",
    .enabled(
        if: ProcessInfo.processInfo.environment["LYCEUM_TEST_SMTP_STARTTLS_PORT"] != nil,
        "the SMTP server is not configured: run scripts/start-test-services and source .test-services.env (sets LYCEUM_TEST_SMTP_*)"
    )
)
struct UndeliveredMailAdminTests {
    /// The test relay's STARTTLS port as the application's settings.
    static func relaySettings() async throws -> SMTPSettings? {
        let environment = ProcessInfo.processInfo.environment
        let user = try #require(environment["LYCEUM_TEST_SMTP_USER"]).addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
        let password = try #require(environment["LYCEUM_TEST_SMTP_PASSWORD"]).addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
        let host = try #require(environment["LYCEUM_TEST_SMTP_HOST"])
        let port = try #require(environment["LYCEUM_TEST_SMTP_STARTTLS_PORT"])
        return try await LyceumConfiguration.load(
            flags: [:],
            environment: [
                "LYCEUM_SMTP_URL": "smtp://\(user):\(password)@\(host):\(port)", "LYCEUM_MAIL_FROM": "Lyceum <no-reply@school.example>",
                "LYCEUM_SMTP_CA_FILE": try #require(environment["LYCEUM_TEST_SMTP_CA_FILE"]),
            ]
        ).smtp
    }

    @Test("mail the relay refuses (550) is dead at once, and admins see its recipient, subject and error, and retry it", arguments: TestEngine.available)
    func deadMailIsListed(engine: TestEngine) async throws {
        let settings = try await Self.relaySettings()
        let refused = "reject+\(UUID().uuidString.prefix(12).lowercased())@learners.example"
        try await TestApp.run(engine, configure: { $0.smtp = settings }) { app in
            let admin = try await app.account(role: .admin)
            let student = try await app.register()
            let id = try #require(
                try await app.services.jobs.enqueue(
                    SendMail(MailMessage(recipient: refused, subject: "Your receipt for “Ελληνικά”", body: "Thank you")),
                    options: JobOptions(queue: "mail", uniqueKey: "mail:test-receipt:\(refused)")
                )
            )
            let died = try await withDeadline(.seconds(20), "the refused mail's job dying") {
                while try await app.services.jobs.job(id: id)?.state != .dead { try await Task.sleep(for: .milliseconds(20)) }
                return true
            }
            #expect(died)
            #expect(try await app.services.jobs.job(id: id)?.attempts == 1, "a 5xx reply is not retried")

            let overview = try await app.request(.get, "/api/v1/admin/jobs?state=succeeded", token: admin.accessToken)
            #expect(overview.status == .ok)
            let undelivered = try #require(overview.json["undeliveredMail"] as? [[String: Any]])
            #expect(undelivered.count == 1, "only the dead mail job, whatever the filter; the student's confirmation was delivered")
            let entry = try #require(undelivered.first)
            #expect(entry["recipient"] as? String == refused)
            #expect(entry["subject"] as? String == "Your receipt for “Ελληνικά”")
            let job = try #require(entry["job"] as? [String: Any])
            #expect(job["id"] as? String == id)
            #expect(job["state"] as? String == "dead")
            #expect((job["lastError"] as? String)?.contains("550") == true)
            #expect(try await app.request(.get, "/api/v1/admin/jobs", token: student.accessToken).status == .forbidden)

            let browser = Browser(app)
            _ = try await browser.get("/signin")
            _ = try await browser.post("/signin", form: ["email": admin.email, "password": admin.password, "next": "/admin/jobs"])
            let page = try await browser.get("/admin/jobs")
            #expect(page.status == .ok)
            #expect(page.text.contains("Undelivered mail"))
            #expect(page.text.contains(refused))
            #expect(page.text.contains("Your receipt for “Ελληνικά”"))
            #expect(page.text.contains("550"))
            let retry = try await browser.post("/admin/jobs/\(id)", form: ["action": "retry"])
            #expect(retry.status == .seeOther)
            let diedAgain = try await withDeadline(.seconds(20), "the retried mail dying again") {
                while true {
                    if let job = try await app.services.jobs.job(id: id), job.state == .dead, job.attempts == 1, job.updatedAt > job.createdAt {
                        return job
                    }
                    try await Task.sleep(for: .milliseconds(20))
                }
            }
            #expect(diedAgain.state == .dead)
        }
    }
}
