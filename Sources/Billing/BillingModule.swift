import Hummingbird
import LyceumContracts
import LyceumHTTP
import LyceumPlatform
import LyceumWeb

/// Paid courses through Stripe Checkout: orders, Stripe's webhooks, refunds, coupons, the receipt and refund
/// emails, and the purchase, revenue and payments views.
///
/// It needs a `CourseDirectory` (prices, who stands where) and `CourseEnrollments` (seats) from Courses and a
/// `UserDirectory` (buyers' addresses) from Identity, and owns the `billing_*` tables (migrations 700–799).
/// A paid checkout's order commits before Stripe is called, and becomes `failed` when Stripe refuses; the
/// webhook (`POST /api/v1/payments/webhook`, public, signed) moves orders along, queues the emails and a
/// `billing.sync-seat` job in the same transaction as the event id it records.
public struct BillingModule: LyceumModule {
    /// The domain's service.
    public let service: BillingService

    public var name: String { "billing" }
    public var migrations: [Migration] { BillingMigrations.all }
    public var mailTemplates: [MailTemplate] { BillingMailTemplates.all }
    public var templates: [PageTemplate] { BillingTemplates.all }
    public var openAPIFragment: String { BillingOpenAPI.fragment }

    /// Builds the service from the platform services, Courses' and Identity's interfaces and the Stripe settings.
    public init(context: ModuleContext, configuration: BillingConfiguration) throws {
        service = BillingService(
            database: context.database, clock: context.clock, jobs: context.jobs, mail: context.mail,
            courses: try context.require((any CourseDirectory).self), users: try context.require((any UserDirectory).self),
            enrollments: try context.require((any CourseEnrollments).self), configuration: configuration, logger: context.logger
        )
        context.provide(service, as: BillingService.self)
        BillingPanels.register(in: context.panels, service: service)
    }

    /// Registers the job that brings a buyer's enrollment in line with their order.
    public func registerJobs(_ registry: JobRegistry) {
        let service = service
        registry.register(SyncSeat.self, queue: "events") { job, _ in
            try await service.syncSeat(orderID: job.orderID)
        }
    }

    public func addAPIRoutes(to api: RouterGroup<AppRequestContext>) {
        BillingAPI(billing: service).addRoutes(to: api)
    }

    public func addPages(to pages: RouterGroup<AppRequestContext>, renderer: PageRenderer) {
        BillingPages(billing: service, renderer: renderer).addRoutes(to: pages)
    }
}
