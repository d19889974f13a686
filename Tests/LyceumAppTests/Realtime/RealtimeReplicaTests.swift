import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Identity
import LyceumApp
import LyceumContracts
import LyceumCore
import LyceumPlatform
import LyceumTestSupport
@testable import Notifications
import Realtime
import Testing

/// Two replicas of the application on one PostgreSQL database, each with its own server, hub and `LISTEN`
/// connection: what a client on one does reaches clients on the other through `NOTIFY`.
@Suite("Real-time across replicas")
struct RealtimeReplicaTests {
    @Test("a message, typing, a frame too large for NOTIFY and a notification all cross from one replica to the other")
    func crossReplica() async throws {
        guard TestEngine.available.contains(.postgres) else { return }
        try await Self.withTwoReplicas { a, b in
            let teacher = try await a.account(role: .instructor)
            let course = try await a.buildCourse(owner: teacher, modules: 1, lessonsPerModule: 1)
            let student = try await b.register()
            _ = try await b.request(.post, "/api/v1/courses/\(course.id)/enrollment", token: student.accessToken)
            let topic = "room:course-\(course.id)"
            try await a.waitUntilRealtimeListens()
            try await b.waitUntilRealtimeListens()

            let onA = try await a.signedInSocket(teacher)
            let onB = try await b.signedInSocket(student)
            for socket in [onA, onB] {
                try await socket.send(json: ["type": "subscribe", "id": "j", "topic": topic])
                #expect(try await socket.nextMessage()["type"] as? String == "ack")
            }

            try await onB.send(json: ["type": "message.send", "id": "m", "topic": topic, "payload": ["body": "Hello from B"]])
            let heard = try await onA.waitFor { $0["event"] as? String == "message.created" }.match
            #expect((heard["payload"] as? [String: Any])?["body"] as? String == "Hello from B" && heard["seq"] as? Int == 1)

            try await onA.send(json: ["type": "typing", "topic": topic])
            let typing = try await onB.waitFor { $0["event"] as? String == "typing" }.match
            #expect((typing["payload"] as? [String: Any])?["userId"] as? String == teacher.id)

            // About 11 KB of text: over NOTIFY's limit, so it travels by reference and B reads it from the log.
            let long = String(repeating: "日本語", count: 1_300)
            try await onA.send(json: ["type": "message.send", "id": "big", "topic": topic, "payload": ["body": long]])
            let big = try await onB.waitFor { $0["event"] as? String == "message.created" && $0["seq"] as? Int == 2 }.match
            #expect((big["payload"] as? [String: Any])?["body"] as? String == long)

            try await a.notifications().deliver(.reply(to: [student.id], by: teacher.id))
            let note = try await onB.waitFor { $0["event"] as? String == "notification.created" }.match
            #expect(note["topic"] as? String == "user:\(student.id)")
        }
    }

    /// Runs `body` with two live replicas sharing a fresh PostgreSQL database.
    static func withTwoReplicas(_ body: @Sendable (TestApp, TestApp) async throws -> Void) async throws {
        try await TestDatabases.withFreshLocation(.postgres) { location in
            guard case .postgres(let url) = location else { return }
            var configuration = LyceumConfiguration(dataDirectory: NSTemporaryDirectory())
            configuration.storage = .postgres(try DatabaseURL(url))
            configuration.databasePoolSize = TestDatabases.postgresPoolSize
            configuration.jwtSecret = "test-secret-test-secret-test-secret-0123"
            configuration.bcryptCost = 4
            configuration.port = 0
            configuration.apiRateLimit = nil
            configuration.actionLimits = .unlimited
            let (first, firstServices) = try await buildApplication(configuration: configuration, logger: TestDatabases.logger)
            var second = configuration
            second.migrateOnStart = false
            let (other, otherServices) = try await buildApplication(configuration: second, logger: TestDatabases.logger)
            do {
                try await first.test(.live) { clientA in
                    try await other.test(.live) { clientB in
                        try await body(
                            TestApp(client: clientA, services: firstServices, clock: TestClock()),
                            TestApp(client: clientB, services: otherServices, clock: TestClock())
                        )
                    }
                }
            } catch {
                await firstServices.database.shutdown()
                await otherServices.database.shutdown()
                throw error
            }
            await firstServices.database.shutdown()
            await otherServices.database.shutdown()
        }
    }
}
