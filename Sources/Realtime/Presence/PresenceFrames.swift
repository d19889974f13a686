import Foundation
import LyceumCore

/// The presence event on room topics.
enum PresenceFrames {
    /// `presence.changed` (ephemeral): `{"userId", "status", "lastSeenAt"}` on the room's topic.
    static func changed(_ change: PresenceChange, in room: RoomID) -> RealtimeFrame {
        .event(topic: room.topic, seq: nil, event: "presence.changed") { writer in
            writer.beginObject()
            writer.key("userId")
            writer.string(change.userID)
            writer.key("status")
            writer.string(change.status.rawValue)
            writer.key("lastSeenAt")
            writer.date(change.lastSeenAt)
            writer.endObject()
        }
    }
}
