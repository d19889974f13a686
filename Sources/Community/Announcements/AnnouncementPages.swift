import Hummingbird
import LyceumHTTP
import LyceumWeb

/// The announcements pages.
struct AnnouncementPages: Sendable {
    let community: CommunityService
    let renderer: PageRenderer
    let panels: PagePanels

    func addRoutes(to pages: RouterGroup<AppRequestContext>) {}
}
