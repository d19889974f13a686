import Hummingbird
import LyceumHTTP
import LyceumWeb

/// The groups pages.
struct GroupPages: Sendable {
    let community: CommunityService
    let renderer: PageRenderer

    func addRoutes(to pages: RouterGroup<AppRequestContext>) {}
}
