import Foundation
import HTTPTypes
import LyceumApp
import LyceumContracts
import LyceumPlatform
import Notifications
import Testing

extension TestApp {
    /// The Notifications service, as its module published it.
    func notifications() throws -> NotificationsService { try services.require(NotificationsService.self) }

    /// Publishes `request` through the outbox in a transaction of its own, as a domain does with its cause.
    func requestNotification(_ request: NotificationRequested) async throws {
        try await services.database.transaction { sql in try await services.jobs.publish(request, on: sql) }
    }

    /// Waits until the events queue has no job left to run (delivery is a job, after the cause commits).
    func eventsDelivered() async throws {
        let deadline = ContinuousClock.now + .seconds(15)
        while ContinuousClock.now < deadline {
            let pending = try await services.jobs.summary().filter { $0.queue == "events" }
                .reduce(0) { $0 + $1.due + $1.scheduled + $1.running + $1.retrying }
            if pending == 0 { return }
            try await Task.sleep(for: .milliseconds(20))
        }
        Issue.record("the events queue did not drain")
    }

    /// The user's notifications through the API (first page of up to 100).
    func notificationItems(_ user: APIUser, unreadOnly: Bool = false) async throws -> [[String: Any]] {
        let reply = try await request(.get, "/api/v1/me/notifications?limit=100\(unreadOnly ? "&unread=true" : "")", token: user.accessToken)
        try #require(reply.status == .ok, "listing failed: \(reply.text)")
        return reply.items
    }

    /// The user's unread count through the API.
    func unreadCount(_ user: APIUser) async throws -> Int {
        let reply = try await request(.get, "/api/v1/me/notifications/unread-count", token: user.accessToken)
        return try #require(reply.json["unreadCount"] as? Int, "no count in \(reply.text)")
    }
}

extension NotificationRequested {
    /// A request for tests: a reply in a thread by `actor`.
    static func reply(to recipients: [String], by actor: String?, key: String = "reply:\(UUID().uuidString)", title: String = "Ada replied to “Limits”")
        -> NotificationRequested
    {
        NotificationRequested(
            recipientIDs: recipients, kind: .reply, title: title, body: "I think the limit is 1.", link: "/threads/t1", actorID: actor,
            sourceKey: key
        )
    }
}
