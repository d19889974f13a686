import Foundation
import HTTPTypes
import LyceumApp
import LyceumContracts
import LyceumCore
import LyceumPlatform
@testable import Realtime
import LyceumTestSupport
import NIOCore
import SQLKit
import Testing

@Suite("Chat event stream")
struct ChatStreamTests {
    /// The room's stored event log, oldest first: (seq, frame text).
    static func eventLog(_ app: TestApp, _ room: String) async throws -> [(seq: Int64, frame: String)] {
        try await app.services.database.read { sql in
            try await sql.select().columns("seq", "frame").from("chat_room_events").where("room_id", .equal, room).orderBy("seq").all()
                .map { (try $0.decode(column: "seq", as: Int64.self), try $0.decode(column: "frame", as: String.self)) }
        }
    }

    @Test("20 concurrent sends get seq 1…20 without a gap; log, messages and published frames agree", arguments: TestEngine.available)
    func concurrentSendsAreGapless(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let cast = try await app.forumCast()
            let room = "course-\(cast.course.id)"
            let publisher = RecordingPublisher()
            let chat = try app.chat(publishingTo: publisher)
            let senders = [Principal.of(cast.student), .of(cast.classmate), .of(cast.owner, role: .instructor)]
            let messages = try await withThrowingTaskGroup(of: ChatMessage.self) { group in
                for index in 0..<20 {
                    group.addTask { try await chat.send(senders[index % 3], room, body: "Concurrent \(index)") }
                }
                return try await group.reduce(into: [ChatMessage]()) { $0.append($1) }
            }
            #expect(messages.map(\.seq).sorted() == Array(1...20))
            let log = try await Self.eventLog(app, room)
            #expect(log.map(\.seq) == Array(1...20))
            let published = publisher.stored(on: "room:\(room)")
            #expect(published.compactMap(\.seq).sorted() == Array(1...20))
            for frame in published {
                #expect(log.first { $0.seq == frame.seq }?.frame == frame.text, "the log keeps the very bytes that were published")
                #expect(frame.event == "message.created")
                #expect(frame.json["seq"] as? Int == Int(frame.seq ?? 0))
                let payload = frame.payload
                #expect(messages.first { $0.id == payload["id"] as? String }?.seq == frame.seq, "a message's seq is its creating event's")
            }
            let stored = try await chat.messages(senders[0], room, before: nil, limit: 100)
            #expect(stored.items.map(\.seq) == Array((1...20).reversed()))
            let detail = try await chat.room(senders[0], room)
            #expect(detail.lastSeq == 20)
        }
    }

    @Test("every change is one stored event in order; changes that change nothing store and publish nothing", arguments: TestEngine.available)
    func changesAreEvents(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let cast = try await app.forumCast()
            let room = "course-\(cast.course.id)"
            let publisher = RecordingPublisher()
            let chat = try app.chat(publishingTo: publisher)
            let student = Principal.of(cast.student)
            let owner = Principal.of(cast.owner, role: .instructor)
            let message = try await chat.send(student, room, body: "First")
            _ = try await chat.edit(student, room, messageID: message.id, body: "First, edited")
            _ = try await chat.react(owner, room, messageID: message.id, emoji: "🎉")
            _ = try await chat.react(owner, room, messageID: message.id, emoji: "🎉")
            _ = try await chat.unreact(student, room, messageID: message.id, emoji: "🎉")
            _ = try await chat.unreact(owner, room, messageID: message.id, emoji: "🎉")
            try await chat.delete(owner, room, messageID: message.id)
            try await chat.delete(owner, room, messageID: message.id)
            await #expect(throws: AppError.self) { try await chat.edit(owner, room, messageID: message.id, body: "Not mine") }

            let log = try await Self.eventLog(app, room)
            let events = log.map { RealtimeFrame(topic: "room:\(room)", seq: $0.seq, text: $0.frame).event }
            #expect(events == ["message.created", "message.edited", "reaction.added", "reaction.removed", "message.deleted"])
            #expect(log.map(\.seq) == [1, 2, 3, 4, 5])
            // What went out live is what the log holds, except that the deleted message's text is gone from its
            // stored creation and edit.
            let published = publisher.stored(on: "room:\(room)").map(\.text)
            #expect(published.dropFirst(2) == log.map(\.frame).dropFirst(2))
            #expect(published[1].contains("First, edited") && !log[0].frame.contains("First") && !log[1].frame.contains("First"))
            let added = RealtimeFrame(topic: "room:\(room)", seq: 3, text: log[2].frame).payload
            #expect(added["messageId"] as? String == message.id)
            #expect(added["userId"] as? String == cast.owner.id)
            #expect((added["reactions"] as? [[String: Any]])?.first?["count"] as? Int == 1)
            let edited = RealtimeFrame(topic: "room:\(room)", seq: 2, text: published[1]).payload
            #expect(edited["body"] as? String == "First, edited")
            #expect(edited["seq"] as? Int == 1)
            #expect(RealtimeFrame(topic: "room:\(room)", seq: 2, text: log[1].frame).payload["deletedAt"] is String)
            let deleted = RealtimeFrame(topic: "room:\(room)", seq: 5, text: log[4].frame).payload
            #expect(deleted["id"] as? String == message.id)

            // Marking read is announced to the room but not stored.
            _ = try await chat.markRead(owner, room, seq: 5)
            let read = try #require(publisher.frames.last)
            #expect(read.seq == nil)
            #expect(read.event == "room.read")
            #expect(read.payload["userId"] as? String == cast.owner.id)
            #expect(read.payload["lastReadSeq"] as? Int == 5)
            #expect(try await Self.eventLog(app, room).count == 5)
        }
    }

    @Test("joining a room's topic checks membership and replays what was missed after since", arguments: TestEngine.available)
    func resume(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let cast = try await app.forumCast()
            let room = "course-\(cast.course.id)"
            let topic = "room:\(room)"
            let publisher = RecordingPublisher()
            let chat = try app.chat(publishingTo: publisher)
            let topics = ChatTopics(chat: chat)
            #expect(topics.prefix == "room:")
            let student = Principal.of(cast.student)

            let empty = try await topics.join(student, topic: topic, since: nil)
            #expect(empty.position == 0)
            #expect(empty.missed.isEmpty)
            #expect(empty.recovered)
            let details = try #require(empty.details.flatMap { try JSONSerialization.jsonObject(with: Data($0.readableBytesView)) as? [String: Any] })
            #expect(details["roomId"] as? String == room)
            #expect(details["kind"] as? String == "course")
            #expect((details["title"] as? String)?.hasPrefix("Course ") == true)

            for index in 1...5 { _ = try await chat.send(student, room, body: "Message \(index)") }
            let resumed = try await topics.join(student, topic: topic, since: 2)
            #expect(resumed.position == 5)
            #expect(resumed.recovered)
            #expect(resumed.missed.map(\.seq) == [3, 4, 5])
            #expect(resumed.missed.map(\.text) == Array(publisher.stored(on: topic).suffix(3).map(\.text)), "the same bytes as published")
            #expect(try await topics.join(student, topic: topic, since: 5).missed.isEmpty)
            let fresh = try await topics.join(student, topic: topic, since: nil)
            #expect(fresh.missed.isEmpty && fresh.position == 5)
            let ahead = try await topics.join(student, topic: topic, since: 9)
            #expect(!ahead.recovered, "a client ahead of the room (a restored database) reloads")

            for outsider in [Principal.of(cast.outsider)] {
                await #expect(throws: ChatErrors.roomNotFound) { try await topics.join(outsider, topic: topic, since: 0) }
            }
            for bad in ["room:", "room:course-", "room:nope", "call:\(room)", "room:dm-\(UUID().uuidString.lowercased())"] {
                await #expect(throws: ChatErrors.roomNotFound) { try await topics.join(student, topic: bad, since: nil) }
            }
            await #expect(throws: AppError.self) { try await topics.join(student, topic: topic, since: -1) }

            // More missed than a resume replays: the first 500 after since, and recovered is false.
            try await app.services.database.write { sql in
                for seq in 6...605 {
                    let frame = RealtimeFrame.event(topic: topic, seq: Int64(seq), event: "message.deleted") { $0.beginObject(); $0.endObject() }
                    try await sql.raw(
                        "INSERT INTO chat_room_events (room_id, seq, frame, created_at) VALUES (\(bind: room), \(bind: seq), \(bind: frame.text), \(bind: Date()))"
                    ).run()
                }
                try await sql.raw("UPDATE chat_rooms SET last_seq = 605 WHERE id = \(bind: room)").run()
            }
            let flooded = try await topics.join(student, topic: topic, since: 0)
            #expect(!flooded.recovered)
            #expect(flooded.missed.count == 500)
            #expect(flooded.missed.first?.seq == 1 && flooded.missed.last?.seq == 500)
            #expect(flooded.position == 605)
            let justEnough = try await topics.join(student, topic: topic, since: 105)
            #expect(justEnough.recovered)
            #expect(justEnough.missed.count == 500)

            // Pruning keeps the resume window and anything younger than the cutoff; a client that was away
            // longer than the window learns it missed pruned events instead of getting a replay with a hole.
            #expect(try await chat.pruneRoomEvents(olderThanHours: 1) == 0, "every event is younger than an hour")
            try await app.services.database.write { sql in
                try await sql.raw("UPDATE chat_room_events SET created_at = \(bind: Date().addingTimeInterval(-7_200)) WHERE seq <= 300").run()
            }
            #expect(try await chat.pruneRoomEvents(olderThanHours: 1) == 105, "old events behind the newest 500 go")
            #expect(try await Self.eventLog(app, room).count == 500)
            let pruned = try await topics.join(student, topic: topic, since: 50)
            #expect(!pruned.recovered, "events after since were pruned")
            #expect(pruned.missed.first?.seq == 106)
            #expect(try await topics.join(student, topic: topic, since: 105).recovered, "the whole window is still there")
            #expect(try await chat.pruneRoomEvents(olderThanHours: 1) == 0)
        }
    }

    @Test("a resume replays a message's current text: never what its author replaced or deleted", arguments: TestEngine.available)
    func redactedReplay(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let cast = try await app.forumCast()
            let room = "course-\(cast.course.id)"
            let chat = try app.chat(publishingTo: RecordingPublisher())
            let topics = ChatTopics(chat: chat)
            let student = Principal.of(cast.student)
            let kept = try await chat.send(student, room, body: "My phone number is 555-0100")
            _ = try await chat.edit(student, room, messageID: kept.id, body: "Call me through the course page")
            let gone = try await chat.send(student, room, body: "The exam answers are B, C, A")
            _ = try await chat.react(student, room, messageID: gone.id, emoji: "👍")
            try await chat.delete(student, room, messageID: gone.id)

            let replay = try await topics.join(student, topic: "room:\(room)", since: 0).missed
            #expect(replay.map(\.seq) == [1, 2, 3, 4, 5])
            let text = replay.map(\.text).joined()
            #expect(!text.contains("555-0100") && !text.contains("B, C, A"))
            #expect(replay[0].text.contains("\"event\":\"message.created\"") && replay[0].text.contains("Call me through the course page"))
            let deletedCreation = try #require(try JSONSerialization.jsonObject(with: Data(replay[2].text.utf8)) as? [String: Any])
            let payload = try #require(deletedCreation["payload"] as? [String: Any])
            #expect(deletedCreation["event"] as? String == "message.created" && payload["body"] as? String == "" && payload["deletedAt"] != nil)
            #expect(try await chat.messages(student, room, before: nil, limit: 10).items.first { $0.id == kept.id }?.body == "Call me through the course page")
        }
    }

    @Test("socket commands act like the REST calls and acknowledge with their JSON", arguments: TestEngine.available)
    func commands(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let cast = try await app.forumCast()
            let room = "course-\(cast.course.id)"
            let publisher = RecordingPublisher()
            let commands = ChatCommands(chat: try app.chat(publishingTo: publisher))
            #expect(Set(commands.types) == ["message.send", "message.edit", "message.delete", "reaction.add", "reaction.remove", "room.read", "messages.list"])
            let student = Principal.of(cast.student)
            func run(_ type: String, topic: String? = "room:\(room)", as principal: Principal = student, _ payload: [String: any Sendable]) async throws
                -> [String: Any]?
            {
                var frame: [String: any Sendable] = ["type": type, "payload": payload]
                if let topic { frame["topic"] = topic }
                let data = try JSONSerialization.data(withJSONObject: frame)
                let ack = try await commands.handle(RealtimeCommand(type: type, topic: topic, principal: principal, connectionID: "test-connection", frame: data))
                return try ack.map { try JSONSerialization.jsonObject(with: Data($0.readableBytesView)) as? [String: Any] ?? [:] }
            }
            let sent = try #require(try await run("message.send", ["body": "Over the **socket**"])?["message"] as? [String: Any])
            let id = try #require(sent["id"] as? String)
            #expect(sent["bodyHtml"] as? String == "<p>Over the <strong>socket</strong></p>\n")
            let edited = try await run("message.edit", ["messageId": id, "body": "Edited"])?["message"] as? [String: Any]
            #expect(edited?["body"] as? String == "Edited")
            let reacted = try await run("reaction.add", ["messageId": id, "emoji": "👍"])?["message"] as? [String: Any]
            #expect((reacted?["reactions"] as? [[String: Any]])?.first?["count"] as? Int == 1)
            let unreacted = try await run("reaction.remove", ["messageId": id, "emoji": "👍"])?["message"] as? [String: Any]
            #expect((unreacted?["reactions"] as? [Any])?.isEmpty == true)
            let read = try await run("room.read", ["seq": 4])
            #expect(read?["lastReadSeq"] as? Int == 4)
            #expect(read?["roomId"] as? String == room)
            #expect(try await run("message.delete", ["messageId": id]) == nil)
            #expect(try await ChatStreamTests.eventLog(app, room).count == 5)

            // The REST history shows what the commands did.
            let history = try await app.request(.get, "/api/v1/rooms/\(room)/messages", token: cast.student.accessToken)
            #expect((history.json["items"] as? [[String: Any]])?.first?["deletedAt"] is String)

            // History over the socket answers what the REST history does, and refuses what it refuses.
            _ = try await run("message.send", ["body": "Second"])
            let page = try #require(try await run("messages.list", ["limit": 1]))
            let newest = try #require((page["items"] as? [[String: Any]])?.first)
            #expect(newest["body"] as? String == "Second")
            let nextBefore = try #require(page["nextBefore"] as? Int)
            let older = try #require(try await run("messages.list", ["before": nextBefore]))
            #expect((older["items"] as? [[String: Any]])?.map { $0["id"] as? String } == [id])
            #expect(older["nextBefore"] is NSNull)
            await #expect(throws: AppError.self) { _ = try await run("messages.list", ["limit": 0]) }
            await #expect(throws: AppError(status: 422, code: "invalid_payload", message: "The command's payload has the wrong shape.")) {
                _ = try await run("messages.list", ["before": "yesterday"])
            }
            await #expect(throws: ChatErrors.roomNotFound) { _ = try await run("messages.list", as: .of(cast.outsider), [:]) }

            await #expect(throws: AppError(status: 422, code: "invalid_payload", message: "The command's payload is missing or has the wrong shape.")) {
                _ = try await run("message.send", ["text": "wrong field"])
            }
            await #expect(throws: ChatErrors.roomNotFound) { _ = try await run("message.send", topic: "room:nope", ["body": "x"]) }
            await #expect(throws: ChatErrors.roomNotFound) {
                _ = try await run("message.send", as: .of(cast.outsider), ["body": "Let me in"])
            }
            do {
                _ = try await run("message.send", topic: nil, ["body": "x"])
                Issue.record("a command without a topic was accepted")
            } catch let error as AppError {
                #expect(error.code == "missing_topic")
            }
        }
    }

    @Test("the send budget refuses with 429 and a retry time once spent", arguments: TestEngine.available)
    func sendBudget(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let cast = try await app.forumCast()
            let room = "course-\(cast.course.id)"
            let chat = try app.chat(publishingTo: RecordingPublisher(), sendBudget: RateBudget(capacity: 2, period: 3600))
            let student = Principal.of(cast.student)
            _ = try await chat.send(student, room, body: "One")
            _ = try await chat.send(student, room, body: "Two")
            do {
                _ = try await chat.send(student, room, body: "Three")
                Issue.record("the third message passed a budget of two")
            } catch let error as AppError {
                #expect(error.status == 429)
                #expect((error.retryAfter ?? 0) >= 1)
            }
            _ = try await chat.send(.of(cast.classmate), room, body: "Mine")
            #expect(try await chat.room(student, room).lastSeq == 3)
        }
    }
}
