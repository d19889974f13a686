import Foundation
import LyceumCore

/// One room in `GET /rooms`.
struct RoomSummaryView: Codable, Equatable {
    let id: String
    let kind: RoomKind
    let title: String
    let lastSeq: Int64
    let unread: Int
    let lastMessage: ChatMessagePreview?

    init(_ room: ChatRoomSummary) {
        id = room.id
        kind = room.kind
        title = room.title
        lastSeq = room.lastSeq
        unread = room.unread
        lastMessage = room.lastMessage
    }

    private enum CodingKeys: String, CodingKey { case id, kind, title, lastSeq, unread, lastMessage }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        kind = try container.decode(RoomKind.self, forKey: .kind)
        title = try container.decode(String.self, forKey: .title)
        lastSeq = try container.decode(Int64.self, forKey: .lastSeq)
        unread = try container.decode(Int.self, forKey: .unread)
        lastMessage = try container.decodeIfPresent(ChatMessagePreview.self, forKey: .lastMessage)
    }

    /// Writes `lastMessage` as `null` rather than leaving it out, as the document says.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(kind, forKey: .kind)
        try container.encode(title, forKey: .title)
        try container.encode(lastSeq, forKey: .lastSeq)
        try container.encode(unread, forKey: .unread)
        try container.encode(lastMessage, forKey: .lastMessage)
    }
}

/// `{"items": [...]}` of `GET /rooms`.
struct RoomListView: Codable, Equatable {
    let items: [RoomSummaryView]
}

/// `{"room": {...}}`: a room with its members and the caller's read mark.
struct RoomDetailEnvelope: Codable, Equatable {
    struct Room: Codable, Equatable {
        let id: String
        let kind: RoomKind
        let title: String
        let lastSeq: Int64
        let lastReadSeq: Int64
        let unread: Int
        let muted: Bool
        let moderates: Bool
        let members: [ChatMember]
    }

    let room: Room

    init(_ detail: ChatRoomDetail) {
        room = Room(
            id: detail.id, kind: detail.kind, title: detail.title, lastSeq: detail.lastSeq, lastReadSeq: detail.lastReadSeq,
            unread: detail.unread, muted: detail.muted, moderates: detail.moderates, members: detail.members
        )
    }
}

/// `{"items": [...], "nextBefore": 12 | null}`: a page of history, newest first.
struct MessagePageView: Codable, Equatable, JSONWritable {
    let items: [ChatMessage]
    let nextBefore: Int64?

    init(_ page: ChatMessagePage) {
        items = page.items
        nextBefore = page.nextBefore
    }

    func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("items")
        writer.beginArray()
        for item in items { writer.value(item) }
        writer.endArray()
        writer.key("nextBefore")
        if let nextBefore { writer.int(Int(nextBefore)) } else { writer.null() }
        writer.endObject()
    }

    private enum CodingKeys: String, CodingKey { case items, nextBefore }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        items = try container.decode([ChatMessage].self, forKey: .items)
        nextBefore = try container.decodeIfPresent(Int64.self, forKey: .nextBefore)
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(items, forKey: .items)
        try container.encode(nextBefore, forKey: .nextBefore)
    }
}
