import Foundation
import LyceumContracts
import LyceumCore
import NIOCore

/// The `call:` topics: a member of the call's room may follow an active or ended call; the acknowledgement's
/// details carry `{"call": {...}}`. Events are ephemeral, so there is no position to resume from.
struct CallTopics: RealtimeTopics {
    let calls: CallService

    var prefix: String { CallFrames.topicPrefix }

    func join(_ principal: Principal, topic: String, since: Int64?) async throws -> TopicJoin {
        try await calls.join(principal, topic: topic)
    }

    /// A signal too large for `NOTIFY`, published by reference on the call's topic; the frame answered is for
    /// the recipient's `user:` topic, where the hub delivers it.
    func storedFrame(topic: String, seq: Int64) async throws -> RealtimeFrame? {
        try await calls.storedSignal(topic: topic, number: seq)
    }
}

/// The call commands on the socket. `call.start` names the room (`room:<id>`) as its topic, the others the
/// call (`call:<id>`):
///
/// | type | payload | ack payload |
/// | --- | --- | --- |
/// | `call.start` | `{"invite"?: [userId]}` | `{"call": {...}}` |
/// | `call.ring` | `{"userIds": [userId]}` | `{"call": {...}}` |
/// | `call.accept` | none | `{"call": {...}}` |
/// | `call.decline`, `call.leave`, `call.end` | none | none |
/// | `call.signal` | `{"to", "kind", "data"}` | none |
struct CallCommands: RealtimeCommands {
    let calls: CallService

    var types: [String] { ["call.start", "call.ring", "call.accept", "call.decline", "call.leave", "call.end", "call.signal"] }

    struct Start: Decodable {
        let invite: [String]?
    }

    /// `call.start`'s frame, whose payload may be absent.
    struct StartFrame: Decodable {
        let payload: Start?
    }

    struct Ring: Decodable {
        let userIds: [String]
    }

    struct Signal: Decodable {
        let to: String
        let kind: String
    }

    func handle(_ command: RealtimeCommand) async throws -> ByteBuffer? {
        let topic = try command.requireTopic()
        let caller = command.principal
        if command.type == "call.start" {
            guard let room = RoomID(topic: topic) else { throw ChatErrors.roomNotFound }
            guard let frame = try? JSONDecoder().decode(StartFrame.self, from: command.frame) else {
                throw AppError(status: 422, code: "invalid_payload", message: "call.start takes {\"invite\"?: [\"<userId>\", ...]}.")
            }
            let call = try await calls.start(caller, roomID: room.text, invite: frame.payload?.invite, connectionID: command.connectionID)
            return JSONWriter.encode(CallEnvelope(call))
        }
        guard topic.hasPrefix(CallFrames.topicPrefix) else { throw CallErrors.notFound }
        let callID = String(topic.dropFirst(CallFrames.topicPrefix.count))
        switch command.type {
        case "call.ring":
            return JSONWriter.encode(CallEnvelope(try await calls.ring(caller, callID: callID, userIDs: try command.payload(Ring.self).userIds)))
        case "call.accept":
            return JSONWriter.encode(CallEnvelope(try await calls.accept(caller, callID: callID, connectionID: command.connectionID)))
        case "call.decline":
            try await calls.decline(caller, callID: callID)
        case "call.leave":
            try await calls.leave(caller, callID: callID)
        case "call.end":
            try await calls.end(caller, callID: callID)
        case "call.signal":
            let signal = try command.payload(Signal.self)
            guard let data = JSONMember.value(at: ["payload", "data"], in: command.frame) else {
                throw AppError(status: 422, code: "invalid_payload", message: "call.signal takes {\"to\", \"kind\", \"data\"}.")
            }
            try await calls.signal(
                caller, callID: callID, connectionID: command.connectionID, to: signal.to, kind: signal.kind, data: ByteBuffer(bytes: data)
            )
        default:
            throw AppError.badRequest("unknown_command", "This server does not know that command.")
        }
        return nil
    }
}
