@testable import Community
import Foundation
import HTTPTypes
import LyceumApp
import LyceumContracts
import LyceumCore
import LyceumPlatform
import LyceumTestSupport
import Testing

@Suite("Announcements API")
struct AnnouncementRoutesTests {
    @Test("staff post to a course; its students read them, pinned first, and are notified in the same transaction", arguments: TestEngine.available)
    func postAndRead(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let recorder = NotificationRecorder(app)
            let teacher = try await app.account(role: .instructor)
            let course = try await app.buildCourse(owner: teacher, title: "Orbits", modules: 1, lessonsPerModule: 1)
            let assistant = try await app.register(name: "Assistant")
            #expect(try await app.request(.put, "/api/v1/courses/\(course.id)/staff/\(assistant.id)", json: ["role": "assistant"], token: teacher.accessToken).status == .noContent)
            let student = try await app.register()
            let classmate = try await app.register()
            let outsider = try await app.register()
            for learner in [student, classmate] {
                #expect(try await app.request(.post, "/api/v1/courses/\(course.id)/enrollment", token: learner.accessToken).status == .created)
            }

            let path = "/api/v1/courses/\(course.id)/announcements"
            #expect(try await app.request(.post, path, json: ["title": "Mine", "body": "Hi"], token: student.accessToken).status == .forbidden)
            #expect(try await app.request(.post, path, json: ["title": "Mine", "body": "Hi"], token: nil).status == .unauthorized)
            let invalid = try await app.request(.post, path, json: ["title": "", "body": ""], token: teacher.accessToken)
            #expect(Set(invalid.errorFields.keys) == ["title", "body"])
            #expect(try await app.request(.post, "/api/v1/courses/nope/announcements", json: ["title": "T", "body": "B"], token: teacher.accessToken).status == .notFound)

            let hostile = "Read **this**.\n\n<script>alert(1)</script> [x](javascript:alert(2)) <img src=x onerror=alert(3)>"
            let posted = try await app.request(.post, path, json: ["title": "Welcome", "body": hostile], token: teacher.accessToken)
            #expect(posted.status == .created)
            let welcome = try #require(posted.json["announcement"] as? [String: Any])
            let welcomeID = try #require(welcome["id"] as? String)
            let html = try #require(welcome["bodyHtml"] as? String)
            #expect(html.contains("<strong>this</strong>"))
            #expect(!html.contains("<script"))
            #expect(!html.contains("javascript:"))
            #expect(!html.contains("<img"))
            #expect(try await recorder.outboxJobs().count == 1, "the notification request is in the outbox as the post returns")

            let pinned = try await app.request(.post, path, json: ["title": "Exam dates", "body": "Soon.", "pinned": true], token: assistant.accessToken)
            let pinnedID = try #require((pinned.json["announcement"] as? [String: Any])?["id"] as? String)
            let later = try await app.request(.post, path, json: ["title": "Week two", "body": "Next."], token: teacher.accessToken)
            let laterID = try #require((later.json["announcement"] as? [String: Any])?["id"] as? String)

            let read = try await app.request(.get, path, token: student.accessToken)
            #expect(read.status == .ok)
            #expect(read.itemIDs == [pinnedID, laterID, welcomeID])
            #expect(read.items.first?["body"] is NSNull, "students get HTML, not the source")
            #expect(try await app.request(.get, path, token: teacher.accessToken).items.first?["body"] as? String == "Soon.")
            #expect(try await app.request(.get, path, token: outsider.accessToken).status == .forbidden)
            #expect(try await app.request(.get, "/api/v1/announcements/\(welcomeID)", token: classmate.accessToken).status == .ok)
            #expect(try await app.request(.get, "/api/v1/announcements/\(welcomeID)", token: outsider.accessToken).status == .forbidden)
            #expect(try await app.request(.get, "/api/v1/announcements/unknown", token: student.accessToken).status == .notFound)

            let notice = try #require(try await recorder.request("announcement:\(welcomeID)"))
            #expect(Set(notice.recipientIDs) == [student.id, classmate.id])
            #expect(notice.kind == .announcement)
            #expect(notice.actorID == teacher.id)
            #expect(notice.link.contains(course.slug))
        }
    }

    @Test("staff edit and delete announcements; students cannot", arguments: TestEngine.available)
    func editAndDelete(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let recorder = NotificationRecorder(app)
            let teacher = try await app.account(role: .instructor)
            let course = try await app.buildCourse(owner: teacher, modules: 1, lessonsPerModule: 1)
            let student = try await app.register()
            _ = try await app.request(.post, "/api/v1/courses/\(course.id)/enrollment", token: student.accessToken)
            let posted = try await app.request(.post, "/api/v1/courses/\(course.id)/announcements", json: ["title": "Typo", "body": "Txet"], token: teacher.accessToken)
            let id = try #require((posted.json["announcement"] as? [String: Any])?["id"] as? String)
            #expect(try await app.request(.patch, "/api/v1/announcements/\(id)", json: ["title": "Hacked"], token: student.accessToken).status == .forbidden)
            #expect(try await app.request(.patch, "/api/v1/announcements/\(id)", json: ["title": ""], token: teacher.accessToken).status == .unprocessableContent)
            let edited = try await app.request(.patch, "/api/v1/announcements/\(id)", json: ["body": "Text", "pinned": true], token: teacher.accessToken)
            #expect(edited.status == .ok)
            let announcement = try #require(edited.json["announcement"] as? [String: Any])
            #expect(announcement["title"] as? String == "Typo")
            #expect(announcement["bodyHtml"] as? String == "<p>Text</p>\n")
            #expect(announcement["pinned"] as? Bool == true)
            #expect(try await recorder.outboxJobs().count == 1, "editing a published announcement notifies no one again")
            #expect(try await app.request(.delete, "/api/v1/announcements/\(id)", token: student.accessToken).status == .forbidden)
            #expect(try await app.request(.delete, "/api/v1/announcements/\(id)", token: teacher.accessToken).status == .noContent)
            #expect(try await app.request(.get, "/api/v1/announcements/\(id)", token: teacher.accessToken).status == .notFound)
        }
    }

    @Test("publishAt takes RFC 3339 with fractional seconds; other text is a 422 naming it; no caller is 401 first", arguments: TestEngine.available)
    func publishAtText(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let teacher = try await app.account(role: .instructor)
            let course = try await app.buildCourse(owner: teacher, modules: 1, lessonsPerModule: 1)
            let path = "/api/v1/courses/\(course.id)/announcements"
            let when = Date(timeIntervalSince1970: (app.clock.wallClock.nowForStorage().timeIntervalSince1970 + 30 * 86_400).rounded(.down) + 0.678)
            let offsetFormat = ISO8601DateFormatter()
            offsetFormat.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
            offsetFormat.timeZone = TimeZone(secondsFromGMT: 3_600)
            let fractional = try await app.request(
                .post, path, json: ["title": "Later", "body": "Soon.", "publishAt": offsetFormat.string(from: when)], token: teacher.accessToken
            )
            #expect(fractional.status == .created, "\(offsetFormat.string(from: when)): \(fractional.text)")
            #expect((fractional.json["announcement"] as? [String: Any])?["publishAt"] as? String == ISO8601DateFormatter().string(from: when))
            let garbled = try await app.request(.post, path, json: ["title": "T", "body": "B", "publishAt": "next tuesday"], token: teacher.accessToken)
            #expect(garbled.status == .unprocessableContent)
            #expect(garbled.errorFields["publishAt"] != nil, "\(garbled.text)")
            #expect(try await app.request(.post, path, json: ["title": "T", "body": "B", "publishAt": ""]).status == .unauthorized)
        }
    }

    @Test("a scheduled announcement stays hidden from students until its time, when a job notifies them", arguments: TestEngine.available)
    func scheduled(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let recorder = NotificationRecorder(app)
            let teacher = try await app.account(role: .instructor)
            let course = try await app.buildCourse(owner: teacher, modules: 1, lessonsPerModule: 1)
            let student = try await app.register()
            _ = try await app.request(.post, "/api/v1/courses/\(course.id)/enrollment", token: student.accessToken)
            let when = app.clock.wallClock.nowForStorage().addingTimeInterval(3_600)
            let posted = try await app.request(
                .post, "/api/v1/courses/\(course.id)/announcements",
                json: ["title": "Quiz tomorrow", "body": "Revise.", "publishAt": ISO8601DateFormatter().string(from: when)], token: teacher.accessToken
            )
            #expect(posted.status == .created)
            let id = try #require((posted.json["announcement"] as? [String: Any])?["id"] as? String)
            #expect((posted.json["announcement"] as? [String: Any])?["scheduled"] as? Bool == true)
            #expect(try await recorder.outboxJobs().isEmpty, "nobody is notified before the time")
            let job = try #require(try await app.services.jobs.list(limit: 500).first { $0.name == "community.publish-announcement" })
            #expect(abs(job.runAt.timeIntervalSince(when)) < 1)
            #expect(try await app.request(.get, "/api/v1/courses/\(course.id)/announcements", token: student.accessToken).items.isEmpty)
            #expect(try await app.request(.get, "/api/v1/announcements/\(id)", token: student.accessToken).status == .notFound)
            #expect(try await app.request(.get, "/api/v1/courses/\(course.id)/announcements", token: teacher.accessToken).itemIDs == [id])

            app.clock.advance(by: 3_700)
            try await app.wakeWorkers()
            let notice = try #require(try await recorder.request("announcement:\(id)"))
            #expect(notice.recipientIDs == [student.id])
            var state = try await app.services.jobs.job(id: job.id)?.state
            for _ in 0..<500 where state != .succeeded {
                try await Task.sleep(for: .milliseconds(20))
                state = try await app.services.jobs.job(id: job.id)?.state
            }
            #expect(state == .succeeded)
            let later = try await app.login(student.email, password: student.password)
            #expect(try await app.request(.get, "/api/v1/courses/\(course.id)/announcements", token: later.accessToken).itemIDs == [id])
            #expect(try await app.request(.get, "/api/v1/announcements/\(id)", token: later.accessToken).status == .ok)

            // The job running again (a worker that died before recording success) notifies no one twice.
            try await app.service.publishDueAnnouncement(id)
            #expect(try await recorder.outboxJobs().count == 1)
        }
    }
}
