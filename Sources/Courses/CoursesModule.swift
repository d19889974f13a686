import Foundation
import Hummingbird
import LyceumContracts
import LyceumCore
import LyceumHTTP
import LyceumPlatform
import LyceumWeb

/// The Courses domain as the application sees it: catalog, courses and their structure, enrollment and
/// progress, quizzes, gradebooks and certificates, with their API and pages.
///
/// It needs a `UserDirectory` (Identity provides it) and an `UploadCatalog` with its `UploadReadAccessRegistry`
/// (Media provides them) and publishes `CoursesService`, a `CourseDirectory` and `CourseEnrollments` (the seats
/// Billing grants to buyers) for other domains; it lets Media serve lesson attachments and videos to the lesson's readers and forgets
/// deleted uploads (`UploadDeleted`). It announces `StudentEnrolled`, `StudentUnenrolled`, `QuizAttemptGraded` and
/// `CourseCompleted` through the outbox.
public struct CoursesModule: LyceumModule {
    /// The domain's service.
    public let service: CoursesService
    private let cache: any ResponseCache
    private let panels: PagePanels

    public var name: String { "courses" }
    public var migrations: [Migration] { CoursesMigrations.all }
    public var openAPIFragment: String { CoursesOpenAPI.fragment }
    public var templates: [PageTemplate] { CourseTemplates.all + TeachTemplates.all + TeachItemTemplates.all }

    /// Builds the service; every committed change to course content drops the cached answers that show it,
    /// on every replica.
    public init(context: ModuleContext) throws {
        let cache = context.responseCache
        self.cache = cache
        panels = context.panels
        service = CoursesService(
            database: context.database, users: try context.require((any UserDirectory).self), clock: context.clock,
            jobs: context.jobs, uploads: try context.require((any UploadCatalog).self), onChange: { ids in await cache.invalidate(CoursesCacheTags.invalidated(by: ids)) }
        )
        context.provide(service, as: CoursesService.self)
        let readAccess = try context.require(UploadReadAccessRegistry.self)
        readAccess.register("lesson-attachment", LessonUploadAccess(courses: service, use: .attachment))
        readAccess.register("lesson-video", LessonUploadAccess(courses: service, use: .video))
        context.provide(CoursesDirectory(database: context.database), as: (any CourseDirectory).self)
        context.provide(PurchasedEnrollments(courses: service), as: (any CourseEnrollments).self)
    }

    public func registerJobs(_ registry: JobRegistry) {
        LessonMediaEvents.register(in: registry, service: service)
    }

    public func addAPIRoutes(to api: RouterGroup<AppRequestContext>) {
        api.addRoutes(CoursesController(courses: service, cache: cache).endpoints)
        api.addRoutes(QuizzesController(courses: service).endpoints)
        api.addRoutes(LessonAttachmentsController(courses: service).endpoints)
    }

    public func addPages(to pages: RouterGroup<AppRequestContext>, renderer: PageRenderer) {
        CoursePages(courses: service, renderer: renderer, cache: cache, panels: panels).addRoutes(to: pages)
        TeachPages(courses: service, renderer: renderer).addRoutes(to: pages)
        TeachItemPages(courses: service, renderer: renderer).addRoutes(to: pages)
        QuizEditorPages(courses: service, renderer: renderer).addRoutes(to: pages)
    }

    public func seedDemo(_ school: DemoSchoolSeed) async throws {
        try await DemoCourses.seed(service, school: school)
    }
}
