import Foundation
import LyceumContracts
import LyceumCore
import NIOCore

/// What a client receives when it subscribes to a topic: the events it missed and where the stream stands.
public struct TopicJoin: Sendable {
    /// The stream's position now (the last stored event's `seq`), for topics with a stored stream.
    public let position: Int64?
    /// The stored events after the client's `since`, oldest first.
    public let missed: [RealtimeFrame]
    /// Whether `missed` is everything the client missed; `false` when more was missed than a resume replays
    /// (the client then reloads the history through REST).
    public let recovered: Bool
    /// The acknowledgement's extra payload fields (a JSON object), such as the room's name; `nil` for none.
    public let details: ByteBuffer?

    /// Creates a join result.
    public init(position: Int64?, missed: [RealtimeFrame] = [], recovered: Bool = true, details: ByteBuffer? = nil) {
        self.position = position
        self.missed = missed
        self.recovered = recovered
        self.details = details
    }
}

/// A family of topics sharing a prefix (`room:`, `call:`), owned by the part of Realtime that knows who may
/// hear them. The socket asks it before subscribing a connection.
public protocol RealtimeTopics: Sendable {
    /// The prefix of the topics it owns, such as `room:`.
    var prefix: String { get }
    /// Checks that `principal` may hear `topic` (throws `AppError`: 404 for a topic they may not know of,
    /// 403 for one they may see but not hear), and returns what they missed after `since`.
    func join(_ principal: Principal, topic: String, since: Int64?) async throws -> TopicJoin
    /// The stored frame at `seq` of `topic`, for frames too large to cross replicas inline; `nil` when the
    /// topic keeps no stream or has no such event.
    func storedFrame(topic: String, seq: Int64) async throws -> RealtimeFrame?
}

extension RealtimeTopics {
    /// No stored stream.
    public func storedFrame(topic: String, seq: Int64) async throws -> RealtimeFrame? { nil }
}

/// A command a client sent over the socket, with the frame it came in, for decoding its payload.
public struct RealtimeCommand: Sendable {
    /// The command's type, such as `message.send`.
    public let type: String
    /// The topic it names, if any.
    public let topic: String?
    /// The caller.
    public let principal: Principal
    /// The connection it came on, for state tied to the connection (a seat in a call).
    public let connectionID: String
    /// The whole frame's JSON.
    public let frame: Data

    /// Creates a command.
    public init(type: String, topic: String?, principal: Principal, connectionID: String, frame: Data) {
        self.type = type
        self.topic = topic
        self.principal = principal
        self.connectionID = connectionID
        self.frame = frame
    }

    /// The frame's `payload`, decoded; 422 `invalid_payload` naming the problem when it does not fit.
    public func payload<Payload: Decodable>(_ type: Payload.Type) throws(AppError) -> Payload {
        do {
            return try JSONDecoder().decode(CommandEnvelope<Payload>.self, from: frame).payload
        } catch {
            throw AppError(status: 422, code: "invalid_payload", message: "The command's payload is missing or has the wrong shape.")
        }
    }

    /// The frame's `payload`, decoded, or `nil` when the frame has none; 422 `invalid_payload` when it is
    /// there but does not fit.
    public func optionalPayload<Payload: Decodable>(_ type: Payload.Type) throws(AppError) -> Payload? {
        do {
            return try JSONDecoder().decode(OptionalCommandEnvelope<Payload>.self, from: frame).payload
        } catch {
            throw AppError(status: 422, code: "invalid_payload", message: "The command's payload has the wrong shape.")
        }
    }

    /// The topic, required: 400 `missing_topic` when the frame named none.
    public func requireTopic() throws(AppError) -> String {
        guard let topic, !topic.isEmpty else {
            throw AppError(status: 400, code: "missing_topic", message: "This command needs a topic.")
        }
        return topic
    }
}

/// The part of a command frame its handler decodes.
private struct CommandEnvelope<Payload: Decodable>: Decodable {
    let payload: Payload
}

/// The part of a command frame its handler decodes, when the payload may be left out.
private struct OptionalCommandEnvelope<Payload: Decodable>: Decodable {
    let payload: Payload?
}

/// Handles a set of socket commands. The answer is the acknowledgement's payload (a JSON object), or `nil`
/// for an acknowledgement without one; a thrown `AppError` becomes an `error` frame with its code.
public protocol RealtimeCommands: Sendable {
    /// The command types it handles, such as `message.send`.
    var types: [String] { get }
    /// Handles one command.
    func handle(_ command: RealtimeCommand) async throws -> ByteBuffer?
}

/// Sends frames to the connections subscribed to a topic, on every replica.
public protocol RealtimePublisher: Sendable {
    /// Delivers `frame` to every connection subscribed to its topic, on this replica and the others.
    func publish(_ frame: RealtimeFrame) async
    /// Ends every subscription of `userID` to `topic`, on every replica, telling their connections why
    /// (a `subscription.ended` event carrying `reason`).
    func endSubscriptions(userID: String, topic: String, reason: String) async
}
