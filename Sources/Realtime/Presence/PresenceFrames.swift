import Foundation
import LyceumCore

/// The presence event on room topics.
enum PresenceFrames {
    /// Most changes one frame carries: a frame stays well under what crosses replicas inline (7,000 bytes).
    static let changesPerFrame = 40

    /// `presence.changed` (ephemeral): `{"changes": [{"userId", "status", "lastSeenAt"}, …]}` on the room's
    /// topic, every change of the room's members written in one pass, in frames of at most
    /// `changesPerFrame`: a thousand students arriving for a lecture cost each member a few frames, not a
    /// thousand.
    static func changed(_ changes: some Collection<PresenceChange>, in room: RoomID) -> RealtimeFrame {
        .event(topic: room.topic, seq: nil, event: "presence.changed", capacity: 64 + changes.count * 112) { writer in
            writer.beginObject()
            writer.key("changes")
            writer.beginArray()
            for change in changes {
                writer.beginObject()
                writer.key("userId")
                writer.string(change.userID)
                writer.key("status")
                writer.string(change.status.rawValue)
                writer.key("lastSeenAt")
                writer.date(change.lastSeenAt)
                writer.endObject()
            }
            writer.endArray()
            writer.endObject()
        }
    }
}
