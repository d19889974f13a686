import Foundation
import HTTPTypes
import LyceumApp
import LyceumContracts
import LyceumCore
import LyceumPlatform
@testable import Realtime
import Synchronization
import Testing

/// Records what chat hands the socket hub: every published frame and every ended subscription, in order.
final class RecordingPublisher: RealtimePublisher {
    struct Ended: Equatable {
        let userID: String
        let topic: String
        let reason: String
    }

    private let state = Mutex<(frames: [RealtimeFrame], ended: [Ended])>(([], []))

    func publish(_ frame: RealtimeFrame) async {
        state.withLock { $0.frames.append(frame) }
    }

    func endSubscriptions(userID: String, topic: String, reason: String) async {
        state.withLock { $0.ended.append(Ended(userID: userID, topic: topic, reason: reason)) }
    }

    var frames: [RealtimeFrame] { state.withLock { $0.frames } }
    var ended: [Ended] { state.withLock { $0.ended } }

    /// The published frames of stored events (with a `seq`) on `topic`.
    func stored(on topic: String) -> [RealtimeFrame] { frames.filter { $0.topic == topic && $0.seq != nil } }

    /// Waits until `condition` holds for the ended subscriptions, for up to ten seconds (the handler is a job).
    func waitForEnded(_ condition: @escaping @Sendable ([Ended]) -> Bool) async throws {
        try await withDeadline(.seconds(10), "the ended subscriptions") {
            while !condition(self.ended) { try await Task.sleep(for: .milliseconds(20)) }
        }
    }
}

extension RealtimeFrame {
    /// The frame's JSON as an object.
    var json: [String: Any] { (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:] }
    /// `event` of an event frame.
    var event: String? { json["event"] as? String }
    /// `payload` of an event frame.
    var payload: [String: Any] { json["payload"] as? [String: Any] ?? [:] }
}

extension TestApp {
    /// The chat service as the module built it (its publisher is the module's).
    func chat() throws -> ChatService { try services.require(ChatService.self) }

    /// A chat service on the app's database and directories that publishes to `publisher`, with `sendBudget`.
    func chat(publishingTo publisher: any RealtimePublisher, sendBudget: RateBudget? = nil) throws -> ChatService {
        try ChatService(context: services.context, publisher: publisher, sendBudget: sendBudget)
    }

    /// Sends a message through the API and answers its JSON.
    @discardableResult
    func sendChat(_ room: String, as user: APIUser, _ body: String = "Hello, room.", replyTo: String? = nil) async throws -> [String: Any] {
        var fields: [String: any Sendable] = ["body": body]
        if let replyTo { fields["replyTo"] = replyTo }
        let sent = try await request(.post, "/api/v1/rooms/\(room)/messages", json: fields, token: user.accessToken)
        try #require(sent.status == .created, "send failed: \(sent.text)")
        return try #require(sent.json["message"] as? [String: Any])
    }

    /// The caller's room list entry for `room`, if listed.
    func roomEntry(_ room: String, as user: APIUser) async throws -> [String: Any]? {
        let list = try await request(.get, "/api/v1/rooms", token: user.accessToken)
        try #require(list.status == .ok, "room list failed: \(list.text)")
        return (list.json["items"] as? [[String: Any]] ?? []).first { $0["id"] as? String == room }
    }
}

extension Principal {
    /// The principal of a test user with `role`.
    static func of(_ user: APIUser, role: Role = .student) -> Principal {
        Principal(userID: user.id, role: role, sessionID: "test")
    }
}
