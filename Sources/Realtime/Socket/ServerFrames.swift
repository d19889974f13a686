import LyceumContracts
import LyceumCore
import NIOCore

/// The frames the socket itself writes: acknowledgements, errors, the welcome and pongs.
enum ServerFrames {
    /// `{"type":"ack","id":…,"payload":{…}}`; `payload` is a JSON object or absent.
    static func ack(id: String?, payload: ByteBuffer?) -> ByteBuffer {
        var writer = JSONWriter(capacity: 64 + (payload?.readableBytes ?? 0))
        writer.beginObject()
        writer.key("type")
        writer.string("ack")
        if let id {
            writer.key("id")
            writer.string(id)
        }
        if let payload {
            writer.key("payload")
            writer.raw(payload)
        }
        writer.endObject()
        return writer.buffer
    }

    /// `{"type":"error","id":…,"payload":{"status":404,"code":"…","message":"…"}}`, with the REST API's codes.
    static func error(id: String?, _ error: AppError) -> ByteBuffer {
        var writer = JSONWriter(capacity: 160)
        writer.beginObject()
        writer.key("type")
        writer.string("error")
        if let id {
            writer.key("id")
            writer.string(id)
        }
        writer.key("payload")
        writer.beginObject()
        writer.key("status")
        writer.int(error.status)
        writer.errorDetails(error)
        if let retryAfter = error.retryAfter {
            writer.key("retryAfter")
            writer.int(retryAfter)
        }
        writer.endObject()
        writer.endObject()
        return writer.buffer
    }

    /// `{"type":"welcome","id":…,"payload":{"userId":…,"role":…,"pingInterval":25,…}}`, once signed in.
    static func welcome(id: String?, principal: Principal, configuration: RealtimeConfiguration) -> ByteBuffer {
        var writer = JSONWriter(capacity: 200)
        writer.beginObject()
        writer.key("type")
        writer.string("welcome")
        if let id {
            writer.key("id")
            writer.string(id)
        }
        writer.key("payload")
        writer.beginObject()
        writer.key("userId")
        writer.string(principal.userID)
        writer.key("role")
        writer.string(principal.role.rawValue)
        writer.key("topic")
        writer.string(UserTopics.topic(of: principal.userID))
        writer.key("pingInterval")
        writer.int(Int(configuration.pingInterval.components.seconds))
        writer.key("idleTimeout")
        writer.int(Int(configuration.idleTimeout.components.seconds))
        writer.key("maxFrameSize")
        writer.int(configuration.maxFrameSize)
        writer.endObject()
        writer.endObject()
        return writer.buffer
    }

    /// `{"type":"pong","id":…}`.
    static func pong(id: String?) -> ByteBuffer {
        var writer = JSONWriter(capacity: 48)
        writer.beginObject()
        writer.key("type")
        writer.string("pong")
        if let id {
            writer.key("id")
            writer.string(id)
        }
        writer.endObject()
        return writer.buffer
    }

    /// The acknowledgement payload of a subscription: topic, stream position, whether the resume was complete,
    /// and the owner's details.
    static func joined(topic: String, join: TopicJoin) -> ByteBuffer {
        var writer = JSONWriter(capacity: 96 + (join.details?.readableBytes ?? 0))
        writer.beginObject()
        writer.key("topic")
        writer.string(topic)
        if let position = join.position {
            writer.key("position")
            writer.int(Int(position))
        }
        writer.key("recovered")
        writer.bool(join.recovered)
        if let details = join.details {
            writer.key("details")
            writer.raw(details)
        }
        writer.endObject()
        return writer.buffer
    }

    /// The `subscription.ended` event: the server ended a subscription (the user left the course or group).
    static func subscriptionEnded(topic: String, reason: String) -> RealtimeFrame {
        .event(topic: topic, seq: nil, event: "subscription.ended") { writer in
            writer.beginObject()
            writer.key("reason")
            writer.string(reason)
            writer.endObject()
        }
    }
}

/// The fields every client frame has: `{"type":"…","id":"…","topic":"…","payload":{…}}`.
struct ClientFrameHeader: Decodable {
    let type: String
    let id: String?
    let topic: String?

    /// The longest `id` and `topic` accepted.
    static let maxIDLength = 64
    static let maxTopicLength = 200
}

/// The payload of `auth`.
struct AuthPayload: Decodable {
    let token: String
}

/// The payload of `subscribe`: the last `seq` the client saw on the topic, to resume after it.
struct SubscribePayload: Decodable {
    let since: Int64?
}
