import LyceumContracts
import LyceumCore
import LyceumPlatform

/// Member lists with presence.
extension PresenceService {
    /// A page of the room's members with their status: online first, then away, then offline, each by name,
    /// after the place `after` names. 404 `room_not_found` unless the caller is in the room.
    func members(_ caller: Principal, _ roomText: String, limit: Int, after: String?) async throws -> RoomMemberPage {
        let start = try after.map { cursor throws(AppError) in try RoomMemberPlace(cursor: cursor) }
        let access = try await chat.access(caller, roomText)
        var seen: Set<String> = []
        let roomMembers = try await chat.members(of: access).filter { seen.insert($0.userID).inserted }
        let ids = roomMembers.map(\.userID)
        let names = try await chat.names(ids)
        let presence = try await announced(ids)
        let now = clock.now()
        let listed = roomMembers.map { member in
            let announced = presence[member.userID]
            let status = announced?.status ?? .offline
            return RoomMemberPresence(
                userID: member.userID, displayName: names[member.userID] ?? "Former user",
                role: access.room.kind == .course ? (member.staff ? "staff" : "student") : nil,
                status: status, lastSeenAt: status == .offline ? announced?.lastSeenAt : now
            )
        }
        let ordered = listed.map { (RoomMemberPlace($0), $0) }.sorted { $0.0 < $1.0 }.filter { place, _ in start.map { place > $0 } ?? true }
        let page = ordered.prefix(limit)
        let pageIDs = page.map(\.1.userID)
        let marks = try await chat.database.read { sql in try await RoomStore.readMarks(roomID: access.room.text, userIDs: pageIDs, on: sql) }
        let members = page.map { _, member in member.withReadMark(marks[member.userID] ?? 0) }
        return RoomMemberPage(members: members, nextCursor: ordered.count > limit ? page.last?.0.cursor : nil)
    }
}
