import Foundation
import Logging
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import SQLKit
import SQLiteKit
import SQLiteNIO
import ServiceLifecycle

/// The embedded database: one SQLite file in WAL mode with a single writer and a few readers.
///
/// Every libsqlite3 call runs on `NIOThreadPool`, never on an event loop. Transactions run one after another
/// on the writer connection, so statements of two requests never interleave, and those that queue together
/// share one `COMMIT` (see `SQLiteWriter`); readers run concurrently with the writer, each lent to one read
/// at a time while any is free, so a read sees every write committed before it began (see `SQLiteReaders`).
public final class SQLiteDatabase: Database {
    public let engine = DatabaseEngine.sqlite
    private let writer: SQLiteWriter
    private let readers: SQLiteReaders
    private let isClosed = NIOLockedValueBox(false)

    private init(writer: SQLiteConnection, readers: [SQLiteConnection]) {
        self.writer = SQLiteWriter(connection: writer)
        self.readers = SQLiteReaders(readers)
    }

    /// Opens (creating if needed) the database file at `path` with `readerCount` reader connections.
    public static func open(path: String, readerCount: Int = 4, logger: Logger) async throws -> SQLiteDatabase {
        let writer = try await openConnection(path: path, logger: logger)
        try await writer.sql().raw("PRAGMA journal_mode=WAL").run()
        var readers: [SQLiteConnection] = []
        do {
            for _ in 0..<max(1, readerCount) {
                readers.append(try await openConnection(path: path, logger: logger))
            }
        } catch {
            for reader in readers { try? await reader.close() }
            try? await writer.close()
            throw error
        }
        return SQLiteDatabase(writer: writer, readers: readers)
    }

    private static func openConnection(path: String, logger: Logger) async throws -> SQLiteConnection {
        let connection = try await SQLiteConnection.open(storage: .file(path: path), logger: logger)
        let sql = connection.sql()
        do {
            try await sql.raw("PRAGMA busy_timeout=5000").run()
            try await sql.raw("PRAGMA foreign_keys=ON").run()
            try await sql.raw("PRAGMA synchronous=NORMAL").run()
        } catch {
            try? await connection.close()
            throw error
        }
        return connection
    }

    public func read<Result: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> Result) async throws -> Result {
        try await readers.withConnection { connection in try await body(connection.sql(queryLogLevel: .trace)) }
    }

    public func transaction<Result: Sendable>(
        _ body: @Sendable (any SQLDatabase) async throws -> Result
    ) async throws -> Result {
        try await writer.transaction(body)
    }

    public func withSchemaLock<Result: Sendable>(
        _ body: @Sendable (any SQLDatabase) async throws -> Result
    ) async throws -> Result {
        try await writer.exclusively(body)
    }

    public func ping() async throws {
        _ = try await read { try await $0.raw("SELECT 1 AS one").first() }
    }

    public func run() async throws {
        try? await gracefulShutdown()
        await shutdown()
    }

    public func shutdown() async {
        let alreadyClosed = isClosed.withLockedValue { closed in
            defer { closed = true }
            return closed
        }
        guard !alreadyClosed else { return }
        // Closing must finish even when the caller's task is cancelled (a cancelled service group),
        // so it runs in a task of its own that does not inherit the cancellation.
        let writer = self.writer
        let readers = self.readers.all
        await Task {
            await writer.close()
            for reader in readers { try? await reader.close() }
        }.value
    }
}
