import Logging
import SQLKit
import ServiceLifecycle

/// Which SQL engine a `Database` talks to, for the few statements that differ (DDL, full-text search).
public enum DatabaseEngine: String, Sendable {
    case sqlite
    case postgres
}

/// The one storage handle every domain uses. Queries are SQLKit expressions that run on both engines.
///
/// - `read` runs statements that need no transaction; on SQLite they go to a pool of reader connections,
///   which WAL lets run while a write is in progress.
/// - `transaction` runs statements atomically; on SQLite transactions are serialised on the single writer,
///   and those that queue together share one `COMMIT` without seeing each other's failures.
/// - `run` keeps the connections alive; register the database as the first service so it stops last.
public protocol Database: Service {
    /// The engine behind this handle.
    var engine: DatabaseEngine { get }

    /// Runs `body` with a handle for statements outside a transaction.
    func read<Result: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> Result) async throws -> Result

    /// Runs `body` inside a transaction that commits when it returns and rolls back when it throws.
    func transaction<Result: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> Result) async throws -> Result

    /// Runs `body` on one connection that no other process or task may use for schema changes meanwhile
    /// (a PostgreSQL advisory lock, or SQLite's single writer). `body` manages its own transactions.
    func withSchemaLock<Result: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> Result) async throws -> Result

    /// Answers quickly whether the database accepts queries.
    func ping() async throws

    /// Closes every connection. Called after `run` ends, or directly by short-lived commands.
    func shutdown() async
}

extension Database {
    /// Runs one statement that changes data, as its own transaction.
    public func write<Result: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> Result) async throws -> Result {
        try await transaction(body)
    }
}
