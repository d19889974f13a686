import Hummingbird
import LyceumContracts
import LyceumHTTP
import LyceumPlatform
import LyceumWeb

/// In-app notifications: delivers every `NotificationRequested` (and the Courses events that notify a
/// student) as one notification per recipient, and serves the bell, the list and the preferences.
///
/// - Delivery: a domain publishes `NotificationRequested` through the outbox in the transaction of its
///   cause, so the delivery job exists if and only if the cause committed (never lost; the job retries).
///   Courses' `StudentEnrolled` with `addedBy` becomes an `enrollment` notification linking to the course, and
///   `QuizAttemptGraded` a `grade` notification linking to the attempt. The handler writes every recipient's
///   row in one transaction with `ON CONFLICT (recipient_id, source_key) DO NOTHING`, leaving out the actor,
///   repeated recipients and recipients who switched the kind off, so a delivery cut short leaves nothing and
///   a repeated one adds nothing (never duplicated).
/// - Live updates: after the commit each new notification is announced on `NotificationChannel`.
/// - Reads: the list is one indexed query per page (cursor over `created_at, id`), written by `JSONWriter`;
///   the unread count reads a partial index of unread rows. Pages and the bell use the web session; the
///   bell's script (`/static/live.js`) reads `/notifications/unread-count` and then follows `notification.created` on the socket, so no page render queries it.
/// - Preferences: one row per kind a user changed; a kind without a row is on.
/// - Retention: read notifications older than 180 days are deleted daily; unread ones are kept.
public struct NotificationsModule: LyceumModule {
    private let courses: any CourseDirectory
    /// The domain's service.
    public let service: NotificationsService

    public var name: String { "notifications" }
    public var migrations: [Migration] { NotificationsMigrations.all }
    public var templates: [PageTemplate] { NotificationTemplates.all }
    public var openAPIFragment: String { NotificationsOpenAPI.fragment }

    /// Builds the module from the platform services and the course directory (for links to courses).
    public init(context: ModuleContext) throws {
        courses = try context.require((any CourseDirectory).self)
        service = NotificationsService(database: context.database, clock: context.clock, pubSub: context.pubSub, logger: context.logger)
        context.provide(service, as: NotificationsService.self)
    }

    /// Subscribes delivery to the events and schedules the daily pruning of old read notifications.
    public func registerJobs(_ registry: JobRegistry) {
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
