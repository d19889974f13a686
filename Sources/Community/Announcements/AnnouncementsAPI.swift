import Hummingbird
import LyceumHTTP

/// The announcements JSON routes.
struct AnnouncementsAPI: Sendable {
    let community: CommunityService

    func addRoutes(to api: RouterGroup<AppRequestContext>) {}
}
