import Foundation
import LyceumCore

/// The event frames of a room, encoded once for every subscriber, the event log and resumes.
///
/// Stored events (with `seq`): `message.created` and `message.edited` carry the message as REST returns it,
/// `message.deleted` `{"id", "roomId", "deletedAt"}`, `reaction.added` and `reaction.removed`
/// `{"messageId", "emoji", "userId", "reactions"}` with the message's reactions after the change.
/// Ephemeral (no `seq`): `room.read` `{"userId", "lastReadSeq"}` when a member moves their read mark.
enum ChatFrames {
    static func message(_ message: ChatMessage, event: String, seq: Int64) -> RealtimeFrame {
        RealtimeFrame.event(topic: "room:\(message.roomId)", seq: seq, event: event, capacity: 512 + message.body.utf8.count * 2) { writer in
            writer.value(message)
        }
    }

    static func deleted(_ room: RoomID, messageID: String, at: Date, seq: Int64) -> RealtimeFrame {
        RealtimeFrame.event(topic: room.topic, seq: seq, event: "message.deleted") { writer in
            writer.beginObject()
            writer.key("id")
            writer.string(messageID)
            writer.key("roomId")
            writer.string(room.text)
            writer.key("deletedAt")
            writer.date(at)
            writer.endObject()
        }
    }

    static func reaction(
        _ room: RoomID, event: String, messageID: String, emoji: String, userID: String, reactions: [ChatReaction], seq: Int64
    ) -> RealtimeFrame {
        RealtimeFrame.event(topic: room.topic, seq: seq, event: event) { writer in
            writer.beginObject()
            writer.key("messageId")
            writer.string(messageID)
            writer.key("emoji")
            writer.string(emoji)
            writer.key("userId")
            writer.string(userID)
            writer.key("reactions")
            writer.beginArray()
            for reaction in reactions { writer.value(reaction) }
            writer.endArray()
            writer.endObject()
        }
    }

    static func read(_ room: RoomID, userID: String, lastReadSeq: Int64) -> RealtimeFrame {
        RealtimeFrame.event(topic: room.topic, seq: nil, event: "room.read") { writer in
            writer.beginObject()
            writer.key("userId")
            writer.string(userID)
            writer.key("lastReadSeq")
            writer.int(Int(lastReadSeq))
            writer.endObject()
        }
    }
}
