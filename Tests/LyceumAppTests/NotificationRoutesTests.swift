import Foundation
import HTTPTypes
import LyceumApp
import LyceumContracts
import LyceumCore
import LyceumHTTP
@testable import Notifications
import LyceumTestSupport
import NIOCore
import Testing

@Suite("Notification routes")
struct NotificationRoutesTests {
    @Test("the list pages by cursor newest first, counts unread, and marks one or all read", arguments: TestEngine.available)
    func listCountAndMarkRead(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let ada = try await app.register()
            let grace = try await app.register()
            for index in 0..<5 {
                try await app.notifications().deliver(.reply(to: [ada.id], by: grace.id, key: "reply:\(index)", title: "Reply \(index)"))
            }
            try await app.notifications().deliver(.reply(to: [grace.id], by: ada.id, key: "reply:grace"))
            #expect(try await app.unreadCount(ada) == 5)

            var seen: [String] = []
            var cursor: String?
            var pages = 0
            repeat {
                let query = "limit=2" + (cursor.map { "&cursor=\($0)" } ?? "")
                let page = try await app.request(.get, "/api/v1/me/notifications?\(query)", token: ada.accessToken)
                #expect(page.status == .ok)
                seen += page.items.compactMap { $0["id"] as? String }
                cursor = page.json["nextCursor"] as? String
                pages += 1
            } while cursor != nil && pages < 10
            #expect(pages == 3)
            #expect(seen.count == 5)
            #expect(Set(seen).count == 5)
            let all = try await app.notificationItems(ada)
            #expect(all.compactMap { $0["id"] as? String } == seen, "pages follow the one order")
            #expect(all.first?["title"] as? String == "Reply 4", "newest first")

            // Mark one read: it leaves the unread list and the count.
            let first = try #require(seen.first)
            let marked = try await app.request(.post, "/api/v1/me/notifications/read", json: ["ids": [first]], token: ada.accessToken)
            #expect(marked.status == .ok)
            #expect(marked.json["unreadCount"] as? Int == 4)
            #expect(try await app.unreadCount(ada) == 4)
            let unread = try await app.notificationItems(ada, unreadOnly: true)
            #expect(unread.count == 4)
            #expect(!unread.contains { $0["id"] as? String == first })
            let readItem = try await app.notificationItems(ada).first { $0["id"] as? String == first }
            #expect(readItem?["read"] as? Bool == true)
            #expect(readItem?["readAt"] is String)

            // Another user's notification is not there for the caller, and nothing is marked with it.
            let gracesID = try #require(try await app.notificationItems(grace).first?["id"] as? String)
            let foreign = try await app.request(.post, "/api/v1/me/notifications/read", json: ["ids": [seen[1], gracesID]], token: ada.accessToken)
            #expect(foreign.status == .notFound)
            #expect(try await app.unreadCount(ada) == 4)
            #expect(try await app.unreadCount(grace) == 1)

            let everything = try await app.request(.post, "/api/v1/me/notifications/read", json: ["all": true], token: ada.accessToken)
            #expect(everything.json["unreadCount"] as? Int == 0)
            #expect(try await app.notificationItems(ada, unreadOnly: true).isEmpty)
            #expect(try await app.unreadCount(grace) == 1, "marking all read touches only the caller's")
        }
    }

    @Test("bad input answers 4xx, and every route needs a signed-in caller", arguments: TestEngine.available)
    func refusals(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let ada = try await app.register()
            let token = ada.accessToken
            #expect(try await app.request(.get, "/api/v1/me/notifications?cursor=nonsense", token: token).errorCode == "invalid_cursor")
            #expect(try await app.request(.get, "/api/v1/me/notifications?limit=0", token: token).errorCode == "invalid_limit")
            #expect(try await app.request(.get, "/api/v1/me/notifications?unread=maybe", token: token).errorCode == "invalid_unread")
            let read = "/api/v1/me/notifications/read"
            #expect(try await app.request(.post, read, token: token).status == .badRequest)
            #expect(try await app.request(.post, read, json: [:], token: token).status == .unprocessableContent)
            #expect(try await app.request(.post, read, json: ["ids": [String]()], token: token).status == .unprocessableContent)
            #expect(try await app.request(.post, read, json: ["all": false], token: token).status == .unprocessableContent)
            #expect(try await app.request(.post, read, json: ["ids": ["x"], "all": true], token: token).status == .unprocessableContent)
            #expect(try await app.request(.post, read, json: ["ids": "x"], token: token).status == .unprocessableContent)
            #expect(try await app.request(.post, read, json: ["ids": Array(repeating: "x", count: 101)], token: token).status == .unprocessableContent)
            #expect(try await app.request(.post, read, json: ["ids": ["no-such-notification"]], token: token).status == .notFound)
            for (method, path) in [
                (HTTPRequest.Method.get, "/api/v1/me/notifications"), (.get, "/api/v1/me/notifications/unread-count"), (.post, read),
                (.get, "/api/v1/me/notifications/preferences"), (.put, "/api/v1/me/notifications/preferences"),
            ] {
                #expect(try await app.request(method, path).status == .unauthorized, "\(method) \(path)")
            }
        }
    }

    @Test("an instructor adding a student and a graded quiz attempt notify the student", arguments: TestEngine.available)
    func coursesEvents(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let owner = try await app.account(role: .instructor)
            let added = try await app.register()
            let (course, quizID, quiz) = try await QuizzesTests.courseWithQuiz(app, owner: owner)

            let roster = try await app.request(.post, "/api/v1/courses/\(course.id)/roster", json: ["userId": added.id], token: owner.accessToken)
            #expect(roster.status.code < 300, "adding failed: \(roster.text)")
            try await app.eventsDelivered()
            let enrollment = try await app.notificationItems(added)
            #expect(enrollment.count == 1)
            #expect(enrollment.first?["kind"] as? String == "enrollment")
            #expect(enrollment.first?["link"] as? String == "/courses/\(course.slug)")
            #expect(enrollment.first?["actorId"] as? String == owner.id)

            // Enrolling oneself tells nobody.
            let student = try await app.register()
            _ = try await app.request(.post, "/api/v1/courses/\(course.id)/enrollment", token: student.accessToken)
            try await app.eventsDelivered()
            #expect(try await app.notificationItems(student).isEmpty)

            let started = try await app.request(.post, "/api/v1/quizzes/\(quizID)/attempts", token: student.accessToken)
            let attemptID = try #require((started.json["attempt"] as? [String: Any])?["id"] as? String)
            let submitted = try await app.request(
                .post, "/api/v1/attempts/\(attemptID)/submit", json: ["answers": try QuizzesTests.rightAnswers(quiz)], token: student.accessToken
            )
            #expect(submitted.status == .ok)
            try await app.eventsDelivered()
            let graded = try await app.notificationItems(student)
            #expect(graded.count == 1)
            #expect(graded.first?["kind"] as? String == "grade")
            #expect(graded.first?["link"] as? String == "/attempts/\(attemptID)")
            #expect((graded.first?["title"] as? String)?.contains("Sky check") == true)
        }
    }

    @Test("the hand-written JSON of each answer decodes to its Codable form")
    func writersMatchCodable() throws {
        let read = Date(timeIntervalSince1970: 1_790_000_000)
        let notification = InAppNotification(
            id: "n1", kind: .mention, title: "Ada said “hi” \\ \"quoted\"\n", body: "", link: "/threads/1", actorID: nil,
            createdAt: Date(timeIntervalSince1970: 1_780_000_000), readAt: read
        )
        let unread = InAppNotification(
            id: "n2", kind: .grade, title: "Graded", body: "You passed.", link: "/attempts/2", actorID: "u1",
            createdAt: Date(timeIntervalSince1970: 1_780_000_001), readAt: nil
        )
        let page = NotificationPageView(NotificationPage(items: [notification, unread], nextCursor: "abc"))
        let decoded = try JSONCoding.decoder.decode(NotificationPageView.self, from: Data(JSONWriter.encode(page).readableBytesView))
        #expect(decoded == page)
        let last = NotificationPageView(NotificationPage(items: [], nextCursor: nil))
        #expect(try JSONCoding.decoder.decode(NotificationPageView.self, from: Data(JSONWriter.encode(last).readableBytesView)) == last)
        let count = NotificationUnreadView(unreadCount: 7)
        #expect(try JSONCoding.decoder.decode(NotificationUnreadView.self, from: Data(JSONWriter.encode(count).readableBytesView)) == count)
    }
}

@Suite("Notification retention")
struct NotificationRetentionTests {
    @Test("read notifications older than 180 days are pruned; unread and recently read ones stay", arguments: TestEngine.available)
    func prunesOldReadNotifications(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            var ada = try await app.register()
            let service = try app.notifications()
            try await service.deliver(.reply(to: [ada.id], by: nil, key: "old-read", title: "Old and read"))
            try await service.deliver(.reply(to: [ada.id], by: nil, key: "old-unread", title: "Old and unread"))
            let oldRead = try #require(try await app.notificationItems(ada).first { $0["title"] as? String == "Old and read" }?["id"] as? String)
            _ = try await app.request(.post, "/api/v1/me/notifications/read", json: ["ids": [oldRead]], token: ada.accessToken)
            app.clock.advance(by: 170 * 86_400)
            ada = try await app.login(ada.email, password: ada.password)
            try await service.deliver(.reply(to: [ada.id], by: nil, key: "recent-read", title: "Recent and read"))
            let recent = try #require(try await app.notificationItems(ada).first { $0["title"] as? String == "Recent and read" }?["id"] as? String)
            _ = try await app.request(.post, "/api/v1/me/notifications/read", json: ["ids": [recent]], token: ada.accessToken)
            app.clock.advance(by: 11 * 86_400)
            ada = try await app.login(ada.email, password: ada.password)

            #expect(try await service.pruneRead(olderThanDays: NotificationsService.readRetentionDays) == 1)
            let titles = try await service.list(
                Principal(userID: ada.id, role: .student, sessionID: "s"), unreadOnly: false, limit: 10, cursor: nil
            ).items.map(\.title)
            #expect(titles.sorted() == ["Old and unread", "Recent and read"])
            #expect(try await app.unreadCount(ada) == 1)
        }
    }
}
