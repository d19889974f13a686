import Foundation
import LyceumPlatform
import LyceumTestSupport
import SQLKit
import Testing

@Suite("SQLite readers")
struct SQLiteReadersTests {
    /// Whether the connection `sql` runs on is the one that made the temporary table `name` (temporary tables
    /// belong to one connection).
    static func owns(_ name: String, _ sql: any SQLDatabase) async throws -> Bool {
        try await sql.raw("SELECT COUNT(*) AS n FROM sqlite_temp_master WHERE name = \(bind: name)").first()?
            .decode(column: "n", as: Int.self) == 1
    }

    @Test("a read gets a connection no other running read holds while one is free, and shares one only when none is")
    func lending() async throws {
        let directory = FileManager.default.temporaryDirectory.appending(path: "lyceum-readers-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let database = try await SQLiteDatabase.open(path: directory + "/lyceum.sqlite", readerCount: 2, logger: TestDatabases.logger)
        try await TestDatabases.withRunning(database) {
            let (firstHeld, holdFirst) = AsyncStream<Void>.makeStream()
            let (releaseFirst, release) = AsyncStream<Void>.makeStream()
            let first = Task {
                try await database.read { sql in
                    try await sql.raw("CREATE TEMP TABLE first_read (x INTEGER)").run()
                    holdFirst.yield()
                    for await _ in releaseFirst { break }
                }
            }
            for await _ in firstHeld { break }
            // With the first read running, each later read (one at a time) gets the other connection.
            for _ in 0..<3 {
                #expect(try await database.read { sql in try await Self.owns("first_read", sql) } == false)
            }
            // With both lent, a third read shares one rather than wait.
            let (outerOwns, innerOwns) = try await database.read { outer in
                let inner = try await database.read { inner in try await Self.owns("first_read", inner) }
                return (try await Self.owns("first_read", outer), inner)
            }
            #expect(!outerOwns && innerOwns, "the nested read shares the first read's connection, the only other one")
            release.yield()
            try await first.value
        }
    }
}
