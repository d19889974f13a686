import Foundation
import LyceumContracts
import LyceumCore

/// `{id, kind, title, body, link, actorId, createdAt, readAt, read}`: one notification in the API.
struct NotificationView: Codable, Equatable, JSONWritable {
    let id: String
    let kind: NotificationKind
    let title: String
    let body: String
    let link: String
    let actorId: String?
    let createdAt: Date
    let readAt: Date?
    let read: Bool

    init(_ notification: InAppNotification) {
        id = notification.id
        kind = notification.kind
        title = notification.title
        body = notification.body
        link = notification.link
        actorId = notification.actorID
        createdAt = notification.createdAt
        readAt = notification.readAt
        read = notification.readAt != nil
    }

    func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("id")
        writer.string(id)
        writer.key("kind")
        writer.string(kind.rawValue)
        writer.key("title")
        writer.string(title)
        writer.key("body")
        writer.string(body)
        writer.key("link")
        writer.string(link)
        writer.key("actorId")
        writer.string(actorId)
        writer.key("createdAt")
        writer.date(createdAt)
        writer.key("readAt")
        if let readAt { writer.date(readAt) } else { writer.null() }
        writer.key("read")
        writer.bool(read)
        writer.endObject()
    }
}

/// A page of notifications: `{"items": [...], "nextCursor": "..." | null}`.
struct NotificationPageView: Codable, Equatable, JSONWritable {
    let items: [NotificationView]
    let nextCursor: String?

    init(_ page: NotificationPage) {
        items = page.items.map(NotificationView.init)
        nextCursor = page.nextCursor
    }

    func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("items")
        writer.beginArray()
        for item in items { writer.value(item) }
        writer.endArray()
        writer.key("nextCursor")
        writer.string(nextCursor)
        writer.endObject()
    }
}

/// `{"unreadCount": 3}`.
struct NotificationUnreadView: Codable, Equatable, JSONWritable {
    let unreadCount: Int

    func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("unreadCount")
        writer.int(unreadCount)
        writer.endObject()
    }
}

/// One kind's channels: `{"kind": "reply", "inApp": true, "email": true, "digest": true}`.
struct NotificationPreferenceView: Codable, Equatable {
    let kind: NotificationKind
    let inApp: Bool
    let email: Bool
    let digest: Bool
}

/// `{"preferences": [...], "nonEssentialEmailOff": false}`: every kind's channels and the switch for all
/// non-essential email.
struct NotificationPreferencesView: Codable, Equatable {
    let preferences: [NotificationPreferenceView]
    let nonEssentialEmailOff: Bool

    init(_ settings: NotificationSettings) {
        preferences = settings.preferences.map { NotificationPreferenceView(kind: $0.kind, inApp: $0.inApp, email: $0.email, digest: $0.digest) }
        nonEssentialEmailOff = settings.nonEssentialEmailOff
    }
}

/// A change: `{"preferences": [{"kind": "reply", "email": false}], "nonEssentialEmailOff": true}`; every
/// part may be left out (channels left out keep their state), but none may be `null`, and no other field
/// may be sent (422), as the schema says.
struct NotificationPreferencesChangeBody: Decodable {
    struct Item: Decodable {
        let kind: NotificationKind
        let inApp: Bool?
        let email: Bool?
        let digest: Bool?

        private enum CodingKeys: String, CodingKey, CaseIterable {
            case kind, inApp, email, digest
        }

        init(from decoder: any Decoder) throws {
            try decoder.refuseFields(otherThan: CodingKeys.allCases.map(\.stringValue))
            let container = try decoder.container(keyedBy: CodingKeys.self)
            kind = try container.decode(NotificationKind.self, forKey: .kind)
            inApp = try container.decodeUnlessAbsent(Bool.self, forKey: .inApp)
            email = try container.decodeUnlessAbsent(Bool.self, forKey: .email)
            digest = try container.decodeUnlessAbsent(Bool.self, forKey: .digest)
        }
    }

    let preferences: [Item]?
    let nonEssentialEmailOff: Bool?

    private enum CodingKeys: String, CodingKey, CaseIterable {
        case preferences, nonEssentialEmailOff
    }

    init(from decoder: any Decoder) throws {
        try decoder.refuseFields(otherThan: CodingKeys.allCases.map(\.stringValue))
        let container = try decoder.container(keyedBy: CodingKeys.self)
        preferences = try container.decodeUnlessAbsent([Item].self, forKey: .preferences)
        nonEssentialEmailOff = try container.decodeUnlessAbsent(Bool.self, forKey: .nonEssentialEmailOff)
    }
}

/// Any field name of a JSON object.
private struct FieldName: CodingKey {
    let stringValue: String
    let intValue: Int?

    init(stringValue: String) {
        self.stringValue = stringValue
        intValue = nil
    }

    init(intValue: Int) {
        stringValue = String(intValue)
        self.intValue = intValue
    }
}

extension Decoder {
    /// Refuses an object with a field not in `allowed`, naming the field (so the answer is 422 on it).
    fileprivate func refuseFields(otherThan allowed: [String]) throws {
        let fields = try container(keyedBy: FieldName.self).allKeys
        if let unknown = fields.first(where: { !allowed.contains($0.stringValue) }) {
            throw DecodingError.dataCorrupted(.init(codingPath: codingPath + [unknown], debugDescription: "Unknown field \(unknown.stringValue)."))
        }
    }
}

extension KeyedDecodingContainer {
    /// The value at `key`, or `nil` when the key is absent; an explicit `null` is refused like a wrong type,
    /// since the schema allows leaving a field out but not `null`.
    fileprivate func decodeUnlessAbsent<Value: Decodable>(_ type: Value.Type, forKey key: Key) throws -> Value? {
        contains(key) ? try decode(type, forKey: key) : nil
    }
}
