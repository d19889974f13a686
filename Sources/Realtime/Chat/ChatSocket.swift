import Foundation
import LyceumContracts
import LyceumCore
import NIOCore

/// The `room:` topics on the socket: joining checks membership with `ChatService.join` and replays what the
/// client missed from the room's event log.
public struct ChatTopics: RealtimeTopics {
    let chat: ChatService

    /// Creates the topics over `chat`.
    public init(chat: ChatService) {
        self.chat = chat
    }

    public var prefix: String { RoomID.topicPrefix }

    public func join(_ principal: Principal, topic: String, since: Int64?) async throws -> TopicJoin {
        try await chat.join(principal, topic: topic, since: since)
    }

    public func storedFrame(topic: String, seq: Int64) async throws -> RealtimeFrame? {
        try await chat.storedFrame(topic: topic, seq: seq)
    }
}

/// The chat commands on the socket. Each names its room as the frame's `topic` (`room:<id>`); payloads
/// mirror the REST bodies, and each acknowledgement carries the JSON the REST call answers with:
///
/// | type | payload | ack payload |
/// | --- | --- | --- |
/// | `message.send` | `{"body", "replyTo"?, "attachmentIds"?}` | `{"message": {...}}` |
/// | `message.edit` | `{"messageId", "body"}` | `{"message": {...}}` |
/// | `message.delete` | `{"messageId"}` | none |
/// | `reaction.add`, `reaction.remove` | `{"messageId", "emoji"}` | `{"message": {...}}` |
/// | `room.read` | `{"seq"}` | `{"roomId", "lastReadSeq", "unread"}` |
/// | `messages.list` | `{"before"?, "limit"?}` | `{"items": [...], "nextBefore"}` (history, newest first) |
public struct ChatCommands: RealtimeCommands {
    let chat: ChatService

    /// Creates the commands over `chat`.
    public init(chat: ChatService) {
        self.chat = chat
    }

    public var types: [String] { ["message.send", "message.edit", "message.delete", "reaction.add", "reaction.remove", "room.read", "messages.list"] }

    struct Send: Decodable {
        let body: String
        let replyTo: String?
        let attachmentIds: [String]?
    }

    struct Edit: Decodable {
        let messageId: String
        let body: String
    }

    struct Delete: Decodable {
        let messageId: String
    }

    struct Reaction: Decodable {
        let messageId: String
        let emoji: String
    }

    struct Read: Decodable {
        let seq: Int64
    }

    struct History: Decodable {
        let before: Int64?
        let limit: Int?
    }

    public func handle(_ command: RealtimeCommand) async throws -> ByteBuffer? {
        let topic = try command.requireTopic()
        guard let room = RoomID(topic: topic) else { throw ChatErrors.roomNotFound }
        let caller = command.principal
        switch command.type {
        case "message.send":
            let payload = try command.payload(Send.self)
            return JSONWriter.encode(MessageEnvelope(try await chat.send(
                caller, room.text, body: payload.body, replyTo: payload.replyTo, attachmentIds: payload.attachmentIds ?? []
            )))
        case "message.edit":
            let payload = try command.payload(Edit.self)
            return JSONWriter.encode(MessageEnvelope(try await chat.edit(caller, room.text, messageID: payload.messageId, body: payload.body)))
        case "message.delete":
            try await chat.delete(caller, room.text, messageID: try command.payload(Delete.self).messageId)
            return nil
        case "reaction.add", "reaction.remove":
            let payload = try command.payload(Reaction.self)
            let message =
                command.type == "reaction.add"
                ? try await chat.react(caller, room.text, messageID: payload.messageId, emoji: payload.emoji)
                : try await chat.unreact(caller, room.text, messageID: payload.messageId, emoji: payload.emoji)
            return JSONWriter.encode(MessageEnvelope(message))
        case "room.read":
            return JSONWriter.encode(try await chat.markRead(caller, room.text, seq: try command.payload(Read.self).seq))
        case "messages.list":
            let query = try command.optionalPayload(History.self) ?? History(before: nil, limit: nil)
            let limit = try ChatRules.pageSize(query.limit.map(String.init))
            let before = try ChatRules.before(query.before.map(String.init))
            return JSONWriter.encode(MessagePageView(try await chat.messages(caller, room.text, before: before, limit: limit)))
        default:
            throw AppError.badRequest("unknown_command", "This server does not know that command.")
        }
    }
}

/// `{"message": {...}}`: one message, as REST answers and socket commands acknowledge.
public struct MessageEnvelope: Codable, Equatable, JSONWritable, Sendable {
    public let message: ChatMessage

    /// Wraps a message.
    public init(_ message: ChatMessage) {
        self.message = message
    }

    public func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("message")
        writer.value(message)
        writer.endObject()
    }
}
