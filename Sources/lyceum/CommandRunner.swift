import ArgumentParser
import Foundation
import Logging
import LyceumApp
import LyceumCore
import LyceumPlatform
import ServiceLifecycle

/// Loads configuration, installs logging, runs a command body, and reports failures as one sentence.
enum CommandRunner {
    static func run(
        flags: [String: String],
        _ body: (LyceumConfiguration, Logger) async throws -> Void
    ) async throws {
        var configuration: LyceumConfiguration?
        do {
            let loaded = try await LyceumConfiguration.load(flags: flags, environment: ProcessInfo.processInfo.environment)
            configuration = loaded
            LogSetup.bootstrap(level: loaded.logLevel, format: loaded.logFormat)
            try await body(loaded, Logger(label: "lyceum"))
        } catch let error as ExitCode {
            throw error
        } catch let error as CleanExit {
            throw error
        } catch {
            FileHandle.standardError.write(Data("lyceum: \(StartupFailure.describe(error, configuration: configuration))\n".utf8))
            throw ExitCode(1)
        }
    }

    /// Builds the services, keeps the database running while `body` works, then closes it.
    static func withServices(
        configuration: LyceumConfiguration, logger: Logger, _ body: @escaping @Sendable (LyceumServices) async throws -> Void
    ) async throws {
        let services = try await buildServices(configuration: configuration, logger: logger)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await services.database.run() }
            do {
                let database = services.database
                try await withDeadline(.seconds(30), "Connecting to the database") { try await database.ping() }
                try await body(services)
            } catch {
                group.cancelAll()
                await services.database.shutdown()
                throw error
            }
            group.cancelAll()
        }
        await services.database.shutdown()
    }
}
