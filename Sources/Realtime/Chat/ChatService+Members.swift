import LyceumContracts
import LyceumPlatform

/// Who is in a room, and which rooms a user is in, as presence needs them.
extension ChatService {
    /// A member of a room, and whether they are the course's staff (course rooms only).
    struct RoomMemberID: Sendable, Equatable {
        let userID: String
        let staff: Bool
    }

    /// The members of a room the caller may see: a course's staff then its other active students, a group's
    /// members, or a direct conversation's members.
    func members(of access: RoomAccess) async throws -> [RoomMemberID] {
        let room = access.room
        switch room.kind {
        case .course:
            let staffIDs = try await courses.staffIDs(ofCourse: room.scope)
            let staff = Set(staffIDs)
            let students = try await courses.studentIDs(ofCourse: room.scope).filter { !staff.contains($0) }
            return staffIDs.map { RoomMemberID(userID: $0, staff: true) } + students.map { RoomMemberID(userID: $0, staff: false) }
        case .group:
            return try await groups.groupMemberIDs(groupID: room.scope).map { RoomMemberID(userID: $0, staff: false) }
        case .direct:
            return access.directMembers.map { RoomMemberID(userID: $0, staff: false) }
        }
    }

    /// The rooms `userID` is in, as `GET /rooms` lists them: their courses' (taken and published, or taught),
    /// their study groups' and their most active direct conversations.
    func roomIDs(ofUser userID: String) async throws -> [RoomID] {
        let courseIDs = try await courses.courseIDs(of: userID)
        let groupIDs = try await groups.groupIDs(of: userID)
        let direct = try await database.read { sql in
            try await RoomStore.directRooms(of: userID, limit: ChatRules.directRoomsListed, on: sql)
        }
        return courseIDs.map(RoomID.course) + groupIDs.map(RoomID.group) + direct
    }
}
