import Foundation
import Logging
import SQLKit

/// Applies pending migrations in order and records them in `schema_migrations`.
///
/// Safe when several replicas start at once: the whole run holds the database's schema lock, and each
/// replica re-reads what is applied after it gets the lock.
public struct Migrator: Sendable {
    private let database: any Database
    private let migrations: [Migration]
    private let logger: Logger

    /// Creates a migrator; throws when two migrations share a version.
    public init(database: any Database, migrations: [Migration], logger: Logger) throws(ConfigurationError) {
        var seen = Set<Int>()
        for migration in migrations where !seen.insert(migration.version).inserted {
            throw ConfigurationError("Two migrations share version \(migration.version); each version must be unique.")
        }
        self.database = database
        self.migrations = migrations.sorted { $0.version < $1.version }
        self.logger = logger
    }

    /// The versions this binary knows that the database has not applied yet.
    public func pendingVersions() async throws -> [Int] {
        let applied = try await database.read { sql in try await Self.appliedVersions(sql, ensureTable: false) }
        return migrations.map(\.version).filter { !applied.contains($0) }
    }

    /// Applies every pending migration; returns the versions applied by this call.
    @discardableResult
    public func migrate() async throws -> [Int] {
        let engine = database.engine
        let migrations = self.migrations
        let logger = self.logger
        return try await database.withSchemaLock { sql in
            let applied = try await Self.appliedVersions(sql, ensureTable: true, engine: engine)
            var newlyApplied: [Int] = []
            for migration in migrations where !applied.contains(migration.version) {
                logger.info("Applying migration", metadata: ["version": "\(migration.version)", "name": "\(migration.name)"])
                try await sql.raw(engine == .sqlite ? "BEGIN IMMEDIATE" : "BEGIN").run()
                do {
                    // Another process may have applied it since the list was read (SQLite has no advisory
                    // lock across processes; BEGIN IMMEDIATE holds the write lock from here on).
                    let alreadyApplied = try await sql.select().column("version").from("schema_migrations")
                        .where("version", .equal, migration.version).first() != nil
                    if alreadyApplied {
                        try await sql.raw("COMMIT").run()
                        continue
                    }
                    for statement in migration.statements(engine) {
                        try await sql.execute(sql: SQLRaw(statement)) { _ in }
                    }
                    try await sql.insert(into: "schema_migrations")
                        .columns("version", "name", "applied_at")
                        .values(SQLBind(migration.version), SQLBind(migration.name), SQLBind(Date()))
                        .run()
                    try await sql.raw("COMMIT").run()
                } catch {
                    try? await sql.raw("ROLLBACK").run()
                    throw error
                }
                newlyApplied.append(migration.version)
            }
            return newlyApplied
        }
    }

    private static func appliedVersions(
        _ sql: any SQLDatabase, ensureTable: Bool, engine: DatabaseEngine = .sqlite
    ) async throws -> Set<Int> {
        if ensureTable {
            try await sql.execute(
                sql: SQLRaw(
                    """
                    CREATE TABLE IF NOT EXISTS schema_migrations (
                        version INTEGER PRIMARY KEY,
                        name TEXT NOT NULL,
                        applied_at \(ColumnType.timestamp(engine)) NOT NULL
                    )
                    """
                )
            ) { _ in }
        } else if try await !tableExists(sql) {
            return []
        }
        let rows = try await sql.select().column("version").from("schema_migrations").all()
        return Set(try rows.map { try $0.decode(column: "version", as: Int.self) })
    }

    private static func tableExists(_ sql: any SQLDatabase) async throws -> Bool {
        switch sql.dialect.name {
        case "sqlite":
            return try await sql.raw("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'")
                .first() != nil
        default:
            return try await sql.raw("SELECT to_regclass('schema_migrations') IS NOT NULL AS present").first()?
                .decode(column: "present", as: Bool.self) ?? false
        }
    }
}
