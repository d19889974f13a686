import Hummingbird
import LyceumHTTP
import LyceumWeb

/// The forums pages.
struct ForumPages: Sendable {
    let community: CommunityService
    let renderer: PageRenderer

    func addRoutes(to pages: RouterGroup<AppRequestContext>) {}
}
