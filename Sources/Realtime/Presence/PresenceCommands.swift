import LyceumContracts
import LyceumCore
import NIOCore

/// The presence commands on the socket:
///
/// | type | topic | payload | ack payload |
/// | --- | --- | --- | --- |
/// | `presence.set` | none | `{"status": "online" \| "away"}` | `{"status"}`: the user's resulting status |
/// | `presence.list` | `room:<id>` | none | the first page of `GET /rooms/{room}/members` |
struct PresenceCommands: RealtimeCommands {
    let presence: PresenceService

    var types: [String] { ["presence.set", "presence.list"] }

    struct SetPayload: Decodable {
        let status: String
    }

    func handle(_ command: RealtimeCommand) async throws -> ByteBuffer? {
        switch command.type {
        case "presence.set":
            let requested = try command.payload(SetPayload.self).status
            guard requested == PresenceStatus.online.rawValue || requested == PresenceStatus.away.rawValue else {
                throw AppError(status: 422, code: "invalid_payload", message: "presence.set needs {\"status\": \"online\"} or {\"status\": \"away\"}.")
            }
            let status = try await presence.setAway(
                requested == PresenceStatus.away.rawValue, connectionID: command.connectionID, userID: command.principal.userID
            )
            var writer = JSONWriter(capacity: 32)
            writer.beginObject()
            writer.key("status")
            writer.string(status.rawValue)
            writer.endObject()
            return writer.buffer
        case "presence.list":
            guard let room = RoomID(topic: try command.requireTopic()) else { throw ChatErrors.roomNotFound }
            return JSONWriter.encode(
                try await presence.members(command.principal, room.text, limit: ChatRules.defaultPageSize, after: nil), capacity: 4_096
            )
        default:
            throw AppError.badRequest("unknown_command", "This server does not know that command.")
        }
    }
}
