import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Identity
import LyceumApp
import LyceumContracts
import LyceumCore
import LyceumHTTP
import LyceumPlatform
import LyceumTestSupport
import NIOCore
import NIOEmbedded
import SQLKit
import Synchronization
import Testing

@Suite("Cache invalidation across replicas")
struct CrossReplicaCacheTests {
    @Test("an invalidation drops only the answers tagged with what changed")
    func targeted() async throws {
        let cache = InMemoryResponseCache(pubSub: InProcessPubSub(), logger: TestDatabases.logger)
        let produced = ProducedCounter()
        let request = Request(head: .init(method: .get, scheme: "http", authority: "x", path: "/"), body: .init(buffer: ByteBuffer()))
        let context = AppRequestContext(source: .init(channel: EmbeddedChannel(), logger: TestDatabases.logger))
        func fetch(_ key: String, _ tags: Set<String>) async throws {
            _ = try await cache.response(for: key, contentType: "text/plain", request: request, context: context) {
                produced.add(key)
                return CachedBody(ByteBuffer(string: key), tags: tags)
            }
        }
        for _ in 0..<2 {
            try await fetch("a", ["course:a"])
            try await fetch("b", ["course:b"])
            try await fetch("list", ["catalog"])
        }
        #expect(produced.counts == ["a": 1, "b": 1, "list": 1])
        await cache.invalidate(["course:a", "catalog"])
        try await fetch("a", ["course:a"])
        try await fetch("b", ["course:b"])
        try await fetch("list", ["catalog"])
        #expect(produced.counts == ["a": 2, "b": 1, "list": 2])
        await cache.invalidate(nil)
        try await fetch("b", ["course:b"])
        #expect(produced.counts["b"] == 2)
    }

    @Test("a course change publishes the tags of exactly that course and the catalog", arguments: TestEngine.available)
    func publishedTags(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let owner = try await app.account(role: .instructor)
            let course = try await app.buildCourse(owner: owner, modules: 1, lessonsPerModule: 1)
            let messages = app.services.pubSub.subscribe(to: InMemoryResponseCache.channel)
            try await Task.sleep(for: .milliseconds(200))
            _ = try await app.request(.patch, "/api/v1/courses/\(course.id)", json: ["summary": "Changed."], token: owner.accessToken)
            let first = try await withDeadline(.seconds(5), "the invalidation") { () async -> PubSubEvent? in
                for await event in messages {
                    if case .message = event { return event }
                }
                return nil
            }
            guard case .message(let text) = first else { Issue.record("no invalidation message"); return }
            let words = text.split(separator: " ")
            #expect(words.first?.hasPrefix("@") == true, "the message names the process that sent it: \(text)")
            #expect(words.dropFirst().joined(separator: " ") == "catalog course:\(course.id)")
        }
    }

    @Test("two processes on one PostgreSQL: an edit through one is served fresh by the other within a second, also after the LISTEN connection drops; a sign-out ends the session on both")
    func twoReplicas() async throws {
        guard TestEngine.available.contains(.postgres) else { return }
        try await TestDatabases.withFreshLocation(.postgres) { location in
            guard case .postgres(let url) = location else { return }
            var configuration = LyceumConfiguration(dataDirectory: NSTemporaryDirectory())
            configuration.storage = .postgres(try DatabaseURL(url))
            configuration.jwtSecret = "test-secret-test-secret-test-secret-0123"
            configuration.bcryptCost = 4
            configuration.apiRateLimit = nil
            configuration.actionLimits = .unlimited
            let (first, firstServices) = try await buildApplication(configuration: configuration, logger: TestDatabases.logger)
            var second = configuration
            second.migrateOnStart = false
            let (other, otherServices) = try await buildApplication(configuration: second, logger: TestDatabases.logger)
            try await first.test(.router) { replicaA in
                try await other.test(.router) { replicaB in
                    let identity = try firstServices.identity()
                    _ = try await identity.createAccount(
                        email: "owner@example.org", password: "a long enough password", displayName: "Owner", role: .instructor,
                        emailVerified: true
                    )
                    let token = try await Self.json(replicaA, .post, "/api/v1/auth/login",
                                                    ["email": "owner@example.org", "password": "a long enough password"])["accessToken"] as? String
                    let created = try await Self.json(replicaA, .post, "/api/v1/courses", ["title": "Replicated Course"], token: token)
                    let id = try #require((created["course"] as? [String: Any])?["id"] as? String)
                    let module = try await Self.json(replicaA, .post, "/api/v1/courses/\(id)/modules", ["title": "One"], token: token)
                    let moduleID = try #require((module["module"] as? [String: Any])?["id"] as? String)
                    _ = try await Self.json(replicaA, .post, "/api/v1/courses/\(id)/modules/\(moduleID)/lessons", ["title": "L", "body": "b"], token: token)
                    _ = try await Self.json(replicaA, .post, "/api/v1/courses/\(id)/publish", [:], token: token)

                    for (round, title) in ["Edited Once", "Edited Twice"].enumerated() {
                        #expect(try await Self.title(replicaB, id) != title, "round \(round): B already shows the new title")
                        _ = try await Self.json(replicaA, .patch, "/api/v1/courses/\(id)", ["title": title], token: token)
                        let started = ContinuousClock.now
                        while try await Self.title(replicaB, id) != title {
                            #expect(ContinuousClock.now - started < .seconds(1), "round \(round): B still stale after a second")
                            if ContinuousClock.now - started > .seconds(1) { break }
                            try await Task.sleep(for: .milliseconds(20))
                        }
                        if round == 0 {
                            // Drop every LISTEN connection, as a database restart would, and wait for both to listen again.
                            try await firstServices.database.read { sql in
                                try await sql.raw("""
                                    SELECT pg_terminate_backend(pid) FROM pg_stat_activity
                                    WHERE datname = current_database() AND query ILIKE 'LISTEN%' AND pid <> pg_backend_pid()
                                    """).run()
                            }
                            try await withDeadline(.seconds(10), "listening again") {
                                while try await firstServices.database.read({ sql in
                                    try await sql.raw("SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND query ILIKE 'LISTEN \"lyceum_cache\"%' AND state = 'idle'")
                                        .first()?.decode(column: "n", as: Int.self) ?? 0
                                }) < 2 {
                                    try await Task.sleep(for: .milliseconds(50))
                                }
                            }
                        }
                    }

                    // A sign-out through A ends the session on B at once, though B checked it a moment ago.
                    let reader = try await Self.json(replicaA, .post, "/api/v1/auth/login",
                                                     ["email": "owner@example.org", "password": "a long enough password"])
                    let readerToken = try #require(reader["accessToken"] as? String)
                    for _ in 0..<2 { #expect(try await Self.status(replicaB, "/api/v1/me", token: readerToken) == .ok) }

                    // B answers "who am I" from its cache; a profile change through A shows on B at once.
                    #expect((try await Self.json(replicaB, .get, "/api/v1/me", nil, token: readerToken)["user"] as? [String: Any])?["displayName"] as? String == "Owner")
                    _ = try await Self.json(replicaA, .patch, "/api/v1/me", ["displayName": "Renamed Owner"], token: readerToken)
                    let renamed = ContinuousClock.now
                    while (try await Self.json(replicaB, .get, "/api/v1/me", nil, token: readerToken)["user"] as? [String: Any])?["displayName"] as? String != "Renamed Owner" {
                        if ContinuousClock.now - renamed > .seconds(1) { break }
                        try await Task.sleep(for: .milliseconds(10))
                    }
                    #expect(ContinuousClock.now - renamed < .seconds(1), "B still showed the old name after a second")

                    _ = try await Self.json(replicaA, .post, "/api/v1/auth/logout", [:], token: readerToken)
                    let started = ContinuousClock.now
                    while try await Self.status(replicaB, "/api/v1/me", token: readerToken) != .unauthorized {
                        if ContinuousClock.now - started > .seconds(1) { break }
                        try await Task.sleep(for: .milliseconds(10))
                    }
                    #expect(ContinuousClock.now - started < .seconds(1), "B still accepted the signed-out session after a second")
                }
            }
            await firstServices.database.shutdown()
            await otherServices.database.shutdown()
        }
    }

    private static func title(_ client: any TestClientProtocol, _ id: String) async throws -> String? {
        (try await json(client, .get, "/api/v1/courses/\(id)", nil)["course"] as? [String: Any])?["title"] as? String
    }

    private static func status(_ client: any TestClientProtocol, _ path: String, token: String) async throws -> HTTPResponse.Status {
        try await client.execute(uri: path, method: .get, headers: [.authorization: "Bearer \(token)"]) { $0.status }
    }

    private static func json(
        _ client: any TestClientProtocol, _ method: HTTPRequest.Method, _ path: String, _ body: [String: any Sendable]?,
        token: String? = nil
    ) async throws -> [String: Any] {
        var headers: HTTPFields = [.contentType: "application/json"]
        if let token { headers[.authorization] = "Bearer \(token)" }
        let payload = try body.map { ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: $0)) }
        return try await client.execute(uri: path, method: method, headers: headers, body: payload) { response in
            (try? JSONSerialization.jsonObject(with: Data(response.body.readableBytesView))) as? [String: Any] ?? [:]
        }
    }
}

/// Counts how often the cache produced each key.
final class ProducedCounter: Sendable {
    private let storage = Mutex<[String: Int]>([:])
    func add(_ key: String) { storage.withLock { $0[key, default: 0] += 1 } }
    var counts: [String: Int] { storage.withLock { $0 } }
}
