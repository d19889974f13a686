import Hummingbird
import LyceumContracts
import LyceumHTTP
import LyceumPlatform
import LyceumWeb

/// In-app notifications: delivers every `NotificationRequested` (and the Courses events that notify a
/// student) as one notification per recipient, and serves the bell, the list and the preferences.
public struct NotificationsModule: LyceumModule {
    private let context: ModuleContext
    /// The domain's service.
    public let service: NotificationsService

    public var name: String { "notifications" }
    public var migrations: [Migration] { NotificationsMigrations.all }
    public var templates: [PageTemplate] { NotificationTemplates.all }
    public var openAPIFragment: String { NotificationsOpenAPI.fragment }

    /// Builds the module from the platform services.
    public init(context: ModuleContext) {
        self.context = context
        service = NotificationsService(database: context.database, clock: context.clock, pubSub: context.pubSub, logger: context.logger)
        context.provide(service, as: NotificationsService.self)
    }

    /// Subscribes delivery to the events (Courses, listed earlier, provides the course directory for links) and
    /// schedules the daily pruning of old read notifications.
    public func registerJobs(_ registry: JobRegistry) {
        let courses: any CourseDirectory
        do {
            courses = try context.require((any CourseDirectory).self)
        } catch {
            preconditionFailure(error.description)
        }
        NotificationEvents.register(in: registry, service: service, courses: courses)
        NotificationsService.registerRetention(in: registry, service: service)
    }

    public func addAPIRoutes(to api: RouterGroup<AppRequestContext>) {
        NotificationsAPI(notifications: service).addRoutes(to: api)
    }

    public func addPages(to pages: RouterGroup<AppRequestContext>, renderer: PageRenderer) {
        NotificationPages(notifications: service, renderer: renderer).addRoutes(to: pages)
    }
}
