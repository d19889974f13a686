import Foundation
import HTTPTypes
import HummingbirdTesting
import LyceumApp
import LyceumContracts
import LyceumCore
import LyceumTestSupport
import Testing

/// Live updates over the socket, end to end through the live server: a REST action commits, its domain event
/// runs through the outbox, and the event reaches the sockets following its topic.
@Suite("Real-time live updates")
struct RealtimeLiveTests {
    @Test("readers of a thread hear its new replies; nobody else may follow it", arguments: TestEngine.available)
    func threadReplies(engine: TestEngine) async throws {
        try await TestApp.run(engine, mode: .live) { app in
            let cast = try await app.forumCast(classmateName: "Grace Hopper")
            let threadID = try await app.startThread(on: cast.boardID, as: cast.student)
            let topic = "thread:\(threadID)"
            let socket = try await app.signedInSocket(cast.student)
            try await app.waitUntilRealtimeListens()
            try await socket.subscribe(topic)

            let outsider = try await app.signedInSocket(cast.outsider)
            for refused in [topic, "thread:\(UUID().uuidString.lowercased())", "thread:"] {
                try await outsider.send(json: ["type": "subscribe", "id": "s", "topic": refused])
                #expect(try await outsider.errorStatus() == "404 topic_not_found", "\(refused)")
            }

            let replyID = try await app.replyTo(threadID, as: cast.classmate, body: "Try the epsilon-delta definition.")
            let event = try await socket.waitFor(timeout: .seconds(5)) { $0["event"] as? String == "reply.created" }.match
            #expect(event["topic"] as? String == topic && event["seq"] == nil)
            let payload = try #require(event["payload"] as? [String: Any])
            #expect(payload["threadId"] as? String == threadID)
            #expect(payload["postId"] as? String == replyID)
            #expect(payload["authorId"] as? String == cast.classmate.id)
            #expect(payload["authorName"] as? String == "Grace Hopper")
            #expect(payload["excerpt"] as? String == "Try the epsilon-delta definition.")
            #expect(payload["url"] as? String == "/threads/\(threadID)#reply-\(replyID)")

            // An anonymous reply names nobody.
            _ = try await app.request(.patch, "/api/v1/boards/\(cast.boardID)", json: ["allowAnonymous": true], token: cast.owner.accessToken)
            let anonymousID = try await app.replyTo(threadID, as: cast.classmate, body: "Me neither.", extra: ["anonymous": true])
            let anonymous = try await socket.waitFor(timeout: .seconds(5)) { $0["event"] as? String == "reply.created" }.match
            let hidden = try #require(anonymous["payload"] as? [String: Any])
            #expect(hidden["postId"] as? String == anonymousID)
            #expect(hidden["authorId"] is NSNull && hidden["authorName"] as? String == "Anonymous")
            #expect(!anonymous.description.contains(cast.classmate.id))
        }
    }

    @Test("a course's members hear its announcements when they are published, scheduled ones at their time", arguments: TestEngine.available)
    func courseAnnouncements(engine: TestEngine) async throws {
        try await TestApp.run(engine, mode: .live) { app in
            let teacher = try await app.account(role: .instructor)
            let course = try await app.buildCourse(owner: teacher, modules: 1, lessonsPerModule: 1)
            let student = try await app.register()
            #expect(try await app.request(.post, "/api/v1/courses/\(course.id)/enrollment", token: student.accessToken).status == .created)
            let topic = "course:\(course.id)"
            let socket = try await app.signedInSocket(student)
            let teacherSocket = try await app.signedInSocket(teacher)
            try await app.waitUntilRealtimeListens()
            try await socket.subscribe(topic)
            try await teacherSocket.subscribe(topic)

            let outsider = try await app.signedInSocket(try await app.register())
            for refused in [topic, "course:\(course.slug)", "course:\(UUID().uuidString.lowercased())"] {
                try await outsider.send(json: ["type": "subscribe", "id": "s", "topic": refused])
                #expect(try await outsider.errorStatus() == "404 topic_not_found", "\(refused)")
            }

            let path = "/api/v1/courses/\(course.id)/announcements"
            let posted = try await app.request(.post, path, json: ["title": "Welcome", "body": "Read **chapter one**."], token: teacher.accessToken)
            let id = try #require((posted.json["announcement"] as? [String: Any])?["id"] as? String)
            for listener in [socket, teacherSocket] {
                let event = try await listener.waitFor(timeout: .seconds(5)) { $0["event"] as? String == "announcement.published" }.match
                #expect(event["topic"] as? String == topic && event["seq"] == nil)
                let payload = try #require(event["payload"] as? [String: Any])
                #expect(payload["courseId"] as? String == course.id)
                #expect(payload["announcementId"] as? String == id)
                #expect(payload["title"] as? String == "Welcome")
                #expect(payload["excerpt"] as? String == "Read **chapter one**.")
                #expect(payload["url"] as? String == "/courses/\(course.slug)#announcement-\(id)")
            }

            // Due in two seconds: the worker wakes for it without being told.
            let when = app.clock.wallClock.nowForStorage().addingTimeInterval(2)
            let scheduled = try await app.request(
                .post, path, json: ["title": "Quiz tomorrow", "body": "Revise.", "publishAt": ISO8601DateFormatter().string(from: when)],
                token: teacher.accessToken
            )
            let scheduledID = try #require((scheduled.json["announcement"] as? [String: Any])?["id"] as? String)
            try await socket.send(json: ["type": "ping", "id": "before"])
            #expect(try await socket.waitFor { $0["type"] as? String == "pong" }.skipped.allSatisfy { $0["event"] as? String != "announcement.published" })
            let due = try await socket.waitFor(timeout: .seconds(10)) { $0["event"] as? String == "announcement.published" }.match
            #expect((due["payload"] as? [String: Any])?["announcementId"] as? String == scheduledID)

            // Leaving the course ends the subscription; the course's staff keep theirs.
            #expect(try await app.request(.delete, "/api/v1/courses/\(course.id)/enrollment", token: student.accessToken).status.code < 300)
            let ended = try await socket.waitFor(timeout: .seconds(10)) { $0["event"] as? String == "subscription.ended" }.match
            #expect(ended["topic"] as? String == topic && (ended["payload"] as? [String: Any])?["reason"] as? String == "unenrolled")
            try await socket.send(json: ["type": "subscribe", "id": "back", "topic": topic])
            #expect(try await socket.errorStatus() == "404 topic_not_found")
        }
    }

    @Test("a student hears each attempt graded on their user topic: on submit, and when its time ran out", arguments: TestEngine.available)
    func quizGraded(engine: TestEngine) async throws {
        try await TestApp.run(engine, mode: .live) { app in
            let owner = try await app.account(role: .instructor)
            let student = try await app.register()
            let (course, quizID, quiz) = try await QuizzesTests.courseWithQuiz(app, owner: owner, settings: ["timeLimitSeconds": 60])
            _ = try await app.request(.post, "/api/v1/courses/\(course.id)/enrollment", token: student.accessToken)
            let socket = try await app.signedInSocket(student)
            try await app.waitUntilRealtimeListens()
            let firstQuestion = try #require(((quiz["questions"] as? [[String: Any]])?.first)?["id"] as? String)
            let oneRight: [String: any Sendable] = ["answers": [firstQuestion: try QuizzesTests.rightAnswers(quiz)[firstQuestion]!]]

            let submittedID = try await Self.startAttempt(app, quizID: quizID, as: student)
            let submitted = try await app.request(.post, "/api/v1/attempts/\(submittedID)/submit", json: oneRight, token: student.accessToken)
            #expect(submitted.status == .ok)
            let event = try await socket.waitFor(timeout: .seconds(5)) { $0["event"] as? String == "quiz.graded" }.match
            #expect(event["topic"] as? String == "user:\(student.id)" && event["seq"] == nil)
            let payload = try #require(event["payload"] as? [String: Any])
            #expect(payload["courseId"] as? String == course.id)
            #expect(payload["quizId"] as? String == quizID)
            #expect(payload["attemptId"] as? String == submittedID)
            #expect(payload["score"] as? Int == 2 && payload["maxScore"] as? Int == 6)
            #expect(payload["passed"] as? Bool == false)
            #expect(payload["url"] as? String == "/attempts/\(submittedID)")

            // An attempt left open past its time limit is graded when the student starts the quiz again.
            let expiredID = try await Self.startAttempt(app, quizID: quizID, as: student)
            #expect(try await app.request(.patch, "/api/v1/attempts/\(expiredID)", json: oneRight, token: student.accessToken).status == .ok)
            app.clock.advance(by: 65)
            _ = try await Self.startAttempt(app, quizID: quizID, as: student)
            let expired = try await socket.waitFor(timeout: .seconds(5)) { $0["event"] as? String == "quiz.graded" }.match
            let expiredPayload = try #require(expired["payload"] as? [String: Any])
            #expect(expiredPayload["attemptId"] as? String == expiredID)
            #expect(expiredPayload["score"] as? Int == 2 && expiredPayload["passed"] as? Bool == false)
        }
    }

    /// Starts (or resumes) an attempt at the quiz and answers its id.
    static func startAttempt(_ app: TestApp, quizID: String, as student: APIUser) async throws -> String {
        let started = try await app.request(.post, "/api/v1/quizzes/\(quizID)/attempts", token: student.accessToken)
        try #require(started.status == .created || started.status == .ok, "start: \(started.text)")
        return try #require((started.json["attempt"] as? [String: Any])?["id"] as? String)
    }

    @Test("the people a direct conversation is opened with hear room.added with the room as they read it", arguments: TestEngine.available)
    func roomAdded(engine: TestEngine) async throws {
        try await TestApp.run(engine, mode: .live) { app in
            let ada = try await app.register(name: "Ada Lovelace")
            let grace = try await app.register(name: "Grace Hopper")
            let alan = try await app.register(name: "Alan Turing")
            let adaSocket = try await app.signedInSocket(ada)
            let graceSocket = try await app.signedInSocket(grace)
            let alanSocket = try await app.signedInSocket(alan)
            try await app.waitUntilRealtimeListens()

            let opened = try await app.request(.post, "/api/v1/rooms", json: ["memberIds": [grace.id, alan.id]], token: ada.accessToken)
            #expect(opened.status == .created)
            let roomID = try #require((opened.json["room"] as? [String: Any])?["id"] as? String)
            for (user, socket) in [(grace, graceSocket), (alan, alanSocket)] {
                let event = try await socket.waitFor(timeout: .seconds(5)) { $0["event"] as? String == "room.added" }.match
                #expect(event["topic"] as? String == "user:\(user.id)" && event["seq"] == nil)
                let room = try #require((event["payload"] as? [String: Any])?["room"] as? [String: Any])
                let read = try #require(try await app.request(.get, "/api/v1/rooms/\(roomID)", token: user.accessToken).json["room"] as? [String: Any])
                for key in ["id", "kind", "title"] { #expect(room[key] as? String == read[key] as? String, "\(key)") }
                for key in ["lastSeq", "lastReadSeq", "unread"] { #expect(room[key] as? Int == read[key] as? Int, "\(key)") }
                for key in ["muted", "moderates"] { #expect(room[key] as? Bool == read[key] as? Bool, "\(key)") }
                let members = try #require(room["members"] as? [[String: Any]])
                #expect(members.map { $0["id"] as? String } == (read["members"] as? [[String: Any]])?.map { $0["id"] as? String })
                #expect(Set(members.compactMap { $0["displayName"] as? String }) == ["Ada Lovelace", "Alan Turing", "Grace Hopper"])
            }

            // Neither the opener nor anyone opening the same conversation again hears it.
            let again = try await app.request(.post, "/api/v1/rooms", json: ["memberIds": [ada.id, alan.id]], token: grace.accessToken)
            #expect(again.status == .ok)
            for socket in [adaSocket, graceSocket, alanSocket] {
                try await socket.send(json: ["type": "ping", "id": "after"])
                let heard = try await socket.waitFor { $0["type"] as? String == "pong" }.skipped
                #expect(heard.allSatisfy { $0["event"] as? String != "room.added" }, "\(heard)")
            }
        }
    }
}

extension TestSocket {
    /// Subscribes to `topic` and reads the acknowledgement.
    func subscribe(_ topic: String) async throws {
        try await send(json: ["type": "subscribe", "id": "sub", "topic": topic])
        let ack = try await nextMessage()
        try #require(ack["type"] as? String == "ack" && (ack["payload"] as? [String: Any])?["topic"] as? String == topic, "not subscribed: \(ack)")
    }

    /// The next message's error status and code ("404 topic_not_found"), failing when it is not an error.
    func errorStatus() async throws -> String {
        let message = try await nextMessage()
        #expect(message["type"] as? String == "error", "expected an error: \(message)")
        let payload = message["payload"] as? [String: Any]
        return "\(payload?["status"] as? Int ?? 0) \(payload?["code"] as? String ?? "")"
    }
}
