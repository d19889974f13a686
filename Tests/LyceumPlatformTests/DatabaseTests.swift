import Foundation
import LyceumPlatform
import LyceumTestSupport
import SQLKit
import Synchronization
import Testing

@Suite("Database")
struct DatabaseTests {
    static let schema = [
        Migration(version: 1, name: "create_things") { engine in
            [
                "CREATE TABLE things (id TEXT PRIMARY KEY, label TEXT NOT NULL UNIQUE, created_at \(ColumnType.timestamp(engine)) NOT NULL, flagged \(ColumnType.boolean(engine)) NOT NULL)",
                "CREATE TABLE parts (id TEXT PRIMARY KEY, thing_id TEXT NOT NULL REFERENCES things (id))",
                "CREATE TABLE notes (id TEXT PRIMARY KEY, thing_id TEXT NOT NULL REFERENCES things (id) DEFERRABLE INITIALLY DEFERRED)",
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

    struct Abort: Error, Equatable {
        let index: Int
    }

    static func ids(_ database: any Database) async throws -> Set<String> {
        try await database.read { sql in
            Set(try await sql.select().column("id").from("things").all().map { try $0.decode(column: "id", as: String.self) })
        }
    }

    /// Runs `count` transactions through `start` while a first transaction holds the writer until all of them
    /// have started, so on SQLite they queue behind it and commit together in batches. Returns each outcome by index.
    static func queuedTogether<Outcome: Sendable>(
        on database: any Database, count: Int, _ start: @escaping @Sendable (Int) async -> Outcome
    ) async throws -> [Int: Outcome] {
        let holding = Counter()
        let arrived = Counter()
        return try await withThrowingTaskGroup(of: (Int, Outcome)?.self) { group in
            group.addTask {
                // Its outcome shows in the table: tests expect the row "held" where its commit succeeds.
                _ = try? await database.transaction { sql in
                    try await Self.insert("held", label: "held", on: sql)
                    holding.increment()
                    try await Self.waitUntil { arrived.value == count }
                }
                return nil
            }
            try await Self.waitUntil { holding.value == 1 }
            for index in 0..<count {
                group.addTask {
                    arrived.increment()
                    return (index, await start(index))
                }
            }
            var outcomes: [Int: Outcome] = [:]
            for try await case let (index, outcome)? in group { outcomes[index] = outcome }
            return outcomes
        }
    }

    @Test("a body that throws after writing loses only its own rows; every caller gets its own outcome", arguments: TestEngine.available)
    func failingBodyInBatch(engine: TestEngine) async throws {
        try await TestDatabases.withDatabase(engine, migrations: Self.schema) { database in
            let outcomes = try await Self.queuedTogether(on: database, count: 60) { index in
                await Self.outcome {
                    try await database.transaction { sql in
                        try await Self.insert("id-\(index)", label: "label-\(index)", on: sql)
                        try await sql.insert(into: "parts").columns("id", "thing_id").values(SQLBind("part-\(index)"), SQLBind("id-\(index)")).run()
                        if index % 7 == 3 { throw Abort(index: index) }
                        return index
                    }
                }
            }
            for (index, outcome) in outcomes {
                if index % 7 == 3 {
                    #expect(throws: Abort(index: index)) { try outcome.get() }
                } else {
                    #expect(try outcome.get() == index)
                }
            }
            let kept = (0..<60).filter { $0 % 7 != 3 }
            #expect(try await Self.ids(database) == Set(kept.map { "id-\($0)" } + ["held"]))
            let parts = try await database.read { sql in try await sql.select().column("id").from("parts").all().count }
            #expect(parts == kept.count)
        }
    }

    @Test("a unique violation in one body leaves the others of its batch alone, and a body's own savepoints nest", arguments: TestEngine.available)
    func uniqueViolationInBatch(engine: TestEngine) async throws {
        try await TestDatabases.withDatabase(engine, migrations: Self.schema) { database in
            let outcomes = try await Self.queuedTogether(on: database, count: 40) { index in
                await Self.outcome {
                    try await database.transaction { sql in
                        try await Self.insert("id-\(index)", label: "label-\(index)", on: sql)
                        switch index % 10 {
                        case 4:
                            try await Self.insert("dup-\(index)", label: "held", on: sql)
                        case 7:
                            // A body's own savepoint nests inside the batch's (PostgreSQL needs it to go on after an error).
                            try await sql.raw("SAVEPOINT duplicate").run()
                            do {
                                try await Self.insert("dup-\(index)", label: "held", on: sql)
                            } catch where DatabaseFailure(error) == .uniqueViolation {
                                try await sql.raw("ROLLBACK TO duplicate").run()
                                try await Self.insert("instead-\(index)", label: "instead-\(index)", on: sql)
                            }
                            try await sql.raw("RELEASE duplicate").run()
                        default:
                            break
                        }
                    }
                }
            }
            for (index, outcome) in outcomes {
                if index % 10 == 4 {
                    #expect(throws: (any Error).self) { try outcome.get() }
                    if case .failure(let error) = outcome { #expect(DatabaseFailure(error) == .uniqueViolation) }
                } else {
                    #expect(throws: Never.self) { try outcome.get() }
                }
            }
            var expected: Set<String> = ["held"]
            for index in 0..<40 where index % 10 != 4 {
                expected.insert("id-\(index)")
                if index % 10 == 7 { expected.insert("instead-\(index)") }
            }
            #expect(try await Self.ids(database) == expected)
        }
    }

    @Test("bodies read their own writes and never a rolled-back body's; callers return only once committed", arguments: TestEngine.available)
    func visibilityInBatch(engine: TestEngine) async throws {
        try await TestDatabases.withDatabase(engine, migrations: Self.schema) { database in
            let outcomes = try await Self.queuedTogether(on: database, count: 50) { index in
                await Self.outcome { () async throws -> (ownRows: Int, ghosts: Int, committed: Bool) in
                    let seen = try await database.transaction { sql in
                        let ghosts = try await sql.select().column("id").from("things").where("label", .like, "ghost-%").all().count
                        try await Self.insert("id-\(index)", label: (index % 5 == 0 ? "ghost-" : "label-") + "\(index)", on: sql)
                        let own = try await sql.select().column("id").from("things").where("id", .equal, "id-\(index)").all().count
                        if index % 5 == 0 { throw Abort(index: index) }
                        return (own, ghosts)
                    }
                    let committed = try await database.read { sql in
                        try await sql.select().column("id").from("things").where("id", .equal, "id-\(index)").first() != nil
                    }
                    return (seen.0, seen.1, committed)
                }
            }
            for (index, outcome) in outcomes where index % 5 != 0 {
                let seen = try outcome.get()
                #expect(seen.ownRows == 1)
                #expect(seen.ghosts == 0, "body \(index) saw a rolled-back body's row")
                #expect(seen.committed, "body \(index) returned before its row was committed")
            }
        }
    }

    @Test("a COMMIT that fails fails every caller whose work it carried, and no caller is told of success first", arguments: TestEngine.available)
    func failedCommit(engine: TestEngine) async throws {
        try await TestDatabases.withDatabase(engine, migrations: Self.schema) { database in
            let outcomes = try await Self.queuedTogether(on: database, count: 20) { index in
                await Self.outcome {
                    try await database.transaction { sql in
                        try await Self.insert("id-\(index)", label: "label-\(index)", on: sql)
                        // A deferred foreign key that does not hold: the statement passes, the COMMIT fails.
                        guard index == 5 else { return }
                        try await sql.insert(into: "notes").columns("id", "thing_id").values(SQLBind("note"), SQLBind("missing")).run()
                    }
                }
            }
            let ids = try await Self.ids(database)
            #expect(throws: (any Error).self) { try outcomes[5]?.get() }
            for (index, outcome) in outcomes {
                let committed = ids.contains("id-\(index)")
                switch outcome {
                case .success: #expect(committed, "caller \(index) was told its transaction committed, but its row is missing")
                case .failure: #expect(!committed, "caller \(index) was told its transaction failed, but its row is there")
                }
            }
            try await database.transaction { sql in try await Self.insert("after", label: "after", on: sql) }
            #expect(try await Self.ids(database).contains("after"))
        }
    }

    @Test("a caller cancelled while queued gets an outcome that matches its rows and leaves the others alone", arguments: TestEngine.available)
    func cancelledCallerInBatch(engine: TestEngine) async throws {
        try await TestDatabases.withDatabase(engine, migrations: Self.schema) { database in
            let outcomes = try await Self.queuedTogether(on: database, count: 30) { index in
                let task = Task { () async throws -> Void in
                    try await database.transaction { sql in
                        // The last ones write nothing, so a cancelled one may well end the batch and commit it.
                        guard index < 20 else { return }
                        try await Self.insert("id-\(index)", label: "label-\(index)", on: sql)
                    }
                }
                if index % 3 == 0 { task.cancel() }
                return await task.result
            }
            let ids = try await Self.ids(database)
            for (index, outcome) in outcomes {
                switch outcome {
                case .success: #expect(index >= 20 || ids.contains("id-\(index)"))
                case .failure: #expect(index % 3 == 0 && !ids.contains("id-\(index)"), "body \(index) failed: \(outcome)")
                }
            }
            #expect(ids.contains("held"))
            try await database.transaction { sql in try await Self.insert("after", label: "after", on: sql) }
            #expect(try await Self.ids(database).contains("after"))
        }
    }

    @Test("the schema lock waits for queued transactions to commit and runs outside any transaction", arguments: TestEngine.available)
    func schemaLockBetweenBatches(engine: TestEngine) async throws {
        try await TestDatabases.withDatabase(engine, migrations: Self.schema) { database in
            let outcomes = try await Self.queuedTogether(on: database, count: 30) { index in
                await Self.outcome {
                    if index == 15 {
                        try await database.withSchemaLock { sql in
                            try await sql.raw(engine == .sqlite ? "BEGIN IMMEDIATE" : "BEGIN").run()
                            try await Self.insert("locked", label: "locked", on: sql)
                            try await sql.raw("COMMIT").run()
                        }
                    } else {
                        try await database.transaction { sql in try await Self.insert("id-\(index)", label: "label-\(index)", on: sql) }
                    }
                }
            }
            for outcome in outcomes.values { #expect(throws: Never.self) { try outcome.get() } }
            #expect(try await Self.ids(database).count == 31)
        }
    }

    /// A count that concurrent tasks raise and tests read.
    final class Counter: Sendable {
        private let count = Mutex(0)

        func increment() { count.withLock { $0 += 1 } }

        var value: Int { count.withLock { $0 } }
    }

    struct TimedOut: Error {}

    /// Waits until `condition` holds, sleeping a millisecond between checks so the waiting never holds one of
    /// the few cooperative threads the tasks it waits for need (a busy yield did, under a loaded parallel run);
    /// throws after thirty seconds.
    static func waitUntil(_ condition: @Sendable () -> Bool) async throws {
        let deadline = ContinuousClock.now + .seconds(30)
        while !condition() {
            guard ContinuousClock.now < deadline else { throw TimedOut() }
            try await Task.sleep(for: .milliseconds(1))
        }
    }

    /// What `body` returned or threw.
    static func outcome<Value: Sendable>(_ body: () async throws -> Value) async -> Result<Value, any Error> {
        do {
            return .success(try await body())
        } catch {
            return .failure(error)
        }
    }
}
