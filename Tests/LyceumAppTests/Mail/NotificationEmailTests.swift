import Foundation
import HTTPTypes
import LyceumContracts
import LyceumPlatform
import LyceumTestSupport
import NIOCore
import Notifications
import Testing

@Suite("Notification email")
struct NotificationEmailTests {
    /// The kinds the issue names, each with the title its cause would give it.
    static let kinds: [(NotificationKind, String)] = [
        (.reply, "Ada replied to “Limits”"), (.mention, "Ada mentioned you in “Series”"), (.answered, "Your answer was accepted"),
        (.group, "Ada invited you to “Night owls”"), (.grade, "“Sky check” was graded: 100%"),
        (.enrollment, "You were added to “Astronomy”"), (.announcement, "New announcement in “Astronomy”"),
    ]

    @Test("each kind's email arrives with its subject, text and HTML parts and RFC 8058 headers; verify and reset carry none", arguments: TestEngine.available)
    func templates(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let ada = try await app.register(name: "Ada Lovelace")
            for (kind, title) in Self.kinds {
                try await app.requestNotification(.of(kind, to: [ada.id], title: title))
            }
            // Seven deliveries, then their mail: give a loaded machine the events queue's longer deadline first.
            try await app.eventsDelivered()
            let mail = try await app.mail(to: ada.email)
            for (kind, title) in Self.kinds {
                let message = try #require(mail.first { $0.subject == title }, "no \(kind) email")
                #expect(message.body.contains("Hello Ada Lovelace,"))
                #expect(message.body.contains("Excerpt of the \(kind.rawValue) <b>cause</b>."))
                #expect(message.body.contains("http://127.0.0.1:8080/notifications/\(kind.rawValue)"))
                let html = try #require(message.html)
                #expect(html.contains("Excerpt of the \(kind.rawValue) &lt;b&gt;cause&lt;/b&gt;."))
                #expect(html.contains("href=\"http://127.0.0.1:8080/notifications/\(kind.rawValue)\""))
                #expect(message.header("List-Unsubscribe-Post") == "List-Unsubscribe=One-Click")
                let path = try app.unsubscribePath(in: message)
                #expect(path.hasPrefix("/unsubscribe/"))
                #expect(message.body.contains("Unsubscribe: http://127.0.0.1:8080\(path)"))
                #expect(html.contains("href=\"http://127.0.0.1:8080\(path)\""))
            }

            let welcome = try #require(mail.first { $0.subject == "Welcome to Lyceum, Ada Lovelace" }, "no welcome email")
            #expect(welcome.body.contains("Find a course: http://127.0.0.1:8080/courses"))
            #expect(welcome.header("List-Unsubscribe") != nil)
            #expect(try await app.notificationItems(ada).allSatisfy { $0["kind"] as? String != "welcome" }, "the welcome is an email only")

            _ = try await app.request(.post, "/api/v1/auth/password-reset", json: ["email": ada.email])
            let account = try await app.mail(to: ada.email)
            let verify = try #require(account.first { $0.subject == "Confirm your email address for Lyceum" })
            let reset = try #require(account.first { $0.subject == "Reset your Lyceum password" })
            for message in [verify, reset] {
                #expect(message.headers.isEmpty, "essential mail has no unsubscribe headers")
                #expect(message.html?.contains("Unsubscribe") == false)
                #expect(!message.body.contains("Unsubscribe"))
            }
            #expect(verify.body.contains("within 48 hours:\n\nhttp://127.0.0.1:8080/verify-email?token="))
            #expect(reset.html?.contains("href=\"http://127.0.0.1:8080/reset-password?token=") == true)
        }
    }

    @Test("an account made by an operator gets no welcome; every enrollment, self-made too, is confirmed by email", arguments: TestEngine.available)
    func welcomeAndEnrollment(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let owner = try await app.account(role: .instructor)
            #expect(try await app.mail(to: owner.email).isEmpty)
            let (course, _, _) = try await QuizzesTests.courseWithQuiz(app, owner: owner)
            let student = try await app.register()
            let enrolled = try await app.request(.post, "/api/v1/courses/\(course.id)/enrollment", token: student.accessToken)
            #expect(enrolled.status.code < 300, "enrolling failed: \(enrolled.text)")
            try await app.eventsDelivered()
            let confirmations = try await app.mail(to: student.email).filter { $0.subject.hasPrefix("You are enrolled in") }
            #expect(confirmations.count == 1)
            #expect(confirmations.first?.body.contains("Go to the course: http://127.0.0.1:8080/courses/\(course.slug)") == true)
            #expect(try await app.notificationItems(student).isEmpty, "enrolling oneself is not an in-app notification")
        }
    }

    @Test("email off for a kind stops its email but not its in-app notification, and in-app off keeps the email", arguments: TestEngine.available)
    func channelsApart(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let ada = try await app.register()
            try await app.savePreferences(ada, ["preferences": [["kind": "reply", "email": false] as [String: any Sendable], ["kind": "mention", "inApp": false] as [String: any Sendable]] as [any Sendable]])
            let settings = try await app.emailSettings(ada)
            #expect(settings.kinds["reply"]?["email"] as? Bool == false)
            #expect(settings.kinds["reply"]?["inApp"] as? Bool == true)
            #expect(settings.kinds["reply"]?["digest"] as? Bool == true)
            #expect(settings.kinds["mention"]?["inApp"] as? Bool == false)
            #expect(settings.kinds["mention"]?["email"] as? Bool == true)
            #expect(settings.kinds["report"]?["email"] as? Bool == false, "resolved reports are not emailed by default")

            try await app.requestNotification(.of(.reply, to: [ada.id], title: "A reply"))
            try await app.requestNotification(.of(.mention, to: [ada.id], title: "A mention"))
            try await app.eventsDelivered()
            #expect(try await app.notificationItems(ada).map { $0["title"] as? String } == ["A reply"])
            let subjects = try await app.mail(to: ada.email).map(\.subject)
            #expect(subjects.contains("A mention"))
            #expect(!subjects.contains("A reply"))

            // The old form of a change (in-app only) still works and leaves the other channels alone.
            try await app.savePreferences(ada, ["preferences": [["kind": "reply", "inApp": false] as [String: any Sendable]] as [any Sendable]])
            #expect(try await app.emailSettings(ada).kinds["reply"]?["email"] as? Bool == false)
            let empty = try await app.request(.put, "/api/v1/me/notifications/preferences", json: [:], token: ada.accessToken)
            #expect(empty.status == .unprocessableContent)
            let noChannel = try await app.request(
                .put, "/api/v1/me/notifications/preferences", json: ["preferences": [["kind": "reply"] as [String: any Sendable]] as [any Sendable]], token: ada.accessToken
            )
            #expect(noChannel.status == .unprocessableContent)
            for body: [String: any Sendable] in [
                ["preferences": NSNull(), "nonEssentialEmailOff": false],
                ["preferences": [["kind": "reply", "email": NSNull(), "inApp": true] as [String: any Sendable]] as [any Sendable]],
                ["preferences": [["kind": "reply", "email": false, "sms": true] as [String: any Sendable]] as [any Sendable]],
                ["nonEssentialEmailOff": true, "everything": false],
            ] {
                let refused = try await app.request(.put, "/api/v1/me/notifications/preferences", json: body, token: ada.accessToken)
                #expect(refused.status.code >= 400 && refused.status.code < 500, "null was accepted: \(refused.text)")
            }
        }
    }

    @Test("the preferences page is a table of kinds by channel with the global switch, and saves every box", arguments: TestEngine.available)
    func preferencesPage(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let ada = try await app.register()
            let browser = try await Browser.signedIn(app, as: ada)
            let page = try await browser.get("/notifications/preferences")
            #expect(page.status == .ok)
            #expect(page.text.contains(#"<th scope="col">In the app</th><th scope="col">Email</th><th scope="col">Weekly digest</th>"#))
            #expect(page.text.contains(#"name="email.reply" value="on" aria-label="Replies to my threads and replies: email" checked"#))
            #expect(page.text.contains(#"name="email.report" value="on" aria-label="My reports resolved: email">"#))
            #expect(page.text.contains(#"name="digest.grade" value="on" aria-label="Quiz attempts graded: weekly digest" checked"#))
            #expect(!page.text.contains(#"name="inApp.welcome""#), "the welcome is an email only")
            #expect(page.text.contains(#"name="nonEssentialEmailOff" value="on">"#))

            var form: [String: String] = [:]
            for kind in NotificationKind.allCases {
                form["inApp.\(kind.rawValue)"] = "on"
                form["email.\(kind.rawValue)"] = "on"
                form["digest.\(kind.rawValue)"] = "on"
            }
            form["email.reply"] = nil
            form["digest.mention"] = nil
            form["nonEssentialEmailOff"] = "on"
            #expect(try await browser.post("/notifications/preferences", form: form).status == .seeOther)
            let saved = try await app.emailSettings(ada)
            #expect(saved.nonEssentialEmailOff == true)
            #expect(saved.kinds["reply"]?["email"] as? Bool == false)
            #expect(saved.kinds["reply"]?["inApp"] as? Bool == true)
            #expect(saved.kinds["mention"]?["digest"] as? Bool == false)
            #expect(saved.kinds["report"]?["email"] as? Bool == true)
            #expect(try await browser.get("/notifications/preferences").text.contains(#"name="nonEssentialEmailOff" value="on" checked>"#))
        }
    }

    @Test("the switch for non-essential email stops every notification email but not a password reset", arguments: TestEngine.available)
    func globalSwitch(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let ada = try await app.register()
            try await app.savePreferences(ada, ["nonEssentialEmailOff": true])
            #expect(try await app.emailSettings(ada).nonEssentialEmailOff == true)
            try await app.requestNotification(.of(.reply, to: [ada.id], title: "A reply"))
            try await app.requestNotification(.of(.announcement, to: [ada.id], title: "An announcement"))
            _ = try await app.request(.post, "/api/v1/auth/password-reset", json: ["email": ada.email])
            try await app.eventsDelivered()
            #expect(try await app.notificationItems(ada).count == 2, "in-app notifications still arrive")
            let subjects = try await app.mail(to: ada.email).map(\.subject)
            #expect(subjects.contains("Reset your Lyceum password"))
            #expect(!subjects.contains("A reply"))
            #expect(!subjects.contains("An announcement"))
            #expect(try await app.notifications().sendWeeklyDigests() == 0, "no digest either")
        }
    }

    @Test("one-click unsubscribe works with the header's URL and no session; GET only asks; forged tokens change nothing", arguments: TestEngine.available)
    func unsubscribe(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let ada = try await app.register()
            try await app.requestNotification(.of(.reply, to: [ada.id], title: "First reply"))
            let message = try #require(try await app.mail(to: ada.email).first { $0.subject == "First reply" })
            let path = try app.unsubscribePath(in: message)
            let token = String(path.dropFirst("/unsubscribe/".count))

            let page = try await app.raw(.get, path, headers: [.accept: "text/html"])
            #expect(page.status == .ok)
            #expect(page.text.contains("You will no longer get emails about “Replies to my threads and replies”."))
            #expect(page.text.contains(#"<form method="post" action="\#(path)""#))
            #expect(page.text.contains(#"href="/notifications/preferences""#))
            #expect(try await app.emailSettings(ada).kinds["reply"]?["email"] as? Bool == true, "a GET changes nothing")

            // Forged: another signature, another user in the payload, a made-up scope, garbage.
            let parts = token.split(separator: ".").map(String.init)
            let otherPayload = Data("\(ada.id)\nall".utf8).base64EncodedString()
                .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
            let forged = [
                "\(parts[0]).\(parts[1]).\(String(parts[2].reversed()))", "\(parts[0]).\(otherPayload).\(parts[2])", "2.\(parts[1]).\(parts[2])",
                "garbage", "1..",
            ]
            for bad in forged {
                let refused = try await app.oneClick("/unsubscribe/\(bad)")
                #expect(refused.status == .badRequest, "\(bad) was accepted")
                #expect(try await app.raw(.get, "/unsubscribe/\(bad)", headers: [.accept: "text/html"]).status == .badRequest)
            }
            let unchanged = try await app.emailSettings(ada)
            #expect(unchanged.kinds["reply"]?["email"] as? Bool == true)
            #expect(unchanged.nonEssentialEmailOff == false)

            let done = try await app.oneClick(path)
            #expect(done.status == .ok)
            #expect(done.text.contains("You will no longer get emails about “Replies to my threads and replies”."))
            #expect(try await app.oneClick(path).status == .ok, "unsubscribing again is fine")
            let after = try await app.emailSettings(ada)
            #expect(after.kinds["reply"]?["email"] as? Bool == false)
            #expect(after.kinds["reply"]?["inApp"] as? Bool == true)
            #expect(after.kinds["mention"]?["email"] as? Bool == true, "other kinds keep their email")

            try await app.requestNotification(.of(.reply, to: [ada.id], title: "Second reply"))
            try await app.requestNotification(.of(.mention, to: [ada.id], title: "A mention"))
            let subjects = try await app.mail(to: ada.email).map(\.subject)
            #expect(!subjects.contains("Second reply"))
            #expect(subjects.contains("A mention"))
            #expect(try await app.notificationItems(ada).contains { $0["title"] as? String == "Second reply" })
        }
    }

    @Test("a retried delivery emails each recipient once, whether or not it was shown in the app", arguments: TestEngine.available)
    func retriedDelivery(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let ada = try await app.register()
            let grace = try await app.register()
            try await app.savePreferences(grace, ["preferences": [["kind": "reply", "inApp": false] as [String: any Sendable]] as [any Sendable]])
            let request = NotificationRequested.of(.reply, to: [ada.id, grace.id], title: "Once only")
            try await app.notifications().deliver(request)
            try await app.notifications().deliver(request)
            try await app.requestNotification(request)
            try await app.eventsDelivered()
            #expect(try await app.mail(to: ada.email).filter { $0.subject == "Once only" }.count == 1)
            #expect(try await app.mail(to: grace.email).filter { $0.subject == "Once only" }.count == 1)
            #expect(try await app.notificationItems(grace).isEmpty)
        }
    }

    @Test("the weekly digest lists unread, undigested notifications of the past week once, and honours its switches", arguments: TestEngine.available)
    func digest(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let first = try await app.register()
            let second = try await app.register()
            try await app.savePreferences(second, ["preferences": [["kind": "mention", "digest": false] as [String: any Sendable]] as [any Sendable]])
            try await app.requestNotification(.of(.reply, to: [first.id, second.id], title: "Old reply"))
            try await app.eventsDelivered()
            app.clock.advance(by: 8 * 86_400)
            // A week on, the access tokens have expired: sign in again.
            let ada = try await app.login(first.email, password: first.password)
            let grace = try await app.login(second.email, password: second.password)
            try await app.requestNotification(.of(.reply, to: [ada.id, grace.id], title: "Fresh reply"))
            try await app.requestNotification(.of(.mention, to: [ada.id, grace.id], title: "Fresh mention"))
            try await app.requestNotification(.of(.answered, to: [ada.id], title: "Already read"))
            try await app.eventsDelivered()
            let read = try #require(try await app.notificationItems(ada).first { $0["title"] as? String == "Already read" }?["id"] as? String)
            _ = try await app.request(.post, "/api/v1/me/notifications/read", json: ["ids": [read]], token: ada.accessToken)

            #expect(try await app.notifications().sendWeeklyDigests() == 2)
            let adaDigest = try #require(try await app.mail(to: ada.email).first { $0.subject.hasPrefix("Your week on Lyceum") })
            #expect(adaDigest.subject == "Your week on Lyceum: 2 unread notifications")
            #expect(adaDigest.body.contains("Fresh reply"))
            #expect(adaDigest.body.contains("Fresh mention"))
            #expect(!adaDigest.body.contains("Old reply"), "older than a week")
            #expect(!adaDigest.body.contains("Already read"))
            #expect(adaDigest.html?.contains("Fresh mention") == true)
            let graceDigest = try #require(try await app.mail(to: grace.email).first { $0.subject.hasPrefix("Your week on Lyceum") })
            #expect(graceDigest.subject == "Your week on Lyceum: 1 unread notification")
            #expect(!graceDigest.body.contains("Fresh mention"), "grace's digest leaves mentions out")

            #expect(try await app.notifications().sendWeeklyDigests() == 0, "nothing new to digest")
            try await app.requestNotification(.of(.group, to: [ada.id, grace.id], title: "Group news"))
            try await app.eventsDelivered()

            // Grace unsubscribes from the digest with its own link; Ada's next digest lists only what is new.
            let path = try app.unsubscribePath(in: graceDigest)
            #expect(try await app.oneClick(path).status == .ok)
            #expect(try await app.emailSettings(grace).kinds.values.allSatisfy { $0["digest"] as? Bool == false })
            #expect(try await app.notifications().sendWeeklyDigests() == 1)
            let digests = try await app.mail(to: ada.email).filter { $0.subject.hasPrefix("Your week on Lyceum") }
            #expect(digests.count == 2)
            #expect(digests.first?.subject == "Your week on Lyceum: 1 unread notification")
            #expect(digests.first?.body.contains("Group news") == true)
            #expect(try await app.mail(to: grace.email).filter { $0.subject.hasPrefix("Your week on Lyceum") }.count == 1)
        }
    }
}
