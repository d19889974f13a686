import Logging
import LyceumContracts
import LyceumCore
import LyceumHTTP

extension ChatService {
    /// Tells each member of a direct conversation just opened, but its opener, that they are in it: a
    /// `room.added` event on their `user:` topic carrying the room as `GET /api/v1/rooms/{id}` answers them.
    /// Best effort, after the commit: a failure is logged and the conversation stands.
    func announceAdded(_ room: RoomID, members: [String], openedBy openerID: String, summaries: [String: UserSummary]) async {
        for memberID in members where memberID != openerID {
            guard let user = summaries[memberID] else { continue }
            let member = Principal(userID: user.id, role: user.role, sessionID: "")
            do {
                let detail = try await detail(member, try await access(member, room))
                await publisher.publish(LiveFrames.roomAdded(userID: memberID, room: try JSONResponse.bytes(RoomDetailEnvelope(detail))))
            } catch {
                logger.warning("Could not announce a new direct conversation", metadata: ["room": "\(room.text)", "error": "\(error)"])
            }
        }
    }
}
