import LyceumPlatform

/// The announcements job handlers and event subscriptions.
enum AnnouncementEvents {
    static func register(in registry: JobRegistry, service: CommunityService) {}
}
