import Foundation
import LyceumPlatform
import LyceumTestSupport
import SQLKit
import Testing

@Suite("Database")
struct DatabaseTests {
    static let schema = [
        Migration(version: 1, name: "create_things") { engine in
            [
                "CREATE TABLE things (id TEXT PRIMARY KEY, label TEXT NOT NULL UNIQUE, created_at \(ColumnType.timestamp(engine)) NOT NULL, flagged \(ColumnType.boolean(engine)) NOT NULL)",
                "CREATE TABLE parts (id TEXT PRIMARY KEY, thing_id TEXT NOT NULL REFERENCES things (id))",
            ]
        }
    ]

    static func insert(_ id: String, label: String, on sql: any SQLDatabase) async throws {
        try await sql.insert(into: "things").columns("id", "label", "created_at", "flagged")
            .values(SQLBind(id), SQLBind(label), SQLBind(Date(timeIntervalSince1970: 1_700_000_000.25)), SQLBind(true)).run()
    }

    static func count(_ database: any Database) async throws -> Int {
        try await database.read { sql in
            try await sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("things").first()?
                .decode(column: "n", as: Int.self) ?? -1
        }
    }

    @Test("a transaction that throws leaves nothing behind", arguments: TestEngine.available)
    func rollback(engine: TestEngine) async throws {
        struct Abort: Error {}
        try await TestDatabases.withDatabase(engine, migrations: Self.schema) { database in
            await #expect(throws: Abort.self) {
                try await database.transaction { sql in
                    try await Self.insert("a", label: "first", on: sql)
                    throw Abort()
                }
            }
            #expect(try await Self.count(database) == 0)
            try await database.transaction { sql in try await Self.insert("a", label: "first", on: sql) }
            #expect(try await Self.count(database) == 1)
        }
    }

    @Test("dates and booleans round-trip exactly", arguments: TestEngine.available)
    func roundTrip(engine: TestEngine) async throws {
        try await TestDatabases.withDatabase(engine, migrations: Self.schema) { database in
            try await database.write { sql in try await Self.insert("a", label: "first", on: sql) }
            let row = try await database.read { sql in
                try await sql.select().columns("created_at", "flagged").from("things").first()
            }
            #expect(try row?.decode(column: "created_at", as: Date.self) == Date(timeIntervalSince1970: 1_700_000_000.25))
            #expect(try row?.decode(column: "flagged", as: Bool.self) == true)
        }
    }

    @Test("constraint failures are classified on both engines", arguments: TestEngine.available)
    func classification(engine: TestEngine) async throws {
        try await TestDatabases.withDatabase(engine, migrations: Self.schema) { database in
            try await database.write { sql in try await Self.insert("a", label: "first", on: sql) }
            do {
                try await database.write { sql in try await Self.insert("b", label: "first", on: sql) }
                Issue.record("a duplicate label was accepted")
            } catch {
                #expect(DatabaseFailure(error) == .uniqueViolation)
            }
            do {
                try await database.write { sql in
                    try await sql.insert(into: "parts").columns("id", "thing_id").values(SQLBind("p"), SQLBind("missing")).run()
                }
                Issue.record("a dangling foreign key was accepted")
            } catch {
                #expect(DatabaseFailure(error) == .foreignKeyViolation)
            }
        }
    }

    @Test("concurrent writers never interleave inside one transaction", arguments: TestEngine.available)
    func serialisedWrites(engine: TestEngine) async throws {
        try await TestDatabases.withDatabase(engine, migrations: Self.schema) { database in
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<40 {
                    group.addTask {
                        try await database.transaction { sql in
                            try await Self.insert("id-\(index)", label: "label-\(index)", on: sql)
                            try await sql.update("things").set("flagged", to: false).where("id", .equal, "id-\(index)").run()
                        }
                    }
                }
                try await group.waitForAll()
            }
            #expect(try await Self.count(database) == 40)
            try await database.ping()
        }
    }
}
