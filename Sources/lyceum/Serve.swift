import ArgumentParser
import Foundation
import Logging
import LyceumApp
import LyceumPlatform
import Metrics
import Prometheus
import ServiceLifecycle
import UnixSignals

/// `lyceum serve`: run the web server until SIGTERM or SIGINT.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the web server.",
        discussion: """
            Applies pending migrations first (unless LYCEUM_DATABASE_MIGRATE_ON_START=false). On SIGTERM the
            readiness check turns 503, in-flight requests finish, and the process exits 0.
            """
    )

    @OptionGroup var common: CommonOptions

    @Option(help: "Address to listen on (or LYCEUM_HOST). Default: 127.0.0.1")
    var host: String?

    @Option(help: "Port to listen on (or LYCEUM_PORT). Default: 8080")
    var port: Int?

    @Option(help: "Public address used in email links (or LYCEUM_PUBLIC_URL). Default: http://HOST:PORT")
    var publicURL: String?

    @Option(help: "What to run: web, worker or web,worker (or LYCEUM_ROLES). Default: web,worker")
    var roles: String?

    @Flag(help: "Seed the demo school when the database is empty (or LYCEUM_DEMO=true).")
    var demo = false

    func run() async throws {
        var flags = common.flags
        flags["host"] = host
        flags["port"] = port.map(String.init)
        flags["publicUrl"] = publicURL
        flags["roles"] = roles
        if demo { flags["demo"] = "true" }
        try await CommandRunner.run(flags: flags) { configuration, logger in
            let registry = PrometheusCollectorRegistry()
            MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
            let (application, services) = try await buildApplication(configuration: configuration, logger: logger, metrics: registry)
            logger.info(
                "Lyceum \(LyceumVersion.current) starting",
                metadata: [
                    "address": "\(configuration.host):\(configuration.port)",
                    "database": "\(services.database.engine.rawValue)",
                    "public_url": "\(configuration.publicURL)",
                    "roles": "\(configuration.roles.map(\.rawValue).sorted().joined(separator: ","))",
                ]
            )
            let group = ServiceGroup(
                configuration: .init(
                    services: [
                        .init(service: application),
                        .init(service: DrainOnShutdown(readiness: services.readiness, drainSeconds: configuration.shutdownDrainSeconds)),
                    ],
                    gracefulShutdownSignals: [.sigterm, .sigint],
                    logger: logger
                )
            )
            try await group.run()
            logger.info("Lyceum stopped")
        }
    }
}
