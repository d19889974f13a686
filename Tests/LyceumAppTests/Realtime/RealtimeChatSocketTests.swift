import Foundation
import HTTPTypes
import HummingbirdTesting
import LyceumApp
import LyceumContracts
import LyceumCore
import LyceumTestSupport
import Realtime
import Testing

/// Chat over the socket, end to end through the live server: who may join a room, live delivery of what
/// members send, typing, resuming after a dropped connection, and being removed when a membership ends.
@Suite("Real-time chat over the socket")
struct RealtimeChatSocketTests {
    @Test("course members chat live; an outsider cannot join; typing reaches the others", arguments: TestEngine.available)
    func liveRoom(engine: TestEngine) async throws {
        try await TestApp.run(engine, mode: .live) { app in
            let (teacher, student, course) = try await Self.courseRoom(app)
            let outsider = try await app.register()
            let topic = "room:course-\(course.id)"

            let teacherSocket = try await app.signedInSocket(teacher)
            let studentSocket = try await app.signedInSocket(student)
            for socket in [teacherSocket, studentSocket] {
                try await socket.send(json: ["type": "subscribe", "id": "join", "topic": topic])
                let ack = try await socket.nextMessage()
                #expect(ack["type"] as? String == "ack" && ack["id"] as? String == "join")
                let payload = try #require(ack["payload"] as? [String: Any])
                #expect(payload["position"] as? Int == 0 && payload["recovered"] as? Bool == true)
                #expect((payload["details"] as? [String: Any])?["kind"] as? String == "course")
            }
            let outsiderSocket = try await app.signedInSocket(outsider)
            try await outsiderSocket.send(json: ["type": "subscribe", "id": "sneak", "topic": topic])
            #expect(try await outsiderSocket.errorCode() == "room_not_found")
            try await outsiderSocket.send(json: ["type": "message.send", "id": "x", "topic": topic, "payload": ["body": "let me in"]])
            #expect(try await outsiderSocket.errorCode() == "room_not_found")

            try await studentSocket.send(json: ["type": "message.send", "id": "m1", "topic": topic, "payload": ["body": "Is **chapter 2** on the exam?"]])
            let (ack, early) = try await studentSocket.waitFor { $0["type"] as? String == "ack" && $0["id"] as? String == "m1" }
            let sent = try #require((ack["payload"] as? [String: Any])?["message"] as? [String: Any])
            let heard = try await teacherSocket.nextMessage()
            #expect(heard["type"] as? String == "event" && heard["event"] as? String == "message.created")
            #expect(heard["topic"] as? String == topic && heard["seq"] as? Int == 1)
            let message = try #require(heard["payload"] as? [String: Any])
            #expect(message["id"] as? String == sent["id"] as? String && message["authorId"] as? String == student.id)
            #expect((message["bodyHtml"] as? String)?.contains("<strong>chapter 2</strong>") == true)
            // The sender hears its own message once, as an event, besides the acknowledgement.
            // (The event may come before the ack, among `early`, or after it; read on only in the second case.)
            let own = early.isEmpty ? [try await studentSocket.nextMessage()] : early
            #expect(own.count == 1 && own.first?["seq"] as? Int == 1)

            try await teacherSocket.send(json: ["type": "typing", "id": "t", "topic": topic])
            #expect(try await teacherSocket.waitFor { $0["type"] as? String == "ack" }.match["id"] as? String == "t")
            let typing = try await studentSocket.nextMessage()
            #expect(typing["event"] as? String == "typing" && (typing["payload"] as? [String: Any])?["userId"] as? String == teacher.id)
            #expect(typing["seq"] == nil)
        }
    }

    @Test("a client that reconnects with its last seq gets what it missed, in order, then live events", arguments: TestEngine.available)
    func resume(engine: TestEngine) async throws {
        try await TestApp.run(engine, mode: .live) { app in
            let (teacher, student, course) = try await Self.courseRoom(app)
            let room = "course-\(course.id)"

            let first = try await app.signedInSocket(student)
            try await first.send(json: ["type": "subscribe", "id": "j", "topic": "room:\(room)"])
            _ = try await first.nextMessage()
            try await app.sendChat(room, as: teacher, "one")
            let seen = try await first.nextMessage()
            #expect(seen["seq"] as? Int == 1)
            await first.drop()

            try await app.sendChat(room, as: teacher, "two")
            try await app.sendChat(room, as: teacher, "three")
            let again = try await app.signedInSocket(student)
            try await again.send(json: ["type": "subscribe", "id": "r", "topic": "room:\(room)", "payload": ["since": 1]])
            let ack = try await again.nextMessage()
            let payload = try #require(ack["payload"] as? [String: Any])
            #expect(ack["type"] as? String == "ack" && payload["position"] as? Int == 3 && payload["recovered"] as? Bool == true)
            let missed = [try await again.nextMessage(), try await again.nextMessage()]
            #expect(missed.map { $0["seq"] as? Int } == [2, 3])
            #expect(missed.map { ($0["payload"] as? [String: Any])?["body"] as? String } == ["two", "three"])
            try await app.sendChat(room, as: teacher, "four")
            #expect(try await again.nextMessage()["seq"] as? Int == 4)
        }
    }

    @Test("a student removed from the course is told at once and hears nothing more from its room", arguments: TestEngine.available)
    func removedOnUnenroll(engine: TestEngine) async throws {
        try await TestApp.run(engine, mode: .live) { app in
            let (teacher, student, course) = try await Self.courseRoom(app)
            let room = "course-\(course.id)"
            let socket = try await app.signedInSocket(student)
            try await socket.send(json: ["type": "subscribe", "id": "j", "topic": "room:\(room)"])
            _ = try await socket.nextMessage()

            let left = try await app.request(.delete, "/api/v1/courses/\(course.id)/enrollment", token: student.accessToken)
            #expect(left.status.code < 300)
            let ended = try await socket.nextMessage(timeout: .seconds(15))
            #expect(ended["event"] as? String == "subscription.ended" && ended["topic"] as? String == "room:\(room)")
            #expect((ended["payload"] as? [String: Any])?["reason"] as? String == "unenrolled")
            try await app.sendChat(room, as: teacher, "after you left")
            try await socket.send(json: ["type": "ping", "id": "p"])
            // The next thing heard is the pong: the message after leaving never arrives.
            #expect(try await socket.nextMessage()["type"] as? String == "pong")
            try await socket.send(json: ["type": "subscribe", "id": "back", "topic": "room:\(room)"])
            #expect(try await socket.errorCode() == "room_not_found")
        }
    }

    /// A published course with its instructor and one enrolled student, once the hub listens.
    static func courseRoom(_ app: TestApp) async throws -> (teacher: APIUser, student: APIUser, course: BuiltCourse) {
        let teacher = try await app.account(role: .instructor)
        let course = try await app.buildCourse(owner: teacher, modules: 1, lessonsPerModule: 1)
        let student = try await app.register()
        let enrolled = try await app.request(.post, "/api/v1/courses/\(course.id)/enrollment", token: student.accessToken)
        try #require(enrolled.status == .created)
        try await app.waitUntilRealtimeListens()
        return (teacher, student, course)
    }
}
