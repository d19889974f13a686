import Hummingbird
import LyceumContracts
import LyceumHTTP
import LyceumPlatform
import LyceumWeb

/// Notifications: delivers every `NotificationRequested` (and the Courses and Identity events that notify a
/// user) as one in-app notification and one email per recipient, as each chose per kind and channel; sends
/// the weekly digest; and serves the bell, the list, the preferences and the unsubscribe links.
///
/// - Delivery: a domain publishes `NotificationRequested` through the outbox in the transaction of its
///   cause, so the delivery job exists if and only if the cause committed (never lost; the job retries).
///   Courses' `StudentEnrolled` becomes an `enrollment` email (and, with `addedBy`, an in-app notification)
///   linking to the course, `QuizAttemptGraded` a `grade` notification linking to the attempt, `CourseCompleted`
///   a `certificate` notification, and Identity's `UserRegistered` a `welcome`. The handler writes every recipient's
///   row in one transaction with `ON CONFLICT (recipient_id, source_key) DO NOTHING`, leaving out the actor,
///   repeated recipients and recipients who switched the kind off, so a delivery cut short leaves nothing and
///   a repeated one adds nothing (never duplicated).
/// - Live updates: after the commit each new notification is announced on `NotificationChannel`.
/// - Reads: the list is one indexed query per page (cursor over `created_at, id`), written by `JSONWriter`;
///   the unread count reads a partial index of unread rows. Pages and the bell use the web session; the
///   bell's script (`/static/live.js`) reads `/notifications/unread-count` and then follows `notification.created` on the socket, so no page render queries it.
/// - Preferences: one row per kind a user changed (in-app, email and digest channels); a kind without a row
///   takes its defaults (`NotificationChannels.defaults`). One switch turns off all non-essential email.
/// - Email: queued as `SendMail` jobs in the delivery's transaction (unique key per source and recipient),
///   each with a signed one-click unsubscribe link (`UnsubscribeTokens`, `/unsubscribe/{token}`).
/// - Digest: weekly, the unread notifications of the past 7 days no digest listed yet (`digested_at`).
/// - Retention: read notifications older than 180 days are deleted daily; unread ones are kept.
public struct NotificationsModule: LyceumModule {
    private let courses: any CourseDirectory
    /// The domain's service.
    public let service: NotificationsService

    public var name: String { "notifications" }
    public var migrations: [Migration] { NotificationsMigrations.all }
    public var templates: [PageTemplate] { NotificationTemplates.all + UnsubscribeTemplates.all }
    /// One email per kind and the weekly digest, all non-essential.
    public var mailTemplates: [MailTemplate] { NotificationMailTemplates.all }
    public var openAPIFragment: String { NotificationsOpenAPI.fragment }

    /// Builds the module from the platform services, the course directory (for links to courses) and the user
    /// directory (for addresses); unsubscribe links are signed with a key derived from `signingKey`, the
    /// installation's signing secret.
    public init(context: ModuleContext, signingKey: String) throws {
        courses = try context.require((any CourseDirectory).self)
        service = NotificationsService(
            database: context.database, clock: context.clock, pubSub: context.pubSub, logger: context.logger, jobs: context.jobs,
            users: try context.require((any UserDirectory).self), composer: context.mail, unsubscribe: UnsubscribeTokens(secret: signingKey)
        )
        context.provide(service, as: NotificationsService.self)
    }

    /// Subscribes delivery to the events, and schedules the daily pruning of old read notifications and the
    /// weekly digest.
    public func registerJobs(_ registry: JobRegistry) {
        NotificationEvents.register(in: registry, service: service, courses: courses)
        NotificationsService.registerRetention(in: registry, service: service)
        NotificationsService.registerDigest(in: registry, service: service)
    }

    public func addAPIRoutes(to api: RouterGroup<AppRequestContext>) {
        NotificationsAPI(notifications: service).addRoutes(to: api)
    }

    public func addPages(to pages: RouterGroup<AppRequestContext>, renderer: PageRenderer) {
        NotificationPages(notifications: service, renderer: renderer).addRoutes(to: pages)
    }

    /// The unsubscribe links' landing page and one-click `POST`, which work without signing in.
    public func addPublicPages(to root: RouterGroup<AppRequestContext>, renderer: PageRenderer) {
        UnsubscribePages(notifications: service, renderer: renderer).addRoutes(to: root)
    }
}
