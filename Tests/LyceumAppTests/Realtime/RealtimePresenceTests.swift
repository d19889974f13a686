import Foundation
import HTTPTypes
import HummingbirdTesting
import LyceumApp
import LyceumContracts
import LyceumCore
import LyceumPlatform
import LyceumTestSupport
import Realtime
import SQLKit
import Testing

/// Presence over the socket, end to end through the live server: status transitions announced once on the
/// user's rooms, `presence.set`, the sweep of a dead replica's rows, and two replicas agreeing.
@Suite("Real-time presence")
struct RealtimePresenceTests {
    @Test("a member hears another come online, go away on every connection, and go offline, each once", arguments: TestEngine.available)
    func transitions(engine: TestEngine) async throws {
        try await TestApp.run(engine, mode: .live) { app in
            let (teacher, student, course) = try await RealtimeChatSocketTests.courseRoom(app)
            let topic = "room:course-\(course.id)"
            let watcher = try await app.signedInSocket(teacher, hearsPresence: true)
            try await watcher.send(json: ["type": "subscribe", "id": "j", "topic": topic])
            _ = try await watcher.waitFor { $0["id"] as? String == "j" }

            let first = try await app.signedInSocket(student)
            let online = try await watcher.presenceChange(of: student.id)
            #expect(online.status == "online" && online.event["topic"] as? String == topic && online.event["seq"] == nil)

            let second = try await app.signedInSocket(student)
            try await first.send(json: ["type": "presence.set", "id": "a1", "payload": ["status": "away"]])
            #expect(try await first.ackStatus("a1") == "online", "the second connection is not away")
            try await second.send(json: ["type": "presence.set", "id": "a2", "payload": ["status": "away"]])
            #expect(try await second.ackStatus("a2") == "away")
            // The next change heard is the away: the second connection announced nothing.
            let away = try await watcher.presenceChange(of: student.id)
            #expect(away.status == "away")

            try await first.send(json: ["type": "presence.set", "id": "o1", "payload": ["status": "online"]])
            #expect(try await first.ackStatus("o1") == "online")
            #expect(try await watcher.presenceChange(of: student.id).status == "online")

            try await first.send(json: ["type": "presence.set", "id": "bad", "payload": ["status": "busy"]])
            #expect(try await first.waitFor { $0["id"] as? String == "bad" }.match["payload"].flatMap { ($0 as? [String: Any])?["code"] as? String } == "invalid_payload")

            let beforeLeaving = Date().addingTimeInterval(-1)
            await first.drop()
            await second.drop()
            // The two closes may be written in one pass or two (away, then offline).
            let offline = try await watcher.presenceChange(of: student.id, to: "offline")
            #expect(offline.status == "offline")
            let lastSeen = try #require(offline.lastSeenAt.flatMap(Self.date))
            #expect(lastSeen >= beforeLeaving && lastSeen <= Date().addingTimeInterval(1))
        }
    }

    @Test("a dead replica's rows expire: its user turns offline, announced, as of its last refresh", arguments: TestEngine.available)
    func expiry(engine: TestEngine) async throws {
        try await TestApp.run(engine, mode: .live, configure: Self.quickHeartbeat) { app in
            let (teacher, student, course) = try await RealtimeChatSocketTests.courseRoom(app)
            let watcher = try await app.signedInSocket(teacher, hearsPresence: true)
            try await watcher.send(json: ["type": "subscribe", "id": "j", "topic": "room:course-\(course.id)"])
            _ = try await watcher.waitFor { $0["id"] as? String == "j" }

            // The student's only connection was on a replica that crashed an hour ago.
            let lastRefresh = Date(timeIntervalSince1970: (Date().timeIntervalSince1970 - 3_600).rounded(.down))
            try await app.services.database.transaction { sql in
                try await sql.raw(
                    """
                    INSERT INTO realtime_presence (replica_id, user_id, connections, away_connections, refreshed_at)
                    VALUES ('crashed-replica', \(bind: student.id), 2, 0, \(bind: lastRefresh))
                    """
                ).run()
                try await sql.raw(
                    "INSERT INTO user_last_seen (user_id, status, last_seen_at) VALUES (\(bind: student.id), 'online', \(bind: lastRefresh))"
                ).run()
            }
            let offline = try await watcher.presenceChange(of: student.id)
            #expect(offline.status == "offline")
            #expect(offline.lastSeenAt.flatMap(Self.date) == lastRefresh)
            let rows = try await app.services.database.read { sql in
                try await sql.raw("SELECT COUNT(*) AS n FROM realtime_presence WHERE user_id = \(bind: student.id)").first()?.decode(column: "n", as: Int.self)
            }
            #expect(rows == 0)

            // The live replica's own row outlives several expiries: its heartbeat keeps it fresh.
            try await Task.sleep(for: .seconds(3))
            let refreshed = try await app.services.database.read { sql in
                try await sql.raw("SELECT refreshed_at FROM realtime_presence WHERE user_id = \(bind: teacher.id)").first()?
                    .decode(column: "refreshed_at", as: Date.self)
            }
            #expect(try #require(refreshed) > Date().addingTimeInterval(-1.5))
            let members = try await app.request(.get, "/api/v1/rooms/course-\(course.id)/members", token: student.accessToken)
            let statuses = (members.json["members"] as? [[String: Any]] ?? []).map { ($0["userId"] as? String ?? "", $0["status"] as? String ?? "") }
            #expect(statuses.map(\.0) == [teacher.id, student.id] && statuses.map(\.1) == ["online", "offline"])
        }
    }

    @Test("two replicas agree on the presence of a user connected to one of them")
    func acrossReplicas() async throws {
        guard TestEngine.available.contains(.postgres) else { return }
        try await RealtimeReplicaTests.withTwoReplicas { a, b in
            let teacher = try await a.account(role: .instructor)
            let course = try await a.buildCourse(owner: teacher, modules: 1, lessonsPerModule: 1)
            let student = try await b.register()
            _ = try await b.request(.post, "/api/v1/courses/\(course.id)/enrollment", token: student.accessToken)
            try await a.waitUntilRealtimeListens()
            try await b.waitUntilRealtimeListens()
            let room = "course-\(course.id)"

            let onB = try await b.signedInSocket(student, hearsPresence: true)
            try await onB.send(json: ["type": "subscribe", "id": "j", "topic": "room:\(room)"])
            _ = try await onB.waitFor { $0["id"] as? String == "j" }
            let onA = try await a.signedInSocket(teacher)
            #expect(try await onB.presenceChange(of: teacher.id).status == "online")
            for app in [a, b] {
                #expect(try await app.memberStatus(teacher.id, in: room, as: student) == "online")
            }
            try await onA.send(json: ["type": "presence.set", "id": "away", "payload": ["status": "away"]])
            #expect(try await onA.ackStatus("away") == "away")
            #expect(try await onB.presenceChange(of: teacher.id).status == "away")
            for app in [a, b] {
                #expect(try await app.memberStatus(teacher.id, in: room, as: student) == "away")
            }
            await onA.drop()
            #expect(try await onB.presenceChange(of: teacher.id).status == "offline")
            for app in [a, b] {
                #expect(try await app.memberStatus(teacher.id, in: room, as: student) == "offline")
            }
        }
    }

    /// Sweeps every 200 ms and expires rows after 2 s.
    static func quickHeartbeat(_ configuration: inout LyceumConfiguration) {
        configuration.realtime.presenceHeartbeat = .milliseconds(200)
        configuration.realtime.presenceExpiry = .seconds(2)
    }

    static func date(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.date(from: text) ?? ISO8601DateFormatter().date(from: text)
    }
}

extension TestSocket {
    /// Waits for the next `presence.changed` about `userID` (others' are skipped), or the next one to
    /// `status` when given (intermediate ones are skipped too).
    func presenceChange(of userID: String, to status: String? = nil) async throws -> (status: String?, lastSeenAt: String?, event: [String: any Sendable]) {
        func change(in frame: [String: any Sendable]) -> [String: Any]? {
            guard frame["event"] as? String == "presence.changed" else { return nil }
            return ((frame["payload"] as? [String: Any])?["changes"] as? [[String: Any]])?.last {
                $0["userId"] as? String == userID && (status == nil || $0["status"] as? String == status)
            }
        }
        let event = try await waitFor(timeout: .seconds(15)) { change(in: $0) != nil }.match
        let payload = change(in: event)
        return (payload?["status"] as? String, payload?["lastSeenAt"] as? String, event)
    }

    /// The `status` of the acknowledgement with `id`.
    func ackStatus(_ id: String) async throws -> String? {
        let answer = try await waitFor { $0["id"] as? String == id }.match
        #expect(answer["type"] as? String == "ack", "expected an ack: \(answer)")
        return (answer["payload"] as? [String: Any])?["status"] as? String
    }
}

extension TestApp {
    /// The status `GET /rooms/{room}/members` gives `userID`, asked as `caller`.
    func memberStatus(_ userID: String, in room: String, as caller: APIUser) async throws -> String? {
        let reply = try await request(.get, "/api/v1/rooms/\(room)/members", token: caller.accessToken)
        try #require(reply.status == .ok, "member list failed: \(reply.text)")
        return (reply.json["members"] as? [[String: Any]] ?? []).first { $0["userId"] as? String == userID }?["status"] as? String
    }
}
