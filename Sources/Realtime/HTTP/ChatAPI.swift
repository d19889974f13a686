import Foundation
import Hummingbird
import LyceumContracts
import LyceumCore
import LyceumHTTP

/// `/api/v1/rooms`: the caller's rooms, direct conversations, history, messages, reactions, read marks and
/// mutes. Handlers check the caller first (401 before anything about the body or the room), then decode,
/// call `ChatService` and encode.
struct ChatAPI: Sendable {
    let chat: ChatService

    func addRoutes(to api: RouterGroup<AppRequestContext>) {
        api.get("rooms", use: list)
        api.post("rooms", use: openDirect)
        api.get("rooms/:room", use: room)
        api.get("rooms/:room/messages", use: messages)
        api.post("rooms/:room/messages", use: send)
        api.patch("rooms/:room/messages/:message", use: edit)
        api.delete("rooms/:room/messages/:message", use: delete)
        api.put("rooms/:room/messages/:message/reactions/:emoji", use: react)
        api.delete("rooms/:room/messages/:message/reactions/:emoji", use: unreact)
        api.post("rooms/:room/read", use: markRead)
        api.put("rooms/:room/mutes/:user", use: mute)
        api.delete("rooms/:room/mutes/:user", use: unmute)
    }

    struct OpenBody: Decodable { let memberIds: [String] }
    struct SendBody: Decodable {
        let body: String
        let replyTo: String?
        let attachmentIds: [String]?
    }
    struct EditBody: Decodable { let body: String }
    struct ReadBody: Decodable { let seq: Int64 }

    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> Response {
        let rooms = try await chat.rooms(try context.requirePrincipal())
        return try JSONResponse.encode(RoomListView(items: rooms.map(RoomSummaryView.init)))
    }

    @Sendable func openDirect(_ request: Request, context: AppRequestContext) async throws -> Response {
        let caller = try context.requirePrincipal()
        let body = try await request.decodeJSON(OpenBody.self, context: context)
        let (room, created) = try await chat.openDirect(caller, memberIDs: body.memberIds)
        return try JSONResponse.encode(RoomDetailEnvelope(room), status: created ? .created : .ok)
    }

    @Sendable func room(_ request: Request, context: AppRequestContext) async throws -> Response {
        let caller = try context.requirePrincipal()
        return try JSONResponse.encode(RoomDetailEnvelope(try await chat.room(caller, try context.parameters.require("room"))))
    }

    @Sendable func messages(_ request: Request, context: AppRequestContext) async throws -> Response {
        let caller = try context.requirePrincipal()
        let query = request.uri.queryParameters
        let limit = try ChatRules.pageSize(query.get("limit"))
        let before = try ChatRules.before(query.get("before"))
        let page = try await chat.messages(caller, try context.parameters.require("room"), before: before, limit: limit)
        return JSONResponse.write(MessagePageView(page))
    }

    @Sendable func send(_ request: Request, context: AppRequestContext) async throws -> Response {
        let caller = try context.requirePrincipal()
        let body = try await request.decodeJSON(SendBody.self, context: context)
        let message = try await chat.send(
            caller, try context.parameters.require("room"), body: body.body, replyTo: body.replyTo, attachmentIds: body.attachmentIds ?? []
        )
        return JSONResponse.write(MessageEnvelope(message), status: .created)
    }

    @Sendable func edit(_ request: Request, context: AppRequestContext) async throws -> Response {
        let caller = try context.requirePrincipal()
        let body = try await request.decodeJSON(EditBody.self, context: context)
        let message = try await chat.edit(
            caller, try context.parameters.require("room"), messageID: try context.parameters.require("message"), body: body.body
        )
        return JSONResponse.write(MessageEnvelope(message))
    }

    @Sendable func delete(_ request: Request, context: AppRequestContext) async throws -> Response {
        let caller = try context.requirePrincipal()
        try await chat.delete(caller, try context.parameters.require("room"), messageID: try context.parameters.require("message"))
        return JSONResponse.noContent()
    }

    @Sendable func react(_ request: Request, context: AppRequestContext) async throws -> Response {
        let caller = try context.requirePrincipal()
        let message = try await chat.react(
            caller, try context.parameters.require("room"), messageID: try context.parameters.require("message"), emoji: try Self.emoji(context)
        )
        return JSONResponse.write(MessageEnvelope(message))
    }

    @Sendable func unreact(_ request: Request, context: AppRequestContext) async throws -> Response {
        let caller = try context.requirePrincipal()
        let message = try await chat.unreact(
            caller, try context.parameters.require("room"), messageID: try context.parameters.require("message"), emoji: try Self.emoji(context)
        )
        return JSONResponse.write(MessageEnvelope(message))
    }

    @Sendable func markRead(_ request: Request, context: AppRequestContext) async throws -> Response {
        let caller = try context.requirePrincipal()
        let body = try await request.decodeJSON(ReadBody.self, context: context)
        return JSONResponse.write(try await chat.markRead(caller, try context.parameters.require("room"), seq: body.seq))
    }

    @Sendable func mute(_ request: Request, context: AppRequestContext) async throws -> Response {
        let caller = try context.requirePrincipal()
        try await chat.mute(caller, try context.parameters.require("room"), userID: try context.parameters.require("user"))
        return JSONResponse.noContent()
    }

    @Sendable func unmute(_ request: Request, context: AppRequestContext) async throws -> Response {
        let caller = try context.requirePrincipal()
        try await chat.unmute(caller, try context.parameters.require("room"), userID: try context.parameters.require("user"))
        return JSONResponse.noContent()
    }

    /// The reaction named in the path, percent-decoded; 422 when it does not decode.
    static func emoji(_ context: AppRequestContext) throws -> String {
        guard let decoded = try context.parameters.require("emoji").removingPercentEncoding else {
            throw AppError.validation(["emoji": "A reaction is 1 to \(ChatRules.emojiScalars.upperBound) characters without spaces."])
        }
        return decoded
    }
}
