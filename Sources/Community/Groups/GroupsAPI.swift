import Hummingbird
import LyceumHTTP

/// The groups JSON routes.
struct GroupsAPI: Sendable {
    let community: CommunityService

    func addRoutes(to api: RouterGroup<AppRequestContext>) {}
}
