import Foundation
import Logging
import LyceumPlatform
import SQLKit
import ServiceLifecycle
import Testing

/// The database engines a test runs on: SQLite always, PostgreSQL when `LYCEUM_TEST_DATABASE_URL` is set.
public enum TestEngine: String, Sendable, CustomTestStringConvertible, CaseIterable {
    case sqlite
    case postgres

    /// The engines this run covers. Use as `@Test(arguments: TestEngine.available)`.
    public static var available: [TestEngine] {
        TestDatabases.postgresURL == nil ? [.sqlite] : [.sqlite, .postgres]
    }

    public var testDescription: String { rawValue }
}

/// Where a fresh, empty test database lives.
public enum TestDatabaseLocation: Sendable {
    /// A SQLite file in a fresh temporary directory.
    case sqlite(directory: String)
    /// A fresh PostgreSQL database.
    case postgres(url: String)
}

/// Fresh, isolated databases for tests: a temporary directory for SQLite, `CREATE DATABASE` for PostgreSQL.
/// Tests can run in any order and in parallel.
public enum TestDatabases {
    /// The PostgreSQL server URL given to the test run, if any.
    public static var postgresURL: String? {
        let value = ProcessInfo.processInfo.environment["LYCEUM_TEST_DATABASE_URL"]
        return value?.isEmpty == false ? value : nil
    }

    /// A logger for test infrastructure; quiet unless `LYCEUM_TEST_LOG_LEVEL` says otherwise.
    public static var logger: Logger {
        var logger = Logger(label: "lyceum.test")
        logger.logLevel = Logger.Level(rawValue: ProcessInfo.processInfo.environment["LYCEUM_TEST_LOG_LEVEL"] ?? "") ?? .critical
        return logger
    }

    /// Runs `body` with a fresh empty database of `engine`, then removes it.
    public static func withFreshLocation<Result: Sendable>(
        _ engine: TestEngine, _ body: (TestDatabaseLocation) async throws -> Result
    ) async throws -> Result {
        switch engine {
        case .sqlite:
            let directory = NSTemporaryDirectory() + "lyceum-test-" + UUID().uuidString.lowercased()
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(atPath: directory) }
            return try await body(.sqlite(directory: directory))
        case .postgres:
            guard let serverURL = postgresURL else {
                throw ConfigurationError("LYCEUM_TEST_DATABASE_URL is not set; PostgreSQL tests cannot run.")
            }
            return try await postgresPermits.withPermit {
                try await withFreshPostgresDatabase(serverURL, body)
            }
        }
    }

    /// How many PostgreSQL test databases are in use at once. Each test app holds up to
    /// ``postgresPoolSize`` pooled connections plus its `LISTEN` connections; 24 of them stay well inside the
    /// test server's `max_connections` (400) with room for administration.
    private static let postgresPermits = TestPermits(limit: 24)

    /// The connection pool size for PostgreSQL test databases and the test apps built on them.
    public static let postgresPoolSize = 4

    private static func withFreshPostgresDatabase<Result: Sendable>(
        _ serverURL: String, _ body: (TestDatabaseLocation) async throws -> Result
    ) async throws -> Result {
        let name = "t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        try await administer(serverURL) { sql in
            try await sql.execute(sql: SQLRaw("CREATE DATABASE \(name)")) { _ in }
        }
        let url = replacingDatabase(in: serverURL, with: name)
        do {
            let result = try await body(.postgres(url: url))
            try? await administer(serverURL) { sql in
                try await sql.execute(sql: SQLRaw("DROP DATABASE IF EXISTS \(name) WITH (FORCE)")) { _ in }
            }
            return result
        } catch {
            try? await administer(serverURL) { sql in
                try await sql.execute(sql: SQLRaw("DROP DATABASE IF EXISTS \(name) WITH (FORCE)")) { _ in }
            }
            throw error
        }
    }

    /// Runs `body` with an open, migrated database of `engine` whose service is running.
    public static func withDatabase<Result: Sendable>(
        _ engine: TestEngine, migrations: [Migration], _ body: (any Database) async throws -> Result
    ) async throws -> Result {
        try await withFreshLocation(engine) { location in
            let database = try await open(location)
            return try await withRunning(database) {
                try await Migrator(database: database, migrations: migrations, logger: logger).migrate()
                return try await body(database)
            }
        }
    }

    /// Opens the database at `location` (not yet running).
    public static func open(_ location: TestDatabaseLocation) async throws -> any Database {
        switch location {
        case .sqlite(let directory):
            return try await SQLiteDatabase.open(path: directory + "/lyceum.sqlite", logger: logger)
        case .postgres(let url):
            return PostgresDatabase(url: try DatabaseURL(url), poolSize: postgresPoolSize, logger: logger)
        }
    }

    /// Keeps `database.run()` going while `body` works, then stops and closes it.
    public static func withRunning<Result: Sendable>(
        _ database: any Database, _ body: () async throws -> Result
    ) async throws -> Result {
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await database.run() }
            defer { group.cancelAll() }
            let result: Result
            do {
                result = try await body()
            } catch {
                group.cancelAll()
                await database.shutdown()
                throw error
            }
            group.cancelAll()
            await database.shutdown()
            return result
        }
    }

    private static func administer(_ serverURL: String, _ body: @Sendable @escaping (any SQLDatabase) async throws -> Void) async throws {
        let database = PostgresDatabase(url: try DatabaseURL(serverURL), poolSize: 1, logger: logger)
        try await withRunning(database) {
            try await database.read { sql in try await body(sql) }
        }
    }

    private static func replacingDatabase(in url: String, with name: String) -> String {
        guard var components = URLComponents(string: url) else { return url }
        components.path = "/" + name
        return components.string ?? url
    }
}
