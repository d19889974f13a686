import Community
import Foundation
import HTTPTypes
import LyceumApp
import LyceumContracts
import LyceumCore
import LyceumPlatform
import Synchronization
import Testing

/// Records every `NotificationRequested` that reaches the outbox, by subscribing a test handler to it (the
/// Notifications module may not subscribe in every build), and reads the outbox jobs it leaves.
final class NotificationRecorder: Sendable {
    static let subscriber = "test.notification-recorder"
    private let received = Mutex<[NotificationRequested]>([])
    let app: TestApp

    init(_ app: TestApp) {
        self.app = app
        app.services.jobs.registry.subscribe(NotificationRequested.self, as: Self.subscriber) { [self] event, _ in
            self.received.withLock { $0.append(event) }
        }
    }

    /// The outbox jobs written for the recorder so far (one per published event), whatever their state.
    func outboxJobs() async throws -> [JobRecord] {
        try await app.services.jobs.list(limit: 500).filter { $0.name == "event:\(Self.subscriber)" }
    }

    /// The delivered request with `sourceKey`, waiting up to ten seconds for the worker to run its job.
    func request(_ sourceKey: String) async throws -> NotificationRequested? {
        let deadline = ContinuousClock.now + .seconds(10)
        while ContinuousClock.now < deadline {
            if let found = received.withLock({ $0.first { $0.sourceKey == sourceKey } }) { return found }
            try await Task.sleep(for: .milliseconds(20))
        }
        return nil
    }

    /// Every delivered request so far.
    var all: [NotificationRequested] { received.withLock { $0 } }
}

extension TestApp {
    /// Creates a group through the API and returns its id.
    func createGroup(_ owner: APIUser, name: String = "Group \(UUID().uuidString.prefix(6))", extra: [String: any Sendable] = [:]) async throws -> String {
        var fields: [String: any Sendable] = ["name": name, "description": "We study together."]
        fields.merge(extra) { _, new in new }
        let reply = try await request(.post, "/api/v1/groups", json: fields, token: owner.accessToken)
        try #require(reply.status == .created, "group creation failed: \(reply.text)")
        return try #require((reply.json["group"] as? [String: Any])?["id"] as? String)
    }

    /// Waits until no job of `name` is due, running or retrying (the worker has run it), for up to ten seconds.
    func waitForJobs(named name: String) async throws {
        let deadline = ContinuousClock.now + .seconds(10)
        while ContinuousClock.now < deadline {
            let busy = try await services.jobs.list(limit: 500).filter {
                $0.name == name && [.queued, .running, .retrying].contains($0.state) && $0.runAt <= clock.wallClock.nowForStorage()
            }
            if busy.isEmpty { return }
            try await Task.sleep(for: .milliseconds(20))
        }
        Issue.record("jobs named \(name) did not finish in time")
    }

    /// Wakes the job workers (a job enqueued now signals them), e.g. after moving the test clock past a delayed job.
    func wakeWorkers() async throws {
        try await services.jobs.enqueue(ProbeJob(holdMilliseconds: 0))
    }
}

extension Reply {
    /// `items` of a list response, as ids.
    var itemIDs: [String] { (json["items"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String } }
}
