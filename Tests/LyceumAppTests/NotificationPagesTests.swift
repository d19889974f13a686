import Foundation
import HTTPTypes
import LyceumApp
import LyceumContracts
import LyceumTestSupport
import Notifications
import Testing

@Suite("Notification pages")
struct NotificationPagesTests {
    /// A browser signed in as `user`.
    @Test("the header bell links to the list and its script reads the count with the session cookie", arguments: TestEngine.available)
    func bell(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let ada = try await app.register()
            let anonymousHome = try await Browser(app).get("/")
            #expect(!anonymousHome.text.contains("notification-count"), "visitors have no bell")

            let browser = try await Browser.signedIn(app, as: ada)
            let home = try await browser.get("/courses")
            #expect(home.text.contains(#"href="/notifications" data-notification-bell aria-label="Notifications""#))
            #expect(home.text.contains(#"data-testid="notification-count""#))
            let scriptPath = try #require(home.text.firstMatch(of: /<script src="(\/static\/live\.js\?v=[0-9a-f]+)" defer>/)?.1)
            let script = try await browser.get(String(scriptPath))
            #expect(script.status == .ok)
            #expect(script.headers[.contentType] == "text/javascript; charset=utf-8")
            #expect(script.text.contains("/notifications/unread-count"))
            #expect(script.text.contains("notification.created"))
            #expect(script.text.contains("/api/v1/realtime"))

            try await app.notifications().deliver(.reply(to: [ada.id], by: nil))
            try await app.notifications().deliver(.reply(to: [ada.id], by: nil))
            let count = try await browser.get("/notifications/unread-count")
            #expect(count.status == .ok)
            #expect(count.headers[.contentType] == "application/json; charset=utf-8")
            #expect(count.json["unreadCount"] as? Int == 2)
            let anonymous = try await app.raw(.get, "/notifications/unread-count", headers: [.accept: "application/json"])
            #expect(anonymous.status == .unauthorized)
        }
    }

    @Test("the list page shows notifications, marks one or all read, pages on, and saves preferences", arguments: TestEngine.available)
    func listAndPreferences(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let ada = try await app.register()
            let grace = try await app.register()
            #expect(try await Browser(app).get("/notifications").status == .seeOther, "visitors are sent to sign in")
            for index in 0..<22 {
                try await app.notifications().deliver(.reply(to: [ada.id], by: nil, key: "reply:\(index)", title: "Reply number \(index)"))
            }
            try await app.notifications().deliver(.reply(to: [grace.id], by: nil, key: "reply:grace"))
            let browser = try await Browser.signedIn(app, as: ada)

            let first = try await browser.get("/notifications")
            #expect(first.status == .ok)
            #expect(first.text.contains("Reply number 21"))
            #expect(!first.text.contains("Reply number 1<"), "the oldest are on the next page")
            let next = try #require(first.text.firstMatch(of: /href="(\/notifications\?cursor=[^"]+)">Older notifications/)?.1)
            let second = try await browser.get(String(next).replacingOccurrences(of: "&amp;", with: "&"))
            #expect(second.text.contains("Reply number 1<"))
            #expect(second.text.contains("Reply number 0"))
            #expect(!second.text.contains("Reply number 21"))

            let newest = try #require(try await app.notificationItems(ada).first?["id"] as? String)
            #expect(try await browser.post("/notifications/read", form: ["id": newest]).status == .seeOther)
            #expect(try await app.unreadCount(ada) == 21)
            let gracesID = try #require(try await app.notificationItems(grace).first?["id"] as? String)
            #expect(try await browser.post("/notifications/read", form: ["id": gracesID]).status == .notFound)
            #expect(try await app.unreadCount(grace) == 1)
            #expect(try await browser.post("/notifications/read", form: ["all": "yes"]).status == .seeOther)
            #expect(try await app.unreadCount(ada) == 0)
            #expect(try await browser.get("/notifications?unread=true").text.contains("No notifications unread."))

            let preferences = try await browser.get("/notifications/preferences")
            #expect(preferences.status == .ok)
            #expect(preferences.text.contains(#"name="inApp.reply" value="on" aria-label="Replies to my threads and replies: in the app" checked"#))
            var form = Dictionary(uniqueKeysWithValues: NotificationKind.allCases.map { ("inApp.\($0.rawValue)", "on") })
            form["inApp.reply"] = nil
            let saved = try await browser.post("/notifications/preferences", form: form)
            #expect(saved.headers[.location] == "/notifications/preferences?saved=1")
            let after = try await browser.get("/notifications/preferences?saved=1")
            #expect(after.text.contains("Saved your notification preferences."))
            #expect(after.text.contains(#"name="inApp.reply" value="on" aria-label="Replies to my threads and replies: in the app">"#))
            #expect(after.text.contains(#"name="inApp.mention" value="on" aria-label="Mentions of me: in the app" checked"#))
            try await app.notifications().deliver(.reply(to: [ada.id], by: nil))
            #expect(try await app.unreadCount(ada) == 0, "replies are switched off")
        }
    }
}
