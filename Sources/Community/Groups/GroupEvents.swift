import LyceumContracts
import LyceumPlatform

/// The groups job handlers and event subscriptions.
///
/// When a student leaves or is removed from a course, their pending requests to join, and their pending
/// invitations to, groups linked to that course are dropped: such groups admit only the course's students and
/// staff. Memberships they already hold stay (the group's moderators may remove them). Deleting rows that may
/// already be gone makes the handler safe to run twice.
enum GroupEvents {
    static func register(in registry: JobRegistry, service: CommunityService) {
        registry.subscribe(StudentUnenrolled.self, as: "community.group-requests-on-unenroll") { event, _ in
            try await service.database.transaction { sql in
                try await GroupStore.dropRequests(userID: event.userID, courseID: event.courseID, on: sql)
            }
        }
    }
}
