import LyceumContracts
import LyceumPlatform

/// A seat in a call lasts only as long as its holder's room membership: when Courses announces that a
/// student left a course, or Community that a group membership ended, the user leaves the room's active call
/// and stops hearing it (`subscription.ended` on its `call:` topic), unless they are back in the room.
enum CallEvents {
    static func register(in registry: JobRegistry, calls: CallService) {
        registry.subscribe(StudentUnenrolled.self, as: "realtime.call-unenrolled") { event, _ in
            try await calls.membershipEnded(userID: event.userID, room: .course(event.courseID), reason: "unenrolled")
        }
        registry.subscribe(GroupMembershipEnded.self, as: "realtime.call-left-group") { event, _ in
            try await calls.membershipEnded(userID: event.userID, room: .group(event.groupID), reason: "left_group")
        }
    }
}
