import LyceumCore
import NIOCore

/// One server frame, encoded once: the same bytes go to every subscriber on every replica, into a room's
/// event log, and to a client that resumes after a reconnect.
///
/// An event frame reads `{"type":"event","topic":"room:…","seq":12,"event":"message.created","payload":{…}}`;
/// `seq` is the event's position in the topic's stream, present for stored events (the ones a client can
/// resume from) and absent for ephemeral ones (typing, presence).
public struct RealtimeFrame: Sendable, Equatable {
    /// The topic the frame is for.
    public let topic: String
    /// The event's position in the topic's stream, for stored events.
    public let seq: Int64?
    /// The frame's JSON text.
    public let text: String

    /// Wraps an already encoded frame (one read from the event log).
    public init(topic: String, seq: Int64?, text: String) {
        self.topic = topic
        self.seq = seq
        self.text = text
    }

    /// Encodes an event frame; `payload` writes the payload's value (an object, usually).
    public static func event(
        topic: String, seq: Int64?, event: String, capacity: Int = 256, payload: (inout JSONWriter) -> Void
    ) -> RealtimeFrame {
        var writer = JSONWriter(capacity: capacity)
        writer.beginObject()
        writer.key("type")
        writer.string("event")
        writer.key("topic")
        writer.string(topic)
        if let seq {
            writer.key("seq")
            writer.int(Int(seq))
        }
        writer.key("event")
        writer.string(event)
        writer.key("payload")
        payload(&writer)
        writer.endObject()
        return RealtimeFrame(topic: topic, seq: seq, text: String(buffer: writer.buffer))
    }
}
