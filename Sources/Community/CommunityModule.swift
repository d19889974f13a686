import Hummingbird
import LyceumContracts
import LyceumHTTP
import LyceumPlatform
import LyceumWeb

/// The Community domain as the application sees it: discussion boards (per course and site-wide) with
/// votes and moderation, study groups with their feeds, and course announcements.
///
/// It asks Courses only through `CourseDirectory` and Identity only through `UserDirectory`, reacts to
/// Courses' enrollment events through the outbox, and asks for notifications by publishing
/// `NotificationRequested` in the transaction of their cause. It provides `StudyGroupDirectory` (who is in a
/// group, for Realtime's group rooms), `BlockedWordsFilter` (the site's blocked words, for chat) and
/// `ForumThreadAccess` (who may read a thread, for Realtime's `thread:` topics), answers Media's
/// `forum-attachment` read checks for the files on posts (dropping them when `UploadDeleted` arrives), and publishes
/// `GroupMembershipEnded` whenever a membership ends (leaving, removal, the group's deletion),
/// `ForumReplyPosted` with every reply and `AnnouncementPublished` when an announcement's time comes.
public struct CommunityModule: LyceumModule {
    /// The domain's service.
    public let service: CommunityService
    private let panels: PagePanels

    public var name: String { "community" }
    public var migrations: [Migration] { ForumMigrations.all + GroupMigrations.all + AnnouncementMigrations.all }
    public var openAPIFragments: [String] { [ForumsOpenAPI.fragment, GroupsOpenAPI.fragment, AnnouncementsOpenAPI.fragment] }
    public var templates: [PageTemplate] { ForumTemplates.all + GroupTemplates.all + AnnouncementTemplates.all }

    /// Builds the service from the platform and the directories Identity and Courses provide.
    public init(context: ModuleContext) throws {
        service = CommunityService(
            database: context.database, courses: try context.require((any CourseDirectory).self),
            users: try context.require((any UserDirectory).self), uploads: try context.require((any UploadCatalog).self),
            clock: context.clock, jobs: context.jobs
        )
        context.provide(service, as: CommunityService.self)
        context.provide(service, as: (any StudyGroupDirectory).self)
        context.provide(service, as: (any BlockedWordsFilter).self)
        context.provide(service, as: (any ForumThreadAccess).self)
        try context.require(UploadReadAccessRegistry.self).register("forum-attachment", ForumAttachmentAccess(community: service))
        panels = context.panels
    }

    public func seedDemo(_ school: DemoSchoolSeed) async throws {
        try await CommunityDemo.seed(service, school: school)
    }

    public func registerJobs(_ registry: JobRegistry) {
        ForumEvents.register(in: registry, service: service)
        GroupEvents.register(in: registry, service: service)
        AnnouncementEvents.register(in: registry, service: service)
    }

    public func addAPIRoutes(to api: RouterGroup<AppRequestContext>) {
        ForumsAPI(community: service).addRoutes(to: api)
        GroupsAPI(community: service).addRoutes(to: api)
        AnnouncementsAPI(community: service).addRoutes(to: api)
    }

    public func addPages(to pages: RouterGroup<AppRequestContext>, renderer: PageRenderer) {
        ForumPages(community: service, renderer: renderer, panels: panels).addRoutes(to: pages)
        GroupPages(community: service, renderer: renderer, panels: panels).addRoutes(to: pages)
        AnnouncementPages(community: service, renderer: renderer, panels: panels).addRoutes(to: pages)
    }
}
