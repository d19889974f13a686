/// One forward-only schema change. Once released, a migration is never edited: add a new one.
///
/// Versions are unique across the product; each domain owns a range (platform 1–99, Identity 100–199,
/// Courses 200–299, ...), so domains can add migrations without coordinating.
public struct Migration: Sendable {
    /// The migration's number; migrations apply in ascending order.
    public let version: Int
    /// A short description, recorded in `schema_migrations`.
    public let name: String
    /// The DDL statements for each engine, applied in one transaction.
    public let statements: @Sendable (DatabaseEngine) -> [String]

    /// Creates a migration whose statements depend on the engine.
    public init(version: Int, name: String, statements: @escaping @Sendable (DatabaseEngine) -> [String]) {
        self.version = version
        self.name = name
        self.statements = statements
    }
}

/// Column types spelled for each engine, so migrations read the same on both.
public enum ColumnType {
    /// A point in time: `timestamptz` on PostgreSQL, seconds since 1970 as `REAL` on SQLite.
    public static func timestamp(_ engine: DatabaseEngine) -> String {
        engine == .postgres ? "TIMESTAMPTZ" : "REAL"
    }

    /// A true/false flag.
    public static func boolean(_ engine: DatabaseEngine) -> String {
        engine == .postgres ? "BOOLEAN" : "INTEGER"
    }
}
