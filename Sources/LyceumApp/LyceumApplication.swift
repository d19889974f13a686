import Billing
import Community
import Courses
import Foundation
import Hummingbird
import Identity
import Logging
import LyceumContracts
import LyceumCore
import LyceumHTTP
import LyceumPlatform
import LyceumWeb
import Media
import Notifications
import Prometheus
import Realtime
import ServiceLifecycle

/// The concrete application type `buildApplication` returns.
public typealias LyceumApplication = Application<RouterResponder<AppRequestContext>>

/// The long-lived parts of a running Lyceum, for the CLI and for tests that look behind the HTTP API.
public struct LyceumServices: Sendable {
    /// The database handle (SQLite or PostgreSQL).
    public let database: any Database
    /// Applies the schema of every module.
    public let migrator: Migrator
    /// The domain modules, in the order they were built.
    public let modules: [any LyceumModule]
    /// What the modules published to each other (`IdentityService`, `UserDirectory`, ...).
    public let context: ModuleContext
    /// Messages between replicas: in-process on SQLite, `LISTEN/NOTIFY` on PostgreSQL.
    public let pubSub: any PubSub
    /// Encoded catalog and outline answers; a change drops what it affects, on every replica.
    public let responseCache: InMemoryResponseCache
    /// The embedded mailer; its outbox holds every message sent when no SMTP relay is configured.
    public let mailer: OutboxMailer
    /// The SMTP mailer that sends mail when `LYCEUM_SMTP_URL` is set; a service that closes its connections at shutdown.
    public let smtpMailer: SMTPMailer?
    /// The durable job queue and event outbox.
    public let jobs: JobQueue
    /// Where uploaded files live: the data directory or an S3 bucket. Modules get it with
    /// `context.require((any ObjectStore).self)`.
    public let objectStore: any ObjectStore
    /// Readiness state, flipped by SIGTERM.
    public let readiness: Readiness
    /// The metrics `/metrics` serves (request counters once `main` bootstraps swift-metrics with it).
    public let metrics: PrometheusCollectorRegistry

    /// The service a module published as `interface`.
    public func require<Interface: Sendable>(_ interface: Interface.Type) throws -> Interface {
        try context.require(interface)
    }
}

/// The domain modules, in dependency order: a module may use what the modules before it provide.
/// Adding a domain adds its line here and nothing else.
func buildModules(
    _ context: ModuleContext, configuration: LyceumConfiguration, metrics: PrometheusCollectorRegistry
) async throws -> [any LyceumModule] {
    [
        try MediaModule(context: context, configuration: configuration.media),
        try await IdentityModule(
            context: context, configuration: configuration.identity,
            signingKey: try DataDirectory.signingKey(for: configuration), bcryptCost: configuration.bcryptCost
        ),
        try CoursesModule(context: context),
        try CommunityModule(context: context),
        try NotificationsModule(context: context, signingKey: try DataDirectory.signingKey(for: configuration)),
        try BillingModule(context: context, configuration: configuration.billingSettings),
        try RealtimeModule(context: context, configuration: configuration.realtimeSettings, metrics: RealtimeMetrics(registry: metrics)),
        OperationsModule(context: context),
    ]
}

/// Opens storage and builds every module, without an HTTP server. The caller owns the database's
/// lifetime: run it as a service (PostgreSQL needs its pool running) and shut it down after use.
public func buildServices(
    configuration: LyceumConfiguration, logger: Logger, clock: WallClock = .system,
    metrics: PrometheusCollectorRegistry = PrometheusCollectorRegistry()
) async throws -> LyceumServices {
    let database: any Database
    let pubSub: any PubSub
    switch configuration.storage {
    case .sqlite(let path):
        try DataDirectory.prepare(configuration.dataDirectory)
        do {
            database = try await SQLiteDatabase.open(path: path, logger: logger)
        } catch {
            throw ConfigurationError("The SQLite database \(path) cannot be opened; check that the file is a Lyceum database.")
        }
        pubSub = InProcessPubSub()
    case .postgres(let url):
        let postgres = PostgresDatabase(url: url, poolSize: configuration.databasePoolSize, logger: logger)
        database = postgres
        pubSub = PostgresPubSub(database: postgres, logger: logger)
    }
    let mailer = OutboxMailer(database: database, clock: { clock.now() })
    let smtpMailer = try configuration.smtp.map { settings throws(ConfigurationError) in
        try SMTPMailer(settings: settings, database: database, clock: { clock.now() })
    }
    let delivery: any Mailer = smtpMailer ?? mailer
    let responseCache = InMemoryResponseCache(pubSub: pubSub, logger: logger)
    let jobs = JobQueue(database: database, registry: JobRegistry(), clock: clock)
    try jobs.registry.registerPlatformJobs(queue: jobs, mailer: delivery, retention: configuration.jobRetention)
    let context = ModuleContext(
        database: database, clock: clock, logger: logger, mailer: delivery,
        mail: try MailComposer(publicURL: configuration.publicURL), jobs: jobs, pubSub: pubSub,
        responseCache: responseCache, rateLimiter: InProcessRateLimiter()
    )
    let objectStore = try ObjectStorage.open(configuration, clock: clock)
    context.provide(objectStore, as: (any ObjectStore).self)
    let modules = try await buildModules(context, configuration: configuration, metrics: metrics)
    for module in modules {
        module.registerJobs(jobs.registry)
        try context.mail.register(module.mailTemplates)
    }
    return LyceumServices(
        database: database,
        migrator: try Migrator(database: database, migrations: PlatformMigrations.all + modules.flatMap(\.migrations), logger: logger),
        modules: modules,
        context: context,
        pubSub: pubSub,
        responseCache: responseCache,
        mailer: mailer,
        smtpMailer: smtpMailer,
        jobs: jobs,
        objectStore: objectStore,
        readiness: Readiness(),
        metrics: metrics
    )
}

/// Builds the whole application: storage, modules, routes, pages and middleware.
/// Tests call this very function with their own configuration, so what is tested is what runs.
public func buildApplication(
    configuration: LyceumConfiguration, logger: Logger, clock: WallClock = .system,
    metrics: PrometheusCollectorRegistry = PrometheusCollectorRegistry()
) async throws -> (application: LyceumApplication, services: LyceumServices) {
    let services = try await buildServices(configuration: configuration, logger: logger, clock: clock, metrics: metrics)
    let router = try buildRouter(configuration: configuration, services: services)
    var background: [any Service] = [services.database, services.responseCache]
    // Before the worker, so it is shut down after the worker's last job (services stop in reverse order).
    if let smtpMailer = services.smtpMailer { background.append(smtpMailer) }
    if configuration.roles.contains(.web) {
        background += services.modules.flatMap(\.backgroundServices)
    }
    let schemaReady = SchemaGate()
    if configuration.roles.contains(.worker) {
        let worker = JobWorker(queue: services.jobs, pubSub: services.pubSub, configuration: configuration.jobWorker, logger: logger)
        background.append(GatedService(gate: schemaReady, service: worker))
        background.append(GatedService(gate: schemaReady, service: RecurringJobScheduler(queue: services.jobs, logger: logger)))
    }
    var application = Application(
        router: router,
        server: buildServer(configuration: configuration, services: services, logger: logger),
        // A deep accept queue: after a replica restarts, thousands of real-time clients reconnect at once, and
        // Hummingbird's default of 256 let the kernel drop their SYNs (clients then wait 1 s, 3 s to retry).
        configuration: .init(
            address: .hostname(configuration.host, port: configuration.port), serverName: serverName, backlog: 4096
        ),
        services: background,
        logger: logger
    )
    if configuration.migrateOnStart || configuration.demo {
        application.beforeServerStarts {
            do {
                _ = try await withDeadline(.seconds(60), "Applying migrations") { try await services.migrator.migrate() }
            } catch is DeadlineExceeded {
                throw ConfigurationError(
                    "The database did not answer within 60 seconds; check LYCEUM_DATABASE_URL and that the server is running."
                )
            }
            schemaReady.open()
            if configuration.demo, try await DemoSchool.isEmpty(services) {
                let summary = try await DemoSchool.seed(services)
                logger.notice("\(summary.text)")
            }
        }
    } else {
        schemaReady.open()
    }
    return (application, services)
}

func buildRouter(configuration: LyceumConfiguration, services: LyceumServices) throws -> Router<AppRequestContext> {
    let assets = try StaticAssets(moduleAssets: services.modules.flatMap(\.webAssets))
    let renderer = try PageRenderer(templates: services.modules.flatMap(\.templates), assets: assets)
    let authenticator = try services.require((any CallerAuthenticator).self)
    // HEAD is answered wherever GET is (uptime monitors and load balancers probe with it): same status and
    // headers, no body.
    let router = Router(context: AppRequestContext.self, options: .autoGenerateHeadEndpoints)
    router.add(
        middleware: SecurityHeadersMiddleware(
            secureByDefault: configuration.isPublicURLSecure, storageOrigin: configuration.objectStorage.browserOrigin,
            formTargetOrigin: configuration.billingSettings.checkoutOrigin
        )
    )
    router.add(
        middleware: RequestEnvelopeMiddleware(
            maxBodyBytes: configuration.maxBodyBytes,
            secureByDefault: configuration.isPublicURLSecure,
            trustedProxies: configuration.trustedProxies,
            classify: classifyLowerLayerError,
            renderErrorPage: { error, request, context in
                let path = request.uri.path
                guard !path.hasPrefix("/api/"), !path.hasPrefix("/health/"),
                    request.headers[.accept]?.contains("text/html") == true
                else { return nil }
                return renderer.errorPage(error, request: request, context: context)
            }
        )
    )
    router.add(middleware: PageErrorMiddleware(renderer: renderer, session: WebSessionMiddleware(authenticator: authenticator)))
    router.add(middleware: RequestMetricsMiddleware(metrics: RequestMetrics()))
    router.addRoutes(HealthController(database: services.database, migrator: services.migrator, readiness: services.readiness).endpoints, atPath: "/health")
    router.addRoutes(MetricsEndpoint(registry: services.metrics).endpoints)
    guard configuration.roles.contains(.web) else { return router }
    assets.addRoutes(to: router)

    let api = router.group("/api/v1").add(middleware: BearerAuthenticator(authenticator: authenticator))
    if let budget = configuration.apiRateLimit {
        api.add(middleware: RateLimitMiddleware(limiter: services.context.rateLimiter, budget: budget, clock: services.context.clock))
    }
    let pages = router.group()
        .add(middleware: WebSessionMiddleware(authenticator: authenticator))
        .add(middleware: CSRFMiddleware())
    let root = router.group()
    for module in services.modules {
        module.addAPIRoutes(to: api)
        module.addPages(to: pages, renderer: renderer)
        module.addPublicRoutes(to: root)
        module.addPublicPages(to: root, renderer: renderer)
    }
    api.addRoutes(try OpenAPIDocument(fragments: services.modules.flatMap(\.openAPIFragments)).endpoints)
    // Added last, it wraps only the router's not-found answer (built from every middleware when the router starts).
    router.add(middleware: MethodNotAllowedMiddleware(routes: router.routes.map { ($0.method, $0.path.description) }))
    return router
}

/// Errors of the layers below the domains that are the client's fault: a foreign key that no longer holds
/// means a row the request refers to was deleted while it ran.
@Sendable func classifyLowerLayerError(_ error: any Error) -> AppError? {
    DatabaseFailure(error) == .foreignKeyViolation ? AppError.staleReference : nil
}
