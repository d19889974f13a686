import LyceumContracts
import LyceumCore
import LyceumPlatform

/// Membership ends in the owning domain; the socket's subscriptions follow. When Courses announces that a
/// student left a course, or Community that a membership of a group ended, the user's subscriptions to the
/// room end on every replica (`subscription.ended` with reason `unenrolled` or `left_group`), unless they are
/// back in the room by the time the job runs. REST and joins check membership on every call anyway. When Media
/// announces that an upload was deleted, the messages carrying it drop it.
enum ChatEvents {
    static func register(in registry: JobRegistry, chat: ChatService, subscriber prefix: String = "realtime") {
        registry.subscribe(StudentUnenrolled.self, as: "\(prefix).chat-unenrolled") { event, _ in
            try await chat.membershipEnded(userID: event.userID, room: .course(event.courseID), reason: "unenrolled")
        }
        registry.subscribe(GroupMembershipEnded.self, as: "\(prefix).chat-left-group") { event, _ in
            try await chat.membershipEnded(userID: event.userID, room: .group(event.groupID), reason: "left_group")
        }
        registry.subscribe(UploadDeleted.self, as: "\(prefix).chat-upload-deleted") { event, _ in
            try await chat.uploadDeleted(event.uploadID)
        }
    }
}

extension ChatService {
    /// Ends the user's subscriptions to the room unless they are in it again (re-enrolled, re-joined, or
    /// staff of the course all along).
    func membershipEnded(userID: String, room: RoomID, reason: String) async throws {
        if let user = try await users.summaries(ids: [userID])[userID], user.isActive {
            let principal = Principal(userID: user.id, role: user.role, sessionID: "")
            do {
                _ = try await access(principal, room)
                return
            } catch let error as AppError where error.code == ChatErrors.roomNotFound.code {}
        }
        await publisher.endSubscriptions(userID: userID, topic: room.topic, reason: reason)
    }
}
