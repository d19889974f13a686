import Foundation
import LyceumPlatform
import LyceumTestSupport
import SQLKit
import Testing

@Suite("Migrations")
struct MigratorTests {
    static let migrations = [
        Migration(version: 1, name: "create_things") { engine in
            ["CREATE TABLE things (id TEXT PRIMARY KEY, label TEXT NOT NULL, created_at \(ColumnType.timestamp(engine)) NOT NULL)"]
        },
        Migration(version: 2, name: "add_flag") { engine in
            ["ALTER TABLE things ADD COLUMN flagged \(ColumnType.boolean(engine)) NOT NULL DEFAULT FALSE"]
        },
    ]

    @Test("applies pending migrations once and records them", arguments: TestEngine.available)
    func appliesOnce(engine: TestEngine) async throws {
        try await TestDatabases.withFreshLocation(engine) { location in
            let database = try await TestDatabases.open(location)
            try await TestDatabases.withRunning(database) {
                let migrator = try Migrator(database: database, migrations: Self.migrations, logger: TestDatabases.logger)
                #expect(try await migrator.pendingVersions() == [1, 2])
                #expect(try await migrator.migrate() == [1, 2])
                #expect(try await migrator.migrate() == [])
                #expect(try await migrator.pendingVersions() == [])
                let names = try await database.read { sql in
                    try await sql.select().column("name").from("schema_migrations").orderBy("version").all()
                        .map { try $0.decode(column: "name", as: String.self) }
                }
                #expect(names == ["create_things", "add_flag"])
            }
        }
    }

    @Test("two replicas migrating at once apply each migration exactly once", arguments: TestEngine.available)
    func concurrentReplicas(engine: TestEngine) async throws {
        try await TestDatabases.withFreshLocation(engine) { location in
            let first = try await TestDatabases.open(location)
            let second = try await TestDatabases.open(location)
            try await TestDatabases.withRunning(first) {
                try await TestDatabases.withRunning(second) {
                    let migrators = try [first, second].map {
                        try Migrator(database: $0, migrations: Self.migrations, logger: TestDatabases.logger)
                    }
                    let applied = try await withThrowingTaskGroup(of: [Int].self) { group in
                        for migrator in migrators { group.addTask { try await migrator.migrate() } }
                        var all: [[Int]] = []
                        for try await result in group { all.append(result) }
                        return all
                    }
                    #expect(applied.flatMap { $0 }.sorted() == [1, 2])
                    let rows = try await first.read { sql in
                        try await sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
                            .from("schema_migrations").first()?.decode(column: "n", as: Int.self)
                    }
                    #expect(rows == 2)
                }
            }
        }
    }

    @Test("a failing migration leaves no trace and stops the run", arguments: TestEngine.available)
    func failingMigrationRollsBack(engine: TestEngine) async throws {
        let broken = Self.migrations + [
            Migration(version: 3, name: "broken") { _ in
                ["CREATE TABLE extra (id TEXT PRIMARY KEY)", "CREATE TABLE things (id TEXT)"]
            }
        ]
        try await TestDatabases.withFreshLocation(engine) { location in
            let database = try await TestDatabases.open(location)
            try await TestDatabases.withRunning(database) {
                let migrator = try Migrator(database: database, migrations: broken, logger: TestDatabases.logger)
                await #expect(throws: (any Error).self) { try await migrator.migrate() }
                #expect(try await migrator.pendingVersions() == [3])
                await #expect(throws: (any Error).self) {
                    try await database.read { sql in try await sql.raw("SELECT id FROM extra").all() }
                }
            }
        }
    }

    @Test("duplicate versions are refused")
    func duplicateVersions() async throws {
        try await TestDatabases.withFreshLocation(.sqlite) { location in
            let database = try await TestDatabases.open(location)
            _ = try await TestDatabases.withRunning(database) {
                #expect(throws: ConfigurationError.self) {
                    _ = try Migrator(database: database, migrations: Self.migrations + [Self.migrations[0]], logger: TestDatabases.logger)
                }
            }
        }
    }
}
