import Courses
import Foundation
import Hummingbird
import Identity
import Logging
import LyceumCore
import LyceumHTTP
import LyceumPlatform
import Prometheus

/// The concrete application type `buildApplication` returns.
public typealias LyceumApplication = Application<RouterResponder<AppRequestContext>>

/// The long-lived parts of a running Lyceum, for the CLI and for tests that look behind the HTTP API.
public struct LyceumServices: Sendable {
    /// The database handle (SQLite or PostgreSQL).
    public let database: any Database
    /// Applies the schema.
    public let migrator: Migrator
    /// Accounts and sign-in.
    public let identity: IdentityService
    /// Courses, structure, enrollment and progress.
    public let courses: CoursesService
    /// Encoded catalog and outline answers; dropped whenever course content changes.
    public let responseCache: ResponseCache
    /// The embedded mailer; its outbox holds every message sent.
    public let mailer: OutboxMailer
    /// Readiness state, flipped by SIGTERM.
    public let readiness: Readiness
    /// The metrics `/metrics` serves (request counters once `main` bootstraps swift-metrics with it).
    public let metrics: PrometheusCollectorRegistry
}

/// Every migration the binary knows, in order.
public let allMigrations: [Migration] = PlatformMigrations.all + IdentityMigrations.all + CoursesMigrations.all

/// Opens storage and builds every service, without an HTTP server. The caller owns the database's
/// lifetime: run it as a service (PostgreSQL needs its pool running) and shut it down after use.
public func buildServices(
    configuration: LyceumConfiguration, logger: Logger, clock: WallClock = .system,
    metrics: PrometheusCollectorRegistry = PrometheusCollectorRegistry()
) async throws -> LyceumServices {
    let database: any Database
    switch configuration.storage {
    case .sqlite(let path):
        try DataDirectory.prepare(configuration.dataDirectory)
        do {
            database = try await SQLiteDatabase.open(path: path, logger: logger)
        } catch {
            throw ConfigurationError("The SQLite database \(path) cannot be opened; check that the file is a Lyceum database.")
        }
    case .postgres(let url):
        database = PostgresDatabase(url: url, poolSize: configuration.databasePoolSize, logger: logger)
    }
    let signingKey = try DataDirectory.signingKey(for: configuration)
    let mailer = OutboxMailer(database: database, clock: { clock.now() })
    let identityConfiguration = IdentityConfiguration(publicURL: configuration.publicURL)
    let identity = IdentityService(
        database: database,
        hasher: try await PasswordHasher(cost: UInt8(configuration.bcryptCost)),
        accessTokens: await AccessTokens(
            secret: signingKey, lifetime: identityConfiguration.accessTokenLifetime,
            clock: clock
        ),
        mailer: mailer,
        clock: clock,
        configuration: identityConfiguration
    )
    let responseCache = ResponseCache()
    return LyceumServices(
        database: database,
        migrator: try Migrator(database: database, migrations: allMigrations, logger: logger),
        identity: identity,
        courses: CoursesService(database: database, users: identity, clock: clock, onChange: { responseCache.invalidateAll() }),
        responseCache: responseCache,
        mailer: mailer,
        readiness: Readiness(),
        metrics: metrics
    )
}

/// Builds the whole application: storage, domains, routes, pages and middleware.
/// Tests call this very function with their own configuration, so what is tested is what runs.
public func buildApplication(
    configuration: LyceumConfiguration, logger: Logger, clock: WallClock = .system,
    metrics: PrometheusCollectorRegistry = PrometheusCollectorRegistry()
) async throws -> (application: LyceumApplication, services: LyceumServices) {
    let services = try await buildServices(configuration: configuration, logger: logger, clock: clock, metrics: metrics)
    let router = try buildRouter(configuration: configuration, services: services)
    var application = Application(
        router: router,
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "Lyceum"),
        services: [services.database],
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
            if configuration.demo, try await DemoSchool.isEmpty(services.database) {
                let summary = try await DemoSchool.seed(services)
                logger.notice("\(summary.text)")
            }
        }
    }
    return (application, services)
}

func buildRouter(configuration: LyceumConfiguration, services: LyceumServices) throws -> Router<AppRequestContext> {
    let assets = StaticAssets()
    let renderer = try PageRenderer(assets: assets)
    let router = Router(context: AppRequestContext.self)
    router.add(
        middleware: RequestEnvelopeMiddleware(
            maxBodyBytes: configuration.maxBodyBytes,
            secureByDefault: configuration.isPublicURLSecure,
            renderErrorPage: { error, request, context in
                let path = request.uri.path
                guard !path.hasPrefix("/api/"), !path.hasPrefix("/health/"),
                    request.headers[.accept]?.contains("text/html") == true
                else { return nil }
                return renderer.errorPage(error, context: context)
            }
        )
    )

    router.add(middleware: MetricsMiddleware())
    let health = HealthController(database: services.database, migrator: services.migrator, readiness: services.readiness)
    router.addRoutes(health.endpoints, atPath: "/health")
    router.addRoutes(MetricsEndpoint(registry: services.metrics).endpoints)
    router.addRoutes(assets.endpoints, atPath: "/static")

    let identity = services.identity
    let api = router.group("/api/v1").add(middleware: BearerAuthenticator(identity: identity))
    api.addRoutes(AuthController(identity: identity).endpoints, atPath: "auth")
    api.addRoutes(MeController(identity: identity).endpoints, atPath: "me")
    api.addRoutes(AdminUsersController(identity: identity).endpoints, atPath: "admin/users")
    api.addRoutes(CoursesController(courses: services.courses, cache: services.responseCache).endpoints)
    api.addRoutes(QuizzesController(courses: services.courses).endpoints)
    api.addRoutes(OpenAPIDocument.endpoints)

    let pages = router.group().add(middleware: WebSessionMiddleware(identity: identity))
    let sessionLifetime = Int(identity.webSessionLifetime)
    pages.addRoutes(AccountPages(identity: identity, renderer: renderer, sessionLifetime: sessionLifetime).endpoints)
    pages.addRoutes(ProfilePages(identity: identity, renderer: renderer).endpoints, atPath: "profile")
    pages.addRoutes(AdminPages(identity: identity, renderer: renderer).endpoints, atPath: "admin")
    pages.addRoutes(CoursePages(identity: identity, courses: services.courses, renderer: renderer, cache: services.responseCache).endpoints)
    pages.addRoutes(TeachPages(identity: identity, courses: services.courses, renderer: renderer).endpoints, atPath: "teach")
    return router
}
