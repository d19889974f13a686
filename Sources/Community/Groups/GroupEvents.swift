import LyceumPlatform

/// The groups job handlers and event subscriptions.
enum GroupEvents {
    static func register(in registry: JobRegistry, service: CommunityService) {}
}
