import LyceumContracts
import LyceumPlatform

/// The forums job handlers and event subscriptions: a deleted upload leaves the posts it was on.
enum ForumEvents {
    static func register(in registry: JobRegistry, service: CommunityService) {
        registry.subscribe(UploadDeleted.self, as: "community.forum-upload-deleted") { event, _ in
            try await service.uploadDeleted(event.uploadID)
        }
    }
}
