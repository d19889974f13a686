import Foundation
import LyceumPlatform

/// Publishes a scheduled announcement's notification request when its time comes.
struct PublishScheduledAnnouncement: JobPayload {
    static let jobName = "community.publish-announcement"
    /// The announcement.
    let announcementID: String
}

/// The announcements job handlers and event subscriptions.
enum AnnouncementEvents {
    static func register(in registry: JobRegistry, service: CommunityService) {
        registry.register(PublishScheduledAnnouncement.self) { payload, _ in
            try await service.publishDueAnnouncement(payload.announcementID)
        }
    }
}
