import Logging
import NIOCore
import PostgresKit
import PostgresNIO
import SQLKit
import ServiceLifecycle
import Synchronization

/// The scaled database: a pooled `PostgresClient`, plus one connection per `LISTEN` channel outside the pool. Run it as a service before any query is made.
public final class PostgresDatabase: Database {
    public let engine = DatabaseEngine.postgres
    private let client: PostgresClient
    private let url: DatabaseURL
    private let logger: Logger
    /// Ids for `LISTEN` connections, unique in the process.
    private static let listenerIDs = Atomic<Int>(0)
    /// The advisory lock key that serialises schema changes across replicas ("LYCEUM" in ASCII).
    private static let schemaLockKey: Int64 = 0x4C59_4345_554D

    /// Creates a pool for `url` with at most `poolSize` connections.
    public init(url: DatabaseURL, poolSize: Int, logger: Logger) {
        var configuration = PostgresClient.Configuration(
            host: url.host,
            port: url.port,
            username: url.username,
            password: url.password,
            database: url.database,
            tls: url.tls
        )
        configuration.options.maximumConnections = max(1, poolSize)
        configuration.options.connectTimeout = .seconds(5)
        self.client = PostgresClient(configuration: configuration, backgroundLogger: logger)
        self.url = url
        self.logger = logger
    }

    public func read<Result: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> Result) async throws -> Result {
        try await client.withConnection { connection in
            try await body(connection.sql(queryLogLevel: .trace))
        }
    }

    public func transaction<Result: Sendable>(
        _ body: @Sendable (any SQLDatabase) async throws -> Result
    ) async throws -> Result {
        try await client.withConnection { connection in
            let sql = connection.sql(queryLogLevel: .trace)
            try await sql.raw("BEGIN").run()
            do {
                let result = try await body(sql)
                try await sql.raw("COMMIT").run()
                return result
            } catch {
                try? await sql.raw("ROLLBACK").run()
                throw error
            }
        }
    }

    public func withSchemaLock<Result: Sendable>(
        _ body: @Sendable (any SQLDatabase) async throws -> Result
    ) async throws -> Result {
        try await client.withConnection { connection in
            let sql = connection.sql(queryLogLevel: .debug)
            try await sql.raw("SELECT pg_advisory_lock(\(bind: Self.schemaLockKey))").run()
            do {
                let result = try await body(sql)
                try await sql.raw("SELECT pg_advisory_unlock(\(bind: Self.schemaLockKey))").run()
                return result
            } catch {
                try? await sql.raw("SELECT pg_advisory_unlock(\(bind: Self.schemaLockKey))").run()
                throw error
            }
        }
    }

    /// Opens a connection of its own (never one of the pool's, so listeners cannot starve queries), holds it
    /// in `LISTEN channel` while `consume` reads its notifications, then closes it.
    public func listen(
        channel: String, _ consume: (PostgresNotificationSequence) async throws -> Void
    ) async throws {
        let connection = try await PostgresConnection.connect(
            configuration: PostgresConnection.Configuration(
                host: url.host, port: url.port, username: url.username, password: url.password,
                database: url.database, tls: try url.connectionTLS()
            ),
            id: Self.listenerIDs.add(1, ordering: .relaxed).newValue,
            logger: logger
        )
        do {
            try await connection.listen(on: channel) { notifications in try await consume(notifications) }
            try? await connection.close()
        } catch {
            try? await connection.close()
            throw error
        }
    }

    /// `NOTIFY channel, payload` outside any transaction, so listeners hear it at once.
    public func notify(channel: String, payload: String) async throws {
        try await client.withConnection { connection in
            _ = try await connection.query("SELECT pg_notify(\(channel), \(payload))", logger: logger)
        }
    }

    public func ping() async throws {
        _ = try await read { try await $0.raw("SELECT 1 AS one").first() }
    }

    public func run() async throws {
        await cancelWhenGracefulShutdown {
            await self.client.run()
        }
    }

    /// The pool closes when the task running `run` is cancelled; nothing else to release.
    public func shutdown() async {}
}
