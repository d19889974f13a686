import Foundation
import HTTPTypes
import LyceumApp
import LyceumContracts
import LyceumCore
@testable import LyceumPlatform
@testable import Notifications
import LyceumTestSupport
import SQLKit
import Testing

@Suite("Notification delivery")
struct NotificationDeliveryTests {
    @Test("a request becomes one notification per recipient, never for the actor, and once however often it is delivered", arguments: TestEngine.available)
    func deliversOncePerRecipient(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let ada = try await app.register()
            let grace = try await app.register()
            let actor = try await app.register()
            let request = NotificationRequested.reply(to: [ada.id, grace.id, actor.id, ada.id], by: actor.id)
            try await app.requestNotification(request)
            try await app.eventsDelivered()

            let items = try await app.notificationItems(ada)
            #expect(items.count == 1)
            #expect(items.first?["kind"] as? String == "reply")
            #expect(items.first?["title"] as? String == "Ada replied to “Limits”")
            #expect(items.first?["link"] as? String == "/threads/t1")
            #expect(items.first?["actorId"] as? String == actor.id)
            #expect(items.first?["read"] as? Bool == false)
            #expect(try await app.notificationItems(grace).count == 1)
            #expect(try await app.notificationItems(actor).isEmpty, "the actor is never told of their own action")

            // The same cause published again (a retried publish, a second event) notifies nobody twice.
            try await app.requestNotification(request)
            try await app.eventsDelivered()
            #expect(try await app.notificationItems(ada).count == 1)
            #expect(try await app.notifications().deliver(request) == 0)
            #expect(try await app.unreadCount(grace) == 1)
        }
    }

    @Test("a request for more recipients than one statement takes is delivered whole, and once", arguments: TestEngine.available)
    func largeAudience(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let ada = try await app.register()
            let others = (0..<1_200).map { _ in UUID().uuidString.lowercased() }
            let request = NotificationRequested(
                recipientIDs: others + [ada.id], kind: .announcement, title: "Exam moved", body: "", link: "/courses/c", actorID: nil,
                sourceKey: "announcement:1"
            )
            #expect(try await app.notifications().deliver(request) == 1_201)
            #expect(try await app.notifications().deliver(request) == 0)
            #expect(try await app.unreadCount(ada) == 1)
        }
    }

    @Test("a link off the site is replaced by the notifications page", arguments: TestEngine.available)
    func keepsLinksOnSite(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let ada = try await app.register()
            for (index, link) in ["https://evil.example/x", "//evil.example", "javascript:alert(1)"].enumerated() {
                let request = NotificationRequested(
                    recipientIDs: [ada.id], kind: .mention, title: "T\(index)", body: "", link: link, actorID: nil, sourceKey: "m\(index)"
                )
                try await app.notifications().deliver(request)
            }
            let links = try await app.notificationItems(ada).compactMap { $0["link"] as? String }
            #expect(links == ["/notifications", "/notifications", "/notifications"])
        }
    }

    @Test("a kind switched off creates nothing for that user; other kinds and users still arrive", arguments: TestEngine.available)
    func preferencesOff(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let ada = try await app.register()
            let grace = try await app.register()
            let initial = try await app.request(.get, "/api/v1/me/notifications/preferences", token: ada.accessToken)
            let kinds = (initial.json["preferences"] as? [[String: Any]] ?? []).compactMap { $0["kind"] as? String }
            #expect(kinds == NotificationKind.allCases.map(\.rawValue))
            // Every kind is on in the app but the welcome, which is an email only.
            #expect((initial.json["preferences"] as? [[String: Any]] ?? []).allSatisfy { ($0["inApp"] as? Bool) == ($0["kind"] as? String != "welcome") })

            let saved = try await app.request(
                .put, "/api/v1/me/notifications/preferences", json: ["preferences": [["kind": "reply", "inApp": false] as [String: any Sendable]]], token: ada.accessToken
            )
            #expect(saved.status == .ok)
            let reply = (saved.json["preferences"] as? [[String: Any]] ?? []).first { $0["kind"] as? String == "reply" }
            #expect(reply?["inApp"] as? Bool == false)

            try await app.requestNotification(.reply(to: [ada.id, grace.id], by: nil))
            try await app.requestNotification(
                NotificationRequested(recipientIDs: [ada.id], kind: .mention, title: "Grace mentioned you", body: "", link: "/threads/t2", actorID: grace.id, sourceKey: "mention:1")
            )
            try await app.eventsDelivered()
            #expect(try await app.notificationItems(ada).map { $0["kind"] as? String } == ["mention"])
            #expect(try await app.notificationItems(grace).count == 1)

            let bad = try await app.request(
                .put, "/api/v1/me/notifications/preferences", json: ["preferences": [["kind": "spam", "inApp": false] as [String: any Sendable]]], token: ada.accessToken
            )
            #expect(bad.status == .unprocessableContent)
            #expect(try await app.request(.put, "/api/v1/me/notifications/preferences", token: ada.accessToken).status == .badRequest)
            #expect(try await app.request(.get, "/api/v1/me/notifications/preferences").status == .unauthorized)
        }
    }

    @Test("each new notification is announced on pub/sub with its recipient and unread count", arguments: TestEngine.available)
    func announcesOnPubSub(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let ada = try await app.register()
            let messages = app.services.pubSub.subscribe(to: NotificationChannel.name)
            let (listening, listeningNow) = AsyncStream<Void>.makeStream()
            let listener = Task {
                var received: [String] = []
                for await event in messages {
                    switch event {
                    case .resubscribed: listeningNow.yield()
                    case .message(let text): received.append(text)
                    }
                    if received.count == 2 { break }
                }
                return received
            }
            if engine == .postgres {
                // PostgreSQL reports the subscription once its LISTEN took effect; in process it is immediate.
                try await withDeadline(.seconds(15), "the LISTEN on the notifications channel") {
                    for await _ in listening { return }
                }
            }
            try await app.requestNotification(.reply(to: [ada.id], by: nil))
            try await app.requestNotification(.reply(to: [ada.id], by: nil))
            let received = try await withDeadline(.seconds(15), "two pub/sub messages") { await listener.value }
            let decoded = received.compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
            let ids = Set(try await app.notificationItems(ada).compactMap { $0["id"] as? String })
            #expect(decoded.count == 2)
            #expect(decoded.allSatisfy { $0["recipientId"] as? String == ada.id })
            #expect(Set(decoded.compactMap { $0["id"] as? String }) == ids)
            #expect(decoded.compactMap { $0["unread"] as? Int }.sorted() == [1, 2])
        }
    }

    @Test("deliveries to the same recipients at once announce every unread count from 1 up, without deadlock", arguments: TestEngine.available)
    func concurrentDeliveriesCountExactly(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let ada = try await app.register()
            let grace = try await app.register()
            let deliveries = 12
            let messages = app.services.pubSub.subscribe(to: NotificationChannel.name)
            let (listening, listeningNow) = AsyncStream<Void>.makeStream()
            let listener = Task {
                var received: [String] = []
                for await event in messages {
                    switch event {
                    case .resubscribed: listeningNow.yield()
                    case .message(let text): received.append(text)
                    }
                    if received.count == 2 * deliveries { break }
                }
                return received
            }
            if engine == .postgres {
                try await withDeadline(.seconds(15), "the LISTEN on the notifications channel") {
                    for await _ in listening { return }
                }
            }
            // Half name the recipients in the other order, which would deadlock locks taken in request order.
            let service = try app.notifications()
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<deliveries {
                    let recipients = index.isMultiple(of: 2) ? [ada.id, grace.id] : [grace.id, ada.id]
                    group.addTask { try await service.deliver(.reply(to: recipients, by: nil, key: "reply:\(index)")) }
                }
                try await group.waitForAll()
            }
            let received = try await withDeadline(.seconds(15), "every announcement") { await listener.value }
            let decoded = received.compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
            for user in [ada, grace] {
                let counts = decoded.filter { $0["recipientId"] as? String == user.id }.compactMap { $0["unread"] as? Int }
                #expect(counts.sorted() == Array(1...deliveries))
            }
        }
    }

    @Test("a worker killed mid-delivery leaves exactly one notification per recipient after the retry", arguments: TestEngine.available)
    func killedWorker(engine: TestEngine) async throws {
        // No worker of the application's own: the test plays the workers.
        try await TestApp.run(engine, configure: { $0.roles = [.web] }) { app in
            // Accounts made by an operator: a sign-up would queue its welcome ahead of the delivery played here.
            let ada = try await app.account(role: .student)
            let grace = try await app.account(role: .student)
            let request = NotificationRequested.reply(to: [ada.id, grace.id], by: nil)
            try await app.requestNotification(request)

            // The first worker leases the job and dies inside the delivery's transaction, after writing one
            // recipient's row: nothing of it stays.
            let leased = try await app.services.jobs.claim(queues: ["events"], limit: 1, token: "killed-worker", leaseDuration: .milliseconds(400))
            let job = try #require(leased.first)
            #expect(job.name == "event:notifications.requested")
            struct Killed: Error {}
            await #expect(throws: Killed.self) {
                try await app.services.database.transaction { sql in
                    let row = NewNotification(id: UUID().uuidString.lowercased(), recipientID: ada.id, request: request, createdAt: Date())
                    _ = try await NotificationStore.insert([row], on: sql)
                    throw Killed()
                }
            }
            #expect(try await app.notificationItems(ada).isEmpty)

            // Its lease runs out; a second worker takes the job, delivers, and dies before recording success.
            app.clock.advance(by: 1)
            let again = try await app.services.jobs.claim(queues: ["events"], limit: 1, token: "second-worker", leaseDuration: .milliseconds(400))
            #expect(again.first?.id == job.id)
            #expect(try await app.notifications().deliver(request) == 2)

            // That lease runs out too; a live worker runs the job a third time: it succeeds and adds nothing.
            app.clock.advance(by: 1)
            let worker = JobWorker(
                queue: app.services.jobs, pubSub: app.services.pubSub,
                configuration: JobWorkerConfiguration(queues: ["events"], leaseDuration: .seconds(5), pollInterval: .milliseconds(50)),
                logger: TestDatabases.logger
            )
            let running = Task { try await worker.run() }
            defer { running.cancel() }
            try await withDeadline(.seconds(15), "the retried job to succeed") {
                while try await app.services.jobs.job(id: job.id)?.state != .succeeded { try await Task.sleep(for: .milliseconds(20)) }
            }
            #expect(try await app.services.jobs.job(id: job.id)?.attempts == 3)
            #expect(try await app.notificationItems(ada).count == 1)
            #expect(try await app.notificationItems(grace).count == 1)
        }
    }
}
