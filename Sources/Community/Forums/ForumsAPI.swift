import Hummingbird
import LyceumHTTP

/// The forums JSON routes.
struct ForumsAPI: Sendable {
    let community: CommunityService

    func addRoutes(to api: RouterGroup<AppRequestContext>) {}
}
