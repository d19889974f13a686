import LyceumCore
import LyceumPlatform
import LyceumTestSupport
import SQLKit
import Testing

@Suite("PostgreSQL pub/sub")
struct PostgresPubSubTests {
    @Test(
        "listeners hold connections of their own: a pool of one still answers queries while three channels listen",
        arguments: TestEngine.available.filter { $0 == .postgres }
    )
    func listenersLeaveThePoolFree(engine: TestEngine) async throws {
        try await TestDatabases.withFreshLocation(engine) { location in
            guard case .postgres(let url) = location else { return }
            let database = PostgresDatabase(url: try DatabaseURL(url), poolSize: 1, logger: TestDatabases.logger)
            try await TestDatabases.withRunning(database) {
                let pubSub = PostgresPubSub(database: database, logger: TestDatabases.logger)
                let streams = ["one", "two", "three"].map { pubSub.subscribe(to: $0) }
                for (index, stream) in streams.enumerated() {
                    #expect(try await Self.next(of: stream, "listening on channel \(index)") == .resubscribed)
                }
                // A pool starved by the listeners never answers; a loaded machine (a full parallel CI run) may take
                // several seconds to open the pool's connection, so the deadline is generous.
                let answer = try await withDeadline(.seconds(30), "a query beside three listeners") {
                    try await database.read { sql in try await sql.raw("SELECT 7 AS n").first()?.decode(column: "n", as: Int.self) }
                }
                #expect(answer == 7)
                try await pubSub.publish("hello", on: "two")
                #expect(try await Self.next(of: streams[1], "the message on channel two") == .message("hello"))
            }
        }
    }

    /// The next event of `stream` (its consumers take turns, never two at once).
    private static func next(of stream: AsyncStream<PubSubEvent>, _ what: String) async throws -> PubSubEvent? {
        try await withDeadline(.seconds(10), what) {
            var iterator = stream.makeAsyncIterator()
            return await iterator.next()
        }
    }
}
