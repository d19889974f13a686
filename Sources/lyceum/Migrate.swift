import ArgumentParser
import LyceumApp
import LyceumPlatform

/// `lyceum migrate`: apply pending schema migrations and exit.
struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Apply pending database migrations and exit.",
        discussion: "Safe to run while other replicas start: migrations hold a lock and never apply twice."
    )

    @OptionGroup var common: CommonOptions

    func run() async throws {
        try await CommandRunner.run(flags: common.flags) { configuration, logger in
            try await CommandRunner.withServices(configuration: configuration, logger: logger) { services in
                let applied = try await services.migrator.migrate()
                if applied.isEmpty {
                    print("The database schema is up to date.")
                } else {
                    print("Applied migrations: \(applied.map(String.init).joined(separator: ", ")).")
                }
            }
        }
    }
}
