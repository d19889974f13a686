import Foundation
import LyceumCore

/// Where a user stands in a call.
public enum CallParticipantState: String, Sendable, Codable, CaseIterable {
    /// Rung and not answered yet.
    case invited
    /// In the call, on one connection.
    case joined
    /// Refused the ring.
    case declined
    /// Was in the call and left (or their connection closed).
    case left
    /// Was rung and never answered before the call ended.
    case missed
}

/// One user of a call as every member of the room sees them.
public struct CallParticipant: Sendable, Equatable, JSONWritable {
    public let userId: String
    public let displayName: String
    public let state: CallParticipantState
    /// When they last joined; `nil` if they never did.
    public let joinedAt: Date?
    /// When they last left; `nil` while joined or if they never joined.
    public let leftAt: Date?

    public func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("userId")
        writer.string(userId)
        writer.key("displayName")
        writer.string(displayName)
        writer.key("state")
        writer.string(state.rawValue)
        writer.key("joinedAt")
        if let joinedAt { writer.date(joinedAt) } else { writer.null() }
        writer.key("leftAt")
        if let leftAt { writer.date(leftAt) } else { writer.null() }
        writer.endObject()
    }
}

/// A call in a chat room: `{"id", "roomId", "startedBy", "startedAt", "endedAt", "endReason",
/// "durationSeconds", "participants"}`, the same value in REST answers, acknowledgements and events.
public struct Call: Sendable, Equatable, JSONWritable {
    public let id: String
    public let roomId: String
    public let startedBy: String
    public let startedAt: Date
    /// `nil` while the call is active.
    public let endedAt: Date?
    /// Why it ended: `ended` (someone ended it), `empty` (the last participant left), `stale` (the last
    /// participants' replica stopped answering); `nil` while active.
    public let endReason: String?
    /// Everyone rung or joined, in the order they were first rung or joined.
    public let participants: [CallParticipant]

    /// Whole seconds from start to end, once ended.
    public var durationSeconds: Int? {
        endedAt.map { Int($0.timeIntervalSince(startedAt).rounded(.down)) }
    }

    /// The participants joined now.
    public var joined: [CallParticipant] { participants.filter { $0.state == .joined } }

    public func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("id")
        writer.string(id)
        writer.key("roomId")
        writer.string(roomId)
        writer.key("startedBy")
        writer.string(startedBy)
        writer.key("startedAt")
        writer.date(startedAt)
        writer.key("endedAt")
        if let endedAt { writer.date(endedAt) } else { writer.null() }
        writer.key("endReason")
        writer.string(endReason)
        writer.key("durationSeconds")
        if let durationSeconds { writer.int(durationSeconds) } else { writer.null() }
        writer.key("participants")
        writer.beginArray()
        for participant in participants { writer.value(participant) }
        writer.endArray()
        writer.endObject()
    }
}

/// `{"call": {...}}`: how REST answers one call and call commands acknowledge.
public struct CallEnvelope: Sendable, Equatable, JSONWritable {
    public let call: Call

    /// Wraps a call.
    public init(_ call: Call) {
        self.call = call
    }

    public func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("call")
        writer.value(call)
        writer.endObject()
    }
}

/// A page of a room's calls, newest first.
public struct CallPage: Sendable, Equatable, JSONWritable {
    public let items: [Call]
    /// Pass as `before` for the next (older) page; `nil` on the last page.
    public let nextBefore: String?

    public func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("items")
        writer.beginArray()
        for call in items { writer.value(call) }
        writer.endArray()
        writer.key("nextBefore")
        writer.string(nextBefore)
        writer.endObject()
    }
}
