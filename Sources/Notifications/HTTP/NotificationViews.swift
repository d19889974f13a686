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
/// part may be left out (channels left out keep their state), but none may be `null`.
struct NotificationPreferencesChangeBody: Decodable {
    struct Item: Decodable {
        let kind: NotificationKind
        let inApp: Bool?
        let email: Bool?
        let digest: Bool?

        private enum CodingKeys: String, CodingKey {
            case kind, inApp, email, digest
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            kind = try container.decode(NotificationKind.self, forKey: .kind)
            inApp = try container.decodeUnlessAbsent(Bool.self, forKey: .inApp)
            email = try container.decodeUnlessAbsent(Bool.self, forKey: .email)
            digest = try container.decodeUnlessAbsent(Bool.self, forKey: .digest)
        }
    }

    let preferences: [Item]?
    let nonEssentialEmailOff: Bool?

    private enum CodingKeys: String, CodingKey {
        case preferences, nonEssentialEmailOff
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        preferences = try container.decodeUnlessAbsent([Item].self, forKey: .preferences)
        nonEssentialEmailOff = try container.decodeUnlessAbsent(Bool.self, forKey: .nonEssentialEmailOff)
    }
}

extension KeyedDecodingContainer {
    /// The value at `key`, or `nil` when the key is absent; an explicit `null` is refused like a wrong type,
    /// since the schema allows leaving a field out but not `null`.
    fileprivate func decodeUnlessAbsent<Value: Decodable>(_ type: Value.Type, forKey key: Key) throws -> Value? {
        contains(key) ? try decode(type, forKey: key) : nil
    }
}
