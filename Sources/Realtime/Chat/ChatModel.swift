import Foundation
import LyceumContracts
import LyceumCore

/// What a room belongs to, and so who may be in it.
public enum RoomKind: String, Sendable, Codable, CaseIterable {
    /// A course's room: its active students and its staff (drafts: staff only).
    case course
    /// A study group's room: its members.
    case group
    /// A direct conversation between 2 to 20 users.
    case direct
}

/// A room's id as clients see it: `course-<courseId>`, `group-<groupId>` or `dm-<uuid>`, and its topic
/// `room:<id>` on the socket. Course and group rooms need no row to be named: the row is made on first use.
public struct RoomID: Sendable, Hashable, CustomStringConvertible {
    /// The kind of room.
    public let kind: RoomKind
    /// The course or group id, or the direct conversation's own id.
    public let scope: String

    /// Longest scope accepted; ids are UUIDs, so anything longer names no room.
    static let scopeLimit = 64

    /// The room of a course.
    public static func course(_ courseID: String) -> RoomID { RoomID(kind: .course, scope: courseID) }
    /// The room of a study group.
    public static func group(_ groupID: String) -> RoomID { RoomID(kind: .group, scope: groupID) }

    init(kind: RoomKind, scope: String) {
        self.kind = kind
        self.scope = scope
    }

    /// Parses a room id; `nil` for anything that cannot name a room (unknown prefix, characters lowercase ids
    /// never have), which callers answer as 404 so that no input reaches a query it could break. Each room has
    /// one name, so a topic string names one stream.
    public init?(_ text: String) {
        let kind: RoomKind
        let scope: Substring
        if text.hasPrefix("course-") {
            (kind, scope) = (.course, text.dropFirst(7))
        } else if text.hasPrefix("group-") {
            (kind, scope) = (.group, text.dropFirst(6))
        } else if text.hasPrefix("dm-") {
            (kind, scope) = (.direct, text.dropFirst(3))
        } else {
            return nil
        }
        guard !scope.isEmpty, scope.utf8.count <= Self.scopeLimit,
            scope.utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x61 && $0 <= 0x7A) || $0 == 0x2D })
        else { return nil }
        self.init(kind: kind, scope: String(scope))
    }

    /// Parses a topic `room:<id>`.
    public init?(topic: String) {
        guard topic.hasPrefix(Self.topicPrefix) else { return nil }
        self.init(String(topic.dropFirst(Self.topicPrefix.count)))
    }

    /// The prefix of every room's topic.
    public static let topicPrefix = "room:"

    /// The id clients use.
    public var text: String {
        switch kind {
        case .course: "course-\(scope)"
        case .group: "group-\(scope)"
        case .direct: "dm-\(scope)"
        }
    }

    /// The socket topic of the room.
    public var topic: String { Self.topicPrefix + text }

    public var description: String { text }
}

/// Everyone who reacted to a message with one emoji: `{"emoji", "count", "userIds"}`.
public struct ChatReaction: Sendable, Equatable, Codable, JSONWritable {
    /// The emoji (or short text) of the reaction.
    public let emoji: String
    /// Who reacted with it, in the order they did.
    public let userIds: [String]
    /// How many reacted with it.
    public var count: Int { userIds.count }

    /// Creates a reaction summary.
    public init(emoji: String, userIds: [String]) {
        self.emoji = emoji
        self.userIds = userIds
    }

    private enum CodingKeys: String, CodingKey { case emoji, count, userIds }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        emoji = try container.decode(String.self, forKey: .emoji)
        userIds = try container.decode([String].self, forKey: .userIds)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(emoji, forKey: .emoji)
        try container.encode(count, forKey: .count)
        try container.encode(userIds, forKey: .userIds)
    }

    public func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("emoji")
        writer.string(emoji)
        writer.key("count")
        writer.int(count)
        writer.key("userIds")
        writer.beginArray()
        for user in userIds { writer.string(user) }
        writer.endArray()
        writer.endObject()
    }
}

/// A file on a message, as the message carries it: `{"id", "filename", "size", "contentType", "contentPath"}`.
/// `contentPath` redirects a member (bearer token) to a short-lived signed link.
public struct ChatAttachment: Sendable, Equatable, Codable, JSONWritable {
    /// The upload's id.
    public let id: String
    public let filename: String
    /// Its size in bytes.
    public let size: Int64
    /// Its media type, decided by Media from its bytes.
    public let contentType: String
    public let contentPath: String

    /// Creates the description of upload `id`.
    public init(id: String, filename: String, size: Int64, contentType: String) {
        self.id = id
        self.filename = filename
        self.size = size
        self.contentType = contentType
        contentPath = "/api/v1/uploads/\(id)/content"
    }

    public func write(to writer: inout JSONWriter) {
        writer.attachment(id: id, filename: filename, size: size, contentType: contentType, contentPath: contentPath)
    }
}

/// One message as every member sees it: the same value goes into the REST answers and into the event frames
/// (so it carries nothing that depends on who looks). A deleted message stays as a tombstone with its
/// text removed, so replies and the stream keep their places.
public struct ChatMessage: Sendable, Equatable, Codable, JSONWritable {
    public let id: String
    public let roomId: String
    /// The `seq` of the event that created it: its position in the room.
    public let seq: Int64
    public let authorId: String
    public let authorName: String
    /// The Markdown source; empty once deleted.
    public let body: String
    /// The safe HTML rendered from `body`; empty once deleted.
    public let bodyHtml: String
    /// The message it answers, in the same room.
    public let replyTo: String?
    public let createdAt: Date
    public let editedAt: Date?
    public let deletedAt: Date?
    public let reactions: [ChatReaction]
    /// Its files (at most 5); none once deleted.
    public let attachments: [ChatAttachment]

    /// Creates a message value.
    public init(
        id: String, roomId: String, seq: Int64, authorId: String, authorName: String, body: String, bodyHtml: String, replyTo: String?,
        createdAt: Date, editedAt: Date?, deletedAt: Date?, reactions: [ChatReaction], attachments: [ChatAttachment] = []
    ) {
        self.id = id
        self.roomId = roomId
        self.seq = seq
        self.authorId = authorId
        self.authorName = authorName
        self.body = body
        self.bodyHtml = bodyHtml
        self.replyTo = replyTo
        self.createdAt = createdAt
        self.editedAt = editedAt
        self.deletedAt = deletedAt
        self.reactions = reactions
        self.attachments = attachments
    }

    public func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("id")
        writer.string(id)
        writer.key("roomId")
        writer.string(roomId)
        writer.key("seq")
        writer.int(Int(seq))
        writer.key("authorId")
        writer.string(authorId)
        writer.key("authorName")
        writer.string(authorName)
        writer.key("body")
        writer.string(body)
        writer.key("bodyHtml")
        writer.string(bodyHtml)
        writer.key("replyTo")
        writer.string(replyTo)
        writer.key("createdAt")
        writer.date(createdAt)
        writer.key("editedAt")
        if let editedAt { writer.date(editedAt) } else { writer.null() }
        writer.key("deletedAt")
        if let deletedAt { writer.date(deletedAt) } else { writer.null() }
        writer.key("reactions")
        writer.beginArray()
        for reaction in reactions { writer.value(reaction) }
        writer.endArray()
        writer.key("attachments")
        writer.beginArray()
        for attachment in attachments { writer.value(attachment) }
        writer.endArray()
        writer.endObject()
    }
}

/// The newest message of a room, for the room list.
public struct ChatMessagePreview: Sendable, Equatable, Codable {
    public let id: String
    public let seq: Int64
    public let authorId: String
    public let authorName: String
    /// The start of the Markdown source, at most `ChatRules.previewLength` characters.
    public let text: String
    public let createdAt: Date
}

/// One room in the caller's list.
public struct ChatRoomSummary: Sendable, Equatable {
    public let id: String
    public let kind: RoomKind
    /// The course's title, the group's name, or the other members' names.
    public let title: String
    /// The position of the room's newest event (0 before anything happened).
    public let lastSeq: Int64
    /// Messages after the caller's read mark, by others, not deleted.
    public let unread: Int
    public let lastMessage: ChatMessagePreview?
}

/// A member of a room as the room's detail lists them.
public struct ChatMember: Sendable, Equatable, Codable {
    public let id: String
    public let displayName: String
    /// Course staff (owner, co-instructors, assistants); `false` in group and direct rooms.
    public let staff: Bool
    /// Whether the course's staff muted them in this room.
    public let muted: Bool
}

/// A room and where the caller stands in it.
public struct ChatRoomDetail: Sendable, Equatable {
    public let id: String
    public let kind: RoomKind
    public let title: String
    public let lastSeq: Int64
    /// The caller's read mark.
    public let lastReadSeq: Int64
    public let unread: Int
    /// Whether the caller is muted here.
    public let muted: Bool
    /// Whether the caller may delete others' messages and mute members (course staff and admins).
    public let moderates: Bool
    public let members: [ChatMember]
}

/// A page of history, newest first.
public struct ChatMessagePage: Sendable, Equatable {
    public let items: [ChatMessage]
    /// Pass as `before` for the next (older) page; `nil` on the last page.
    public let nextBefore: Int64?
}

/// The caller's read mark in a room after marking.
public struct ChatReadMark: Sendable, Equatable, Codable, JSONWritable {
    public let roomId: String
    public let lastReadSeq: Int64
    public let unread: Int

    public func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("roomId")
        writer.string(roomId)
        writer.key("lastReadSeq")
        writer.int(Int(lastReadSeq))
        writer.key("unread")
        writer.int(unread)
        writer.endObject()
    }
}
