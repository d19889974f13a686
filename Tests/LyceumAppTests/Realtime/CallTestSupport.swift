import Foundation
import HTTPTypes
import LyceumCore
import Testing

/// One user's socket in a call test: sends commands and waits for their answer, keeping the events that
/// arrive meanwhile for later `event` calls, so nothing the test looks for is lost to ordering.
final class CallClient {
    let socket: TestSocket
    let user: APIUser
    private var pending: [[String: any Sendable]] = []
    private var counter = 0

    init(_ app: TestApp, _ user: APIUser) async throws {
        self.socket = try await app.signedInSocket(user)
        self.user = user
    }

    /// Sends a command and answers its reply, `ack` or `error`.
    func send(_ type: String, topic: String, payload: [String: any Sendable]? = nil) async throws -> [String: any Sendable] {
        counter += 1
        let id = "c\(counter)"
        var frame: [String: any Sendable] = ["type": type, "id": id, "topic": topic]
        if let payload { frame["payload"] = payload }
        try await socket.send(json: frame)
        return try await take { $0["id"] as? String == id }
    }

    /// Sends a command that must succeed and answers the acknowledgement's payload.
    @discardableResult
    func ack(_ type: String, topic: String, payload: [String: any Sendable]? = nil) async throws -> [String: Any] {
        let reply = try await send(type, topic: topic, payload: payload)
        try #require(reply["type"] as? String == "ack", "\(type) failed: \(reply)")
        return reply["payload"] as? [String: Any] ?? [:]
    }

    /// Sends a command that must fail and answers the error's code.
    func refused(_ type: String, topic: String, payload: [String: any Sendable]? = nil) async throws -> String? {
        let reply = try await send(type, topic: topic, payload: payload)
        #expect(reply["type"] as? String == "error", "\(type) was not refused: \(reply)")
        return (reply["payload"] as? [String: Any])?["code"] as? String
    }

    /// The payload of the next event `name` (on `topic`, when given).
    func event(_ name: String, on topic: String? = nil, timeout: Duration = .seconds(10)) async throws -> [String: Any] {
        let frame = try await take(timeout: timeout) { $0["event"] as? String == name && (topic == nil || $0["topic"] as? String == topic) }
        return frame["payload"] as? [String: Any] ?? [:]
    }

    /// Whether an event `name` arrived and was kept, without waiting.
    func hasPending(_ name: String) -> Bool {
        pending.contains { $0["event"] as? String == name }
    }

    private func take(timeout: Duration = .seconds(10), _ match: ([String: any Sendable]) -> Bool) async throws -> [String: any Sendable] {
        if let index = pending.firstIndex(where: match) { return pending.remove(at: index) }
        while true {
            let message = try await socket.nextMessage(timeout: timeout)
            if match(message) { return message }
            pending.append(message)
        }
    }
}

extension TestApp {
    /// A direct conversation between the users, opened by the first.
    func directRoom(_ users: [APIUser]) async throws -> String {
        let opened = try await request(.post, "/api/v1/rooms", json: ["memberIds": users.dropFirst().map(\.id)], token: users[0].accessToken)
        try #require(opened.status.code < 300, "could not open the room: \(opened.text)")
        return try #require((opened.json["room"] as? [String: Any])?["id"] as? String)
    }

    /// The call as `user` reads it through REST.
    func callJSON(_ callID: String, as user: APIUser) async throws -> [String: Any] {
        let reply = try await request(.get, "/api/v1/calls/\(callID)", token: user.accessToken)
        try #require(reply.status == .ok, "could not read the call: \(reply.text)")
        return try #require(reply.json["call"] as? [String: Any])
    }
}

/// The state of each participant of a call's JSON, by user id.
func participantStates(_ call: [String: Any]) -> [String: String] {
    var states: [String: String] = [:]
    for participant in call["participants"] as? [[String: Any]] ?? [] {
        if let user = participant["userId"] as? String { states[user] = participant["state"] as? String }
    }
    return states
}

/// `value` as JSON text with sorted keys, for comparing parsed values.
func canonicalJSON(_ value: Any) throws -> String {
    String(decoding: try JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .fragmentsAllowed]), as: UTF8.self)
}
