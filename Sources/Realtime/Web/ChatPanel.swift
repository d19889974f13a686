import LyceumContracts
import LyceumCore
import LyceumWeb

/// The chat panel: a room's live conversation, drawn on the course and group pages (through `PagePanels`)
/// and on the conversation page. `chat.js` brings it to life over the socket; without scripts it says so.
enum ChatPanel {
    /// The panel's HTML for `room`; `expanded` for the conversation page (a taller log, no link to itself).
    static func html(_ room: ChatRoomDetail, expanded: Bool) -> String {
        let id = SafeMarkdown.escape(room.id)
        let title = SafeMarkdown.escape(room.title)
        let heading = room.kind == .direct ? "Conversation" : "Chat"
        var html = "<section class=\"card chat\(expanded ? " expanded" : "")\" data-chat=\"room:\(id)\" data-testid=\"chat\""
        html += " aria-labelledby=\"chat-\(id)-heading\"><div class=\"chat-head\"><h2 id=\"chat-\(id)-heading\">\(heading)"
        html += expanded ? "" : " <span class=\"badge\" data-chat-unread hidden></span>"
        html += "</h2><span class=\"muted chat-status\" data-chat-status role=\"status\">Connecting…</span>"
        html += "<span class=\"chat-links\">"
        if !expanded { html += "<a href=\"/messages/\(id)\" data-testid=\"open-chat\">Open “\(title)” chat</a> " }
        html += "<a class=\"button small\" href=\"/calls/new?room=\(id)\" data-testid=\"start-call\">Start a call</a></span></div>"
        html += "<div class=\"chat-body\"><div class=\"chat-main\"><p><button type=\"button\" class=\"quiet small\" data-chat-earlier hidden>Load earlier messages</button></p>"
        html += "<ol class=\"chat-log\" data-chat-log aria-label=\"Messages\" aria-live=\"polite\"></ol>"
        html += "<p class=\"muted chat-typing\" data-chat-typing aria-live=\"polite\"></p></div>"
        html += "<aside class=\"chat-people\" aria-labelledby=\"chat-\(id)-people\"><h3 id=\"chat-\(id)-people\">People</h3><ul data-chat-people></ul></aside></div>"
        html += "<form class=\"chat-form\" data-chat-form><p class=\"chat-replying muted\" data-chat-context hidden></p>"
        html += "<label for=\"chat-\(id)-body\">Message</label>"
        html += "<textarea id=\"chat-\(id)-body\" name=\"body\" rows=\"2\" maxlength=\"4000\" required"
        html += room.muted ? " disabled>" : ">"
        html += "</textarea><p class=\"hint\">Enter sends; Shift+Enter starts a new line. **bold**, *italic*, `code` and links work.</p>"
        if !room.muted {
            html += "<label for=\"chat-\(id)-files\">Files <small>up to 5</small></label>"
            html += "<input type=\"file\" id=\"chat-\(id)-files\" data-upload-purpose=\"attachment\" data-upload-field=\"attachmentIds\" multiple>"
        }
        html += room.muted ? "<p class=\"notice\">The course's staff muted you in this room.</p>" : ""
        html += "<p class=\"error\" data-chat-error role=\"alert\" hidden></p>"
        html += "<button type=\"submit\" data-testid=\"chat-send\"\(room.muted ? " disabled" : "")>Send</button>"
        html += " <button type=\"button\" class=\"secondary\" data-chat-cancel hidden>Cancel</button></form>"
        html += "<noscript><p>The chat needs JavaScript.</p></noscript></section>"
        return html
    }

    /// Adds the course and group panels: shown to the room's members only (a visitor's course page is cached
    /// and shared, so it gets nothing).
    static func register(in panels: PagePanels, chat: ChatService) {
        panels.add(.coursePage) { request in
            guard let principal = request.principal, let courseID = request.courseID else { return nil }
            // The course's topic carries its announcements to the page while it is open.
            return try await panel(chat, principal, RoomID.course(courseID).text).map {
                "<div data-live-topic=\"course:\(SafeMarkdown.escape(courseID))\">\($0)</div>"
            }
        }
        panels.add(.groupPage) { request in
            guard let principal = request.principal, let groupID = request.groupID else { return nil }
            return try await panel(chat, principal, RoomID.group(groupID).text)
        }
    }

    private static func panel(_ chat: ChatService, _ principal: Principal, _ roomID: String) async throws -> String? {
        do {
            return html(try await chat.room(principal, roomID), expanded: false)
        } catch let error as AppError where error.status == 403 || error.status == 404 {
            return nil
        }
    }
}
