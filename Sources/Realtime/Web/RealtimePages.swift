import Foundation
import Hummingbird
import LyceumContracts
import LyceumCore
import LyceumHTTP
import LyceumWeb

/// The messages pages (every room of the viewer, starting a direct conversation, one room's chat) and the
/// call page. The pages are drawn on the server; the chat and the call run over the socket (`chat.js`,
/// `call.js`).
struct RealtimePages: Sendable {
    typealias Content = RealtimePageContent
    let chat: ChatService
    let calls: CallService
    let iceServers: IceServers
    let clock: WallClock
    let renderer: PageRenderer

    func addRoutes(to pages: RouterGroup<AppRequestContext>) {
        pages.get("messages", use: rooms)
        pages.post("messages", use: startConversation)
        pages.get("messages/:room", use: conversation)
        pages.get("messages/:room/attachments/:upload", use: attachment)
        pages.get("calls/new", use: newCall)
        pages.get("calls/:call", use: joinCall)
    }

    /// A file on a live message of the room: a redirect to a short-lived signed link, fetched whenever the chat
    /// shows or follows it (signed links expire); 404 for anyone outside the room.
    @Sendable func attachment(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard context.principal != nil else { return PageRenderer.signIn(returningTo: request.uri.path) }
        let url = try await chat.attachmentLink(
            context.principal, try context.parameters.require("room"), uploadID: try context.parameters.require("upload")
        )
        var response = PageRenderer.redirect(to: url)
        response.headers[.cacheControl] = "private, no-store"
        return response
    }

    @Sendable func rooms(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard context.principal != nil else { return PageRenderer.signIn(returningTo: "/messages") }
        return try await roomsPage(names: "", error: nil, context: context)
    }

    private func roomsPage(names: String, error: String?, context: AppRequestContext) async throws -> Response {
        let rooms = try await chat.rooms(context.principal).map { room in
            Content.Rooms.Room(
                id: room.id, title: room.title, kind: Self.kindLabel(room.kind), unread: room.unread, hasUnread: room.unread > 0,
                preview: room.lastMessage.map { "\($0.authorName): \($0.text)" }
            )
        }
        let content = Content.Rooms(rooms: rooms, names: names, namesError: error)
        let page = Page("messages", title: "Messages", content: content, section: .messages)
        return try renderer.render(page, context: context, status: error == nil ? .ok : .unprocessableContent)
    }

    /// Opens (or finds) the direct conversation with the people named in `names`.
    @Sendable func startConversation(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let caller = context.principal else { return PageRenderer.signIn(returningTo: "/messages") }
        let form = try context.submittedForm()
        let text = String(form["names"].prefix(1000))
        let names = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard !names.isEmpty else {
            return try await roomsPage(names: text, error: "Name at least one person.", context: context)
        }
        let found = try await chat.users.activeUsers(named: Array(names.prefix(100)))
        var memberIDs: [String] = []
        for name in names {
            let matches = found.filter { $0.displayName.caseInsensitiveCompare(name) == .orderedSame && $0.id != caller.userID }
            guard matches.count == 1 else {
                let problem = matches.isEmpty ? "Nobody else is called “\(name)”." : "Several people are called “\(name)”; start from their profile or a shared room instead."
                return try await roomsPage(names: text, error: problem, context: context)
            }
            memberIDs.append(matches[0].id)
        }
        do {
            let (room, _) = try await chat.openDirect(caller, memberIDs: [caller.userID] + memberIDs)
            return PageRenderer.redirect(to: "/messages/\(room.id)")
        } catch let error as AppError where error.status == 422 || error.status == 400 {
            return try await roomsPage(names: text, error: error.fields.values.first ?? error.message, context: context)
        }
    }

    @Sendable func conversation(_ request: Request, context: AppRequestContext) async throws -> Response {
        let roomID = try context.parameters.require("room")
        guard context.principal != nil else { return PageRenderer.signIn(returningTo: "/messages/\(roomID)") }
        let room = try await chat.room(context.principal, roomID)
        let others = room.members.filter { $0.id != context.principal?.userID }.map(\.displayName)
        let content = Content.Conversation(
            title: room.title, kindLabel: Self.kindLabel(room.kind),
            members: room.kind == .direct ? others.joined(separator: ", ") : "",
            panelHtml: ChatPanel.html(room, expanded: true)
        )
        return try renderer.render(Page("conversation", title: room.title, content: content, section: .messages), context: context)
    }

    /// The call page that starts a call in `?room=`.
    @Sendable func newCall(_ request: Request, context: AppRequestContext) async throws -> Response {
        let roomID = request.uri.queryParameters.get("room") ?? ""
        guard context.principal != nil else { return PageRenderer.signIn(returningTo: "/calls/new?room=\(roomID)") }
        return try await callPage(roomID: roomID, callID: nil, context: context)
    }

    /// The call page that joins (or answers) a call; an ended call sends the viewer back to its room.
    @Sendable func joinCall(_ request: Request, context: AppRequestContext) async throws -> Response {
        let callID = try context.parameters.require("call")
        guard context.principal != nil else { return PageRenderer.signIn(returningTo: "/calls/\(callID)") }
        let call = try await calls.call(context.principal, callID: callID)
        guard call.endedAt == nil else {
            return FlashNotice.redirect(to: "/messages/\(call.roomId)", notice: "That call has ended.", context: context)
        }
        return try await callPage(roomID: call.roomId, callID: call.id, context: context)
    }

    private func callPage(roomID: String, callID: String?, context: AppRequestContext) async throws -> Response {
        let caller = try context.requirePrincipal()
        let room = try await chat.room(caller, roomID)
        let servers = (try? JSONEncoder().encode(iceServers.list(for: caller.userID, at: clock.now()).iceServers)).map { String(decoding: $0, as: UTF8.self) } ?? "[]"
        let content = Content.Call(roomId: room.id, roomTitle: room.title, callId: callID, iceServers: servers, script: renderer.assetURL("call.js"))
        return try renderer.render(Page("call", title: "Call in \(room.title)", content: content, section: .messages), context: context)
    }

    static func kindLabel(_ kind: RoomKind) -> String {
        switch kind {
        case .course: "Course room"
        case .group: "Study group room"
        case .direct: "Direct conversation"
        }
    }
}
