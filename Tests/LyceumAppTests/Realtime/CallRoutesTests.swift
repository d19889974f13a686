import Foundation
import HTTPTypes
import LyceumApp
import LyceumContracts
import LyceumCore
import LyceumTestSupport
import NIOCore
@testable import Realtime
import Testing

/// The call history and detail routes, and who may end a call in a course room.
@Suite("Call routes")
struct CallRoutesTests {
    @Test("a room's calls page newest first; outsiders, bad cursors and bad limits are refused", arguments: TestEngine.available)
    func history(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let alice = try await app.register()
            let bob = try await app.register()
            let outsider = try await app.register()
            let room = try await app.directRoom([alice, bob])
            let calls = try app.services.require(CallService.self)
            var started: [String] = []
            for _ in 0..<3 {
                // No socket holds the seat, so each call ends as soon as it starts.
                started.append(try await calls.start(.of(alice), roomID: room, invite: nil, connectionID: "gone").id)
            }

            let first = try await app.request(.get, "/api/v1/rooms/\(room)/calls?limit=2", token: bob.accessToken)
            #expect(first.status == .ok)
            let firstItems = first.json["items"] as? [[String: Any]] ?? []
            let before = try #require(first.json["nextBefore"] as? String)
            #expect(firstItems.count == 2 && firstItems.last?["id"] as? String == before)
            let second = try await app.request(.get, "/api/v1/rooms/\(room)/calls?limit=2&before=\(before)", token: bob.accessToken)
            let secondItems = second.json["items"] as? [[String: Any]] ?? []
            #expect(secondItems.count == 1 && second.json["nextBefore"] is NSNull)
            #expect(Set((firstItems + secondItems).compactMap { $0["id"] as? String }) == Set(started))
            let call = try #require(secondItems.first)
            #expect(call["endReason"] as? String == "empty" && call["roomId"] as? String == room)
            // The call ends as soon as it starts: 0 whole seconds, unless a loaded machine (a full parallel run)
            // took more than a second between the two writes.
            #expect((0...5).contains(call["durationSeconds"] as? Int ?? -1), "\(call["durationSeconds"] ?? "nil")")
            #expect(participantStates(call) == [alice.id: "left", bob.id: "missed"])

            let detail = try await app.request(.get, "/api/v1/calls/\(started[0])", token: alice.accessToken)
            #expect(detail.status == .ok && (detail.json["call"] as? [String: Any])?["startedBy"] as? String == alice.id)

            let refusals: [(String, APIUser?, Int, String?)] = [
                ("/api/v1/rooms/\(room)/calls?before=nope", bob, 400, "invalid_before"),
                ("/api/v1/rooms/\(room)/calls?limit=0", bob, 400, "invalid_limit"),
                ("/api/v1/rooms/\(room)/calls", outsider, 404, "room_not_found"),
                ("/api/v1/rooms/\(room)/calls", nil, 401, nil),
                ("/api/v1/calls/\(started[0])", outsider, 404, "call_not_found"),
                ("/api/v1/calls/not-a-call", bob, 404, "call_not_found"),
                ("/api/v1/calls/\(started[0])", nil, 401, nil),
            ]
            for (path, user, status, code) in refusals {
                let reply = try await app.request(.get, path, token: user?.accessToken)
                #expect(reply.status.code == status, "\(path): \(reply.text)")
                if let code { #expect((reply.json["error"] as? [String: Any])?["code"] as? String == code, "\(path): \(reply.text)") }
            }
        }
    }

    @Test("in a course room the course's staff may end a student's call and other students may not", arguments: TestEngine.available)
    func courseRoomEnd(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let (teacher, student, course) = try await RealtimeChatSocketTests.courseRoom(app)
            let classmate = try await app.register()
            _ = try await app.request(.post, "/api/v1/courses/\(course.id)/enrollment", token: classmate.accessToken)
            let calls = try app.services.require(CallService.self)
            calls.seats.opened("student-tab")
            let call = try await calls.start(.of(student), roomID: "course-\(course.id)", invite: [classmate.id], connectionID: "student-tab")
            #expect(participantStates(try await app.callJSON(call.id, as: classmate)) == [student.id: "joined", classmate.id: "invited"])

            do {
                try await calls.end(.of(classmate), callID: call.id)
                Issue.record("a classmate ended the call")
            } catch let error as AppError {
                #expect(error.code == "forbidden")
            }
            do {
                _ = try await calls.start(.of(classmate), roomID: "course-\(course.id)", invite: nil, connectionID: "other")
                Issue.record("a second call started in the room")
            } catch let error as AppError {
                #expect(error.code == "call_in_progress" && error.fields["callId"] == call.id)
            }
            try await calls.end(.of(teacher, role: .instructor), callID: call.id)
            let ended = try await app.callJSON(call.id, as: student)
            #expect(ended["endReason"] as? String == "ended")
            #expect(participantStates(ended) == [student.id: "left", classmate.id: "missed"])
        }
    }

    @Test("a participant who leaves the course signals no more and loses their seat", arguments: TestEngine.available)
    func unenrolledParticipant(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let (_, student, course) = try await RealtimeChatSocketTests.courseRoom(app)
            let classmate = try await app.register()
            _ = try await app.request(.post, "/api/v1/courses/\(course.id)/enrollment", token: classmate.accessToken)
            let calls = try app.services.require(CallService.self)
            calls.seats.opened("student-tab")
            calls.seats.opened("classmate-tab")
            let call = try await calls.start(.of(student), roomID: "course-\(course.id)", invite: [classmate.id], connectionID: "student-tab")
            _ = try await calls.accept(.of(classmate), callID: call.id, connectionID: "classmate-tab")
            try await calls.signal(.of(classmate), callID: call.id, connectionID: "classmate-tab", to: student.id, kind: "offer", data: ByteBuffer(string: "{}"))

            let left = try await app.request(.delete, "/api/v1/courses/\(course.id)/enrollment", token: classmate.accessToken)
            #expect(left.status.code < 300)
            do {
                try await calls.signal(.of(classmate), callID: call.id, connectionID: "classmate-tab", to: student.id, kind: "offer", data: ByteBuffer(string: "{}"))
                Issue.record("a former student signalled into the course's call")
            } catch let error as AppError {
                #expect(error.code == "not_in_call", "refused at once, before the unenrolment's event reaches the call")
            }
            try await withDeadline(.seconds(15), "the seat freed by the unenrolment's event") {
                while participantStates(try await app.callJSON(call.id, as: student))[classmate.id] != "left" {
                    try await Task.sleep(for: .milliseconds(20))
                }
            }
            let after = try await app.callJSON(call.id, as: student)
            #expect(after["endedAt"] is NSNull, "the call goes on for those still in the room")
            #expect(participantStates(after)[student.id] == "joined")
        }
    }
}
