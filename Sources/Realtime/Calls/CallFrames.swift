import Foundation
import LyceumCore
import NIOCore

/// The event frames of calls, all ephemeral (no `seq`): a client that reconnects reads the call again
/// (subscribing to `call:<id>` answers it) instead of replaying events.
///
/// On `call:<id>`: `call.participant.joined` `{"callId", "userId", "displayName"}`, `call.participant.left`
/// and `call.declined` `{"callId", "userId"}`, `call.ended` `{"call"}`. On `room:<id>`: `call.started` and
/// `call.ended` `{"call"}`. On `user:<id>`: `call.ringing` `{"call", "from": {"userId", "displayName"}}`,
/// `call.ringing.ended` `{"callId", "reason"}` and `call.signal` `{"callId", "from", "kind", "data"}`.
enum CallFrames {
    /// The prefix of every call's topic.
    static let topicPrefix = "call:"

    static func topic(_ callID: String) -> String { topicPrefix + callID }

    /// `call.started` or `call.ended` on the room's topic, or `call.ended` on the call's.
    static func call(_ call: Call, event: String, topic: String) -> RealtimeFrame {
        RealtimeFrame.event(topic: topic, seq: nil, event: event, capacity: 512 + call.participants.count * 160) { writer in
            writer.value(CallEnvelope(call))
        }
    }

    static func ringing(_ call: Call, to userID: String, from caller: String, name: String) -> RealtimeFrame {
        RealtimeFrame.event(topic: UserTopics.topic(of: userID), seq: nil, event: "call.ringing", capacity: 640 + call.participants.count * 160) { writer in
            writer.beginObject()
            writer.key("call")
            writer.value(call)
            writer.key("from")
            writer.beginObject()
            writer.key("userId")
            writer.string(caller)
            writer.key("displayName")
            writer.string(name)
            writer.endObject()
            writer.endObject()
        }
    }

    /// Tells the user's other tabs to stop ringing: `reason` is `accepted`, `declined` or `ended`.
    static func ringingEnded(_ callID: String, userID: String, reason: String) -> RealtimeFrame {
        RealtimeFrame.event(topic: UserTopics.topic(of: userID), seq: nil, event: "call.ringing.ended") { writer in
            writer.beginObject()
            writer.key("callId")
            writer.string(callID)
            writer.key("reason")
            writer.string(reason)
            writer.endObject()
        }
    }

    static func joined(_ callID: String, userID: String, name: String) -> RealtimeFrame {
        RealtimeFrame.event(topic: topic(callID), seq: nil, event: "call.participant.joined") { writer in
            writer.beginObject()
            writer.key("callId")
            writer.string(callID)
            writer.key("userId")
            writer.string(userID)
            writer.key("displayName")
            writer.string(name)
            writer.endObject()
        }
    }

    /// `call.participant.left` or `call.declined`.
    static func participant(_ callID: String, userID: String, event: String) -> RealtimeFrame {
        RealtimeFrame.event(topic: topic(callID), seq: nil, event: event) { writer in
            writer.beginObject()
            writer.key("callId")
            writer.string(callID)
            writer.key("userId")
            writer.string(userID)
            writer.endObject()
        }
    }

    /// `call.signal` for `to`, with `data` written as the sender's JSON bytes.
    static func signal(_ callID: String, from sender: String, to recipient: String, kind: String, data: ByteBuffer) -> RealtimeFrame {
        RealtimeFrame.event(topic: UserTopics.topic(of: recipient), seq: nil, event: "call.signal", capacity: 256 + data.readableBytes) { writer in
            writer.beginObject()
            writer.key("callId")
            writer.string(callID)
            writer.key("from")
            writer.string(sender)
            writer.key("kind")
            writer.string(kind)
            writer.key("data")
            writer.raw(data)
            writer.endObject()
        }
    }
}
