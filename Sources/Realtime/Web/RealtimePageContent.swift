/// What the messages and call pages show.
enum RealtimePageContent {
    /// `/messages`: the viewer's rooms and the form that starts a conversation.
    struct Rooms: Sendable {
        struct Room: Sendable {
            let id: String
            let title: String
            let kind: String
            let unread: Int
            let hasUnread: Bool
            let preview: String?
        }

        let rooms: [Room]
        let names: String
        let namesError: String?
    }

    /// `/messages/{room}`: one room's chat.
    struct Conversation: Sendable {
        let title: String
        let kindLabel: String
        let members: String
        let panelHtml: String
    }

    /// `/calls/new` and `/calls/{call}`: the call page.
    struct Call: Sendable {
        let roomId: String
        let roomTitle: String
        /// The call to join; absent when the page starts one.
        let callId: String?
        /// The ICE servers as JSON (`RTCConfiguration.iceServers`).
        let iceServers: String
        let script: String
    }
}
