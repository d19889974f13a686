import LyceumPlatform

/// The forums job handlers and event subscriptions.
enum ForumEvents {
    static func register(in registry: JobRegistry, service: CommunityService) {}
}
