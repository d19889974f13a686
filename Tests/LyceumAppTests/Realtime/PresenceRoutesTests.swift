import Foundation
import HTTPTypes
import HummingbirdTesting
import LyceumApp
import LyceumContracts
import LyceumCore
import LyceumTestSupport
import Testing

/// `GET /api/v1/rooms/{room}/members` and the socket's `presence.list`: who is in a room and how they stand.
@Suite("Room members with presence")
struct PresenceRoutesTests {
    @Test("members come online first, then away, then offline, each by name, in pages; presence.list answers the same", arguments: TestEngine.available)
    func orderingAndPaging(engine: TestEngine) async throws {
        try await TestApp.run(engine, mode: .live) { app in
            let teacher = try await app.account(role: .instructor)
            let course = try await app.buildCourse(owner: teacher, modules: 1, lessonsPerModule: 1)
            var students: [String: APIUser] = [:]
            for name in ["Carol", "alice", "Bob", "Dave"] {
                let student = try await app.register(name: name)
                let enrolled = try await app.request(.post, "/api/v1/courses/\(course.id)/enrollment", token: student.accessToken)
                try #require(enrolled.status == .created)
                students[name] = student
            }
            try await app.waitUntilRealtimeListens()
            let room = "course-\(course.id)"

            // Dave and Bob are online, Carol away; Alice was here and left; the teacher never connected.
            let dave = try await app.signedInSocket(try #require(students["Dave"]))
            let bob = try await app.signedInSocket(try #require(students["Bob"]))
            let carol = try await app.signedInSocket(try #require(students["Carol"]))
            let alice = try await app.signedInSocket(try #require(students["alice"]))
            for (socket, status) in [(dave, "online"), (bob, "online"), (carol, "away"), (alice, "online")] {
                try await socket.send(json: ["type": "presence.set", "id": "s", "payload": ["status": status]])
                #expect(try await socket.ackStatus("s") == status)
            }
            await alice.drop()
            try await Self.waitForStatus("offline", of: try #require(students["alice"]).id, in: room, app: app, caller: teacher)

            let asked = try #require(students["Dave"])
            // Read receipts: Bob has read up to his own message; the others read nothing yet.
            let sent = try await app.request(.post, "/api/v1/rooms/\(room)/messages", json: ["body": "Seen?"], token: try #require(students["Bob"]).accessToken)
            let seq = try #require((sent.json["message"] as? [String: Any])?["seq"] as? Int)
            let marked = try await app.request(.post, "/api/v1/rooms/\(room)/read", json: ["seq": seq], token: try #require(students["Bob"]).accessToken)
            #expect(marked.status == .ok)
            let full = try await app.request(.get, "/api/v1/rooms/\(room)/members", token: asked.accessToken)
            #expect(full.status == .ok)
            let members = try #require(full.json["members"] as? [[String: Any]])
            #expect(members.map { $0["displayName"] as? String } == ["Bob", "Dave", "Carol", "alice", "Test instructor"])
            #expect(members.map { $0["status"] as? String } == ["online", "online", "away", "offline", "offline"])
            #expect(members.map { $0["role"] as? String } == ["student", "student", "student", "student", "staff"])
            #expect(members.prefix(4).allSatisfy { $0["lastSeenAt"] is String }, "online, away and departed members have a last seen")
            #expect(members.last?["lastSeenAt"] is NSNull, "the teacher was never seen")
            #expect(full.json["nextCursor"] is NSNull)
            #expect(members.map { $0["lastReadSeq"] as? Int } == [seq, 0, 0, 0, 0], "each member's read receipt")

            let first = try await app.request(.get, "/api/v1/rooms/\(room)/members?limit=2", token: asked.accessToken)
            #expect((first.json["members"] as? [[String: Any]])?.map { $0["displayName"] as? String } == ["Bob", "Dave"])
            let cursor = try #require(first.json["nextCursor"] as? String)
            let second = try await app.request(.get, "/api/v1/rooms/\(room)/members?limit=2&after=\(cursor)", token: asked.accessToken)
            #expect((second.json["members"] as? [[String: Any]])?.map { $0["displayName"] as? String } == ["Carol", "alice"])
            let lastCursor = try #require(second.json["nextCursor"] as? String)
            let last = try await app.request(.get, "/api/v1/rooms/\(room)/members?limit=2&after=\(lastCursor)", token: asked.accessToken)
            #expect((last.json["members"] as? [[String: Any]])?.map { $0["displayName"] as? String } == ["Test instructor"])
            #expect(last.json["nextCursor"] is NSNull)

            try await dave.send(json: ["type": "presence.list", "id": "l", "topic": "room:\(room)"])
            let listed = try await dave.waitFor { $0["id"] as? String == "l" }.match
            let payload = try #require(listed["payload"] as? [String: Any])
            #expect((payload["members"] as? [[String: Any]])?.map { $0["userId"] as? String } == members.map { $0["userId"] as? String })
            #expect(payload["nextCursor"] is NSNull)
        }
    }

    @Test("only the room's members see its list; bad limits and cursors are refused", arguments: TestEngine.available)
    func refusals(engine: TestEngine) async throws {
        try await TestApp.run(engine, mode: .live) { app in
            let (_, student, course) = try await RealtimeChatSocketTests.courseRoom(app)
            let outsider = try await app.register()
            let path = "/api/v1/rooms/course-\(course.id)/members"

            #expect(try await app.request(.get, path).status == .unauthorized)
            let hidden = try await app.request(.get, path, token: outsider.accessToken)
            #expect(hidden.status == .notFound && hidden.errorCode == "room_not_found")
            let unknown = try await app.request(.get, "/api/v1/rooms/course-nope/members", token: student.accessToken)
            #expect(unknown.status == .notFound && unknown.errorCode == "room_not_found")
            let limit = try await app.request(.get, path + "?limit=0", token: student.accessToken)
            #expect(limit.status == .badRequest && limit.errorCode == "invalid_limit")
            let cursor = try await app.request(.get, path + "?after=not-a-cursor", token: student.accessToken)
            #expect(cursor.status == .badRequest && cursor.errorCode == "invalid_cursor")

            let socket = try await app.signedInSocket(outsider)
            try await socket.send(json: ["type": "presence.list", "id": "l", "topic": "room:course-\(course.id)"])
            #expect(try await socket.errorCode() == "room_not_found")
            try await socket.send(json: ["type": "presence.list", "id": "t"])
            #expect(try await socket.errorCode() == "missing_topic")
        }
    }

    /// Waits until the member list shows `userID` with `status`.
    static func waitForStatus(_ status: String, of userID: String, in room: String, app: TestApp, caller: APIUser) async throws {
        try await withDeadline(.seconds(15), "\(userID) turning \(status)") {
            while try await app.memberStatus(userID, in: room, as: caller) != status { try await Task.sleep(for: .milliseconds(50)) }
        }
    }
}
