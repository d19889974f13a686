import Foundation
import HTTPTypes
import LyceumApp
import LyceumContracts
import LyceumCore
import LyceumHTTP
@testable import Realtime
import LyceumTestSupport
import NIOCore
import Testing

@Suite("Chat routes")
struct ChatRoutesTests {
    @Test("a course room admits its active students and staff; outsiders, former students and a draft's students get 404", arguments: TestEngine.available)
    func courseRoomMembership(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let cast = try await app.forumCast()
            let room = "course-\(cast.course.id)"
            for user in [cast.student, cast.owner, cast.admin] {
                let detail = try await app.request(.get, "/api/v1/rooms/\(room)", token: user.accessToken)
                #expect(detail.status == .ok, "\(detail.text)")
            }
            let detail = try await app.request(.get, "/api/v1/rooms/\(room)", token: cast.student.accessToken)
            let body = try #require(detail.json["room"] as? [String: Any])
            #expect(body["kind"] as? String == "course")
            #expect((body["title"] as? String)?.hasPrefix("Course ") == true, "the course's title")
            let members = body["members"] as? [[String: Any]] ?? []
            #expect(Set(members.compactMap { $0["id"] as? String }) == [cast.owner.id, cast.student.id, cast.classmate.id])
            #expect(members.first { $0["id"] as? String == cast.owner.id }?["staff"] as? Bool == true)
            #expect(body["moderates"] as? Bool == false)

            let outsider = try await app.request(.get, "/api/v1/rooms/\(room)", token: cast.outsider.accessToken)
            #expect(outsider.status == .notFound)
            #expect(outsider.errorCode == "room_not_found")
            let intrusion = try await app.request(.post, "/api/v1/rooms/\(room)/messages", json: ["body": "Let me in"], token: cast.outsider.accessToken)
            #expect(intrusion.errorCode == "room_not_found")
            #expect(try await app.request(.get, "/api/v1/rooms/\(room)/messages", token: cast.outsider.accessToken).errorCode == "room_not_found")
            #expect(try await app.roomEntry(room, as: cast.student) != nil)
            #expect(try await app.roomEntry(room, as: cast.outsider) == nil)

            // Leaving the course closes the room at once.
            try await app.sendChat(room, as: cast.student, "Before leaving")
            let left = try await app.request(.delete, "/api/v1/courses/\(cast.course.id)/enrollment", token: cast.student.accessToken)
            #expect(left.status.code < 300, "\(left.text)")
            #expect(try await app.request(.get, "/api/v1/rooms/\(room)", token: cast.student.accessToken).errorCode == "room_not_found")
            #expect(try await app.request(.get, "/api/v1/rooms/\(room)/messages", token: cast.student.accessToken).errorCode == "room_not_found")
            #expect(try await app.roomEntry(room, as: cast.student) == nil)

            // A draft course's room is for its staff only, even for a student the owner added.
            let draft = try await app.buildCourse(owner: cast.owner, modules: 1, lessonsPerModule: 1, publish: false)
            let added = try await app.request(.post, "/api/v1/courses/\(draft.id)/roster", json: ["userId": cast.classmate.id], token: cast.owner.accessToken)
            #expect(added.status.code < 300, "\(added.text)")
            #expect(try await app.request(.get, "/api/v1/rooms/course-\(draft.id)", token: cast.owner.accessToken).status == .ok)
            #expect(try await app.request(.get, "/api/v1/rooms/course-\(draft.id)", token: cast.classmate.accessToken).errorCode == "room_not_found")

            // One name per room: the slug, other casing, unknown prefixes and junk name nothing.
            for name in ["course-\(cast.course.slug)", "course-\(cast.course.id.uppercased())", "courses-\(cast.course.id)", "course-", "dm-%00", "x"] {
                let reply = try await app.request(.get, "/api/v1/rooms/\(name)", token: cast.admin.accessToken)
                #expect(reply.errorCode == "room_not_found", "\(name): \(reply.text)")
            }
        }
    }

    @Test("a group room admits the group's members only, and lists for them", arguments: TestEngine.available)
    func groupRoomMembership(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let cast = try await app.forumCast()
            let groupID = try await app.studyGroup(owner: cast.student, members: [cast.classmate])
            let room = "group-\(groupID)"
            try await app.sendChat(room, as: cast.classmate, "Study at six?")
            let entry = try #require(try await app.roomEntry(room, as: cast.student))
            #expect(entry["title"] as? String == "Study group")
            #expect(entry["unread"] as? Int == 1)
            #expect((entry["lastMessage"] as? [String: Any])?["text"] as? String == "Study at six?")
            for outsider in [cast.outsider, cast.owner, cast.admin] {
                #expect(try await app.request(.get, "/api/v1/rooms/\(room)", token: outsider.accessToken).errorCode == "room_not_found")
                #expect(try await app.roomEntry(room, as: outsider) == nil)
            }
            #expect(try await app.request(.get, "/api/v1/rooms/group-\(UUID().uuidString.lowercased())", token: cast.student.accessToken).status == .notFound)
        }
    }

    @Test("one direct conversation per set of people: 201 when opened, 200 after; only its members see it", arguments: TestEngine.available)
    func directConversations(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let ada = try await app.register(name: "Ada")
            let grace = try await app.register(name: "Grace")
            let alan = try await app.register(name: "Alan")
            let opened = try await app.request(.post, "/api/v1/rooms", json: ["memberIds": [grace.id]], token: ada.accessToken)
            #expect(opened.status == .created, "\(opened.text)")
            let room = try #require((opened.json["room"] as? [String: Any])?["id"] as? String)
            #expect(room.hasPrefix("dm-"))
            #expect((opened.json["room"] as? [String: Any])?["title"] as? String == "Grace")
            let again = try await app.request(.post, "/api/v1/rooms", json: ["memberIds": [ada.id, grace.id, grace.id.uppercased()]], token: grace.accessToken)
            #expect(again.status == .ok)
            #expect((again.json["room"] as? [String: Any])?["id"] as? String == room)
            #expect((again.json["room"] as? [String: Any])?["title"] as? String == "Ada")

            // Opened by both at once, the pair still gets one conversation.
            let pairs = try await withThrowingTaskGroup(of: String?.self) { group in
                for user in [ada, alan, ada, alan] {
                    let other = user.id == ada.id ? alan.id : ada.id
                    group.addTask {
                        let reply = try await app.request(.post, "/api/v1/rooms", json: ["memberIds": [other]], token: user.accessToken)
                        return (reply.json["room"] as? [String: Any])?["id"] as? String
                    }
                }
                return try await group.reduce(into: Set<String?>()) { $0.insert($1) }
            }
            #expect(pairs.count == 1 && pairs.first! != nil)

            let trio = try await app.request(.post, "/api/v1/rooms", json: ["memberIds": [grace.id, alan.id]], token: ada.accessToken)
            #expect(trio.status == .created)
            #expect((trio.json["room"] as? [String: Any])?["title"] as? String == "Alan, Grace")
            #expect(((trio.json["room"] as? [String: Any])?["members"] as? [Any])?.count == 3)

            try await app.sendChat(room, as: ada, "Hi Grace")
            #expect(try await app.request(.get, "/api/v1/rooms/\(room)", token: alan.accessToken).errorCode == "room_not_found")
            #expect(try await app.request(.post, "/api/v1/rooms/\(room)/messages", json: ["body": "Me too"], token: alan.accessToken).errorCode == "room_not_found")
            #expect(try await app.roomEntry(room, as: alan) == nil)
            #expect(try await app.roomEntry(room, as: grace)?["unread"] as? Int == 1)

            let unknown = UUID().uuidString.lowercased()
            let tooMany = (0..<20).map { _ in UUID().uuidString.lowercased() }
            let cases: [[String: any Sendable]] = [
                ["memberIds": [String]()], ["memberIds": [ada.id]], ["memberIds": [unknown]], ["memberIds": ["not-a-user"]],
                ["memberIds": ["a\u{0}b"]], ["memberIds": tooMany], ["memberIds": "x"], ["memberIds": [1, 2]], [:],
            ]
            for body in cases {
                let reply = try await app.request(.post, "/api/v1/rooms", json: body, token: ada.accessToken)
                #expect(reply.status == .unprocessableContent, "\(body): \(reply.text)")
            }
        }
    }

    @Test("send, reply, edit, react, delete and read: each answer and the unread counts follow", arguments: TestEngine.available)
    func messageLifecycle(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let cast = try await app.forumCast()
            let room = "course-\(cast.course.id)"
            let first = try await app.sendChat(room, as: cast.student, "  What is a **limit**?  ")
            let firstID = try #require(first["id"] as? String)
            #expect(first["body"] as? String == "What is a **limit**?")
            #expect(first["bodyHtml"] as? String == "<p>What is a <strong>limit</strong>?</p>\n")
            #expect(first["authorName"] as? String == "Test Student")
            #expect(first["seq"] as? Int == 1)
            let unsafe = try await app.sendChat(room, as: cast.classmate, "<script>alert(1)</script> [x](javascript:alert(1))", replyTo: firstID)
            #expect(unsafe["replyTo"] as? String == firstID)
            #expect(!(unsafe["bodyHtml"] as? String ?? "<script>").contains("<script>"))
            #expect(!(unsafe["bodyHtml"] as? String ?? "javascript:").contains("javascript:"))
            let unsafeID = try #require(unsafe["id"] as? String)

            // The student sees the classmate's message as unread; their own never counts.
            #expect(try await app.roomEntry(room, as: cast.student)?["unread"] as? Int == 1)
            #expect(try await app.roomEntry(room, as: cast.classmate)?["unread"] as? Int == 1)
            #expect(try await app.roomEntry(room, as: cast.owner)?["unread"] as? Int == 2)
            #expect(try await app.roomEntry(room, as: cast.owner)?["lastSeq"] as? Int == 2)

            // Only the author edits; an emptied text is refused.
            let messagePath = "/api/v1/rooms/\(room)/messages/\(firstID)"
            #expect(try await app.request(.patch, messagePath, json: ["body": "Mine now"], token: cast.classmate.accessToken).status == .forbidden)
            #expect(try await app.request(.patch, messagePath, json: ["body": "   "], token: cast.student.accessToken).status == .unprocessableContent)
            let edited = try await app.request(.patch, messagePath, json: ["body": "What is a *limit*?"], token: cast.student.accessToken)
            #expect(edited.status == .ok)
            let editedMessage = try #require(edited.json["message"] as? [String: Any])
            #expect(editedMessage["bodyHtml"] as? String == "<p>What is a <em>limit</em>?</p>\n")
            #expect(editedMessage["editedAt"] is String)
            #expect(editedMessage["seq"] as? Int == 1, "a message keeps the seq it was created at")

            // Reactions: added once per person and emoji, removed by their owner only.
            let thumbs = "%F0%9F%91%8D"
            let reactPath = "\(messagePath)/reactions/\(thumbs)"
            #expect(try await app.request(.put, reactPath, token: cast.classmate.accessToken).status == .ok)
            #expect(try await app.request(.put, reactPath, token: cast.classmate.accessToken).status == .ok)
            let both = try await app.request(.put, reactPath, token: cast.owner.accessToken)
            let reactions = (both.json["message"] as? [String: Any])?["reactions"] as? [[String: Any]] ?? []
            #expect(reactions.count == 1)
            #expect(reactions.first?["emoji"] as? String == "👍")
            #expect(reactions.first?["count"] as? Int == 2)
            #expect(Set(reactions.first?["userIds"] as? [String] ?? []) == [cast.classmate.id, cast.owner.id])
            let word = try await app.request(.put, "\(messagePath)/reactions/thanks", token: cast.student.accessToken)
            #expect(((word.json["message"] as? [String: Any])?["reactions"] as? [Any])?.count == 2)
            let removed = try await app.request(.delete, reactPath, token: cast.classmate.accessToken)
            let afterRemoval = (removed.json["message"] as? [String: Any])?["reactions"] as? [[String: Any]] ?? []
            #expect(afterRemoval.first { $0["emoji"] as? String == "👍" }?["userIds"] as? [String] == [cast.owner.id])

            // Deleting: not another student's, but the author's own and the course's staff may.
            let unsafePath = "/api/v1/rooms/\(room)/messages/\(unsafeID)"
            #expect(try await app.request(.delete, unsafePath, token: cast.student.accessToken).status == .forbidden)
            #expect(try await app.request(.delete, unsafePath, token: cast.owner.accessToken).status == .noContent)
            #expect(try await app.request(.delete, unsafePath, token: cast.owner.accessToken).status == .noContent, "deleting again is harmless")
            #expect(try await app.request(.patch, unsafePath, json: ["body": "Back"], token: cast.classmate.accessToken).errorCode == "message_not_found")
            #expect(try await app.request(.put, "\(unsafePath)/reactions/ok", token: cast.student.accessToken).errorCode == "message_not_found")
            let history = try await app.request(.get, "/api/v1/rooms/\(room)/messages", token: cast.student.accessToken)
            let items = history.json["items"] as? [[String: Any]] ?? []
            #expect(items.compactMap { $0["id"] as? String } == [unsafeID, firstID], "newest first, the deleted one as a tombstone")
            #expect(items.first?["body"] as? String == "")
            #expect(items.first?["bodyHtml"] as? String == "")
            #expect(items.first?["deletedAt"] is String)
            #expect(history.json["nextBefore"] is NSNull)
            #expect(try await app.roomEntry(room, as: cast.student)?["unread"] as? Int == 0, "a deleted message is no longer unread")

            // Read marks move forward only, and never past the room's newest event.
            let owner = try #require(try await app.roomEntry(room, as: cast.owner))
            let lastSeq = try #require(owner["lastSeq"] as? Int)
            #expect(owner["unread"] as? Int == 1)
            let read = try await app.request(.post, "/api/v1/rooms/\(room)/read", json: ["seq": lastSeq], token: cast.owner.accessToken)
            #expect(read.status == .ok)
            #expect(read.json["lastReadSeq"] as? Int == lastSeq)
            #expect(read.json["unread"] as? Int == 0)
            let back = try await app.request(.post, "/api/v1/rooms/\(room)/read", json: ["seq": 1], token: cast.owner.accessToken)
            #expect(back.json["lastReadSeq"] as? Int == lastSeq)
            #expect(try await app.request(.post, "/api/v1/rooms/\(room)/read", json: ["seq": lastSeq + 1], token: cast.owner.accessToken).status == .unprocessableContent)
            #expect(try await app.request(.post, "/api/v1/rooms/\(room)/read", json: ["seq": -1], token: cast.owner.accessToken).status == .unprocessableContent)
            try await app.sendChat(room, as: cast.student, "One more")
            let detail = try await app.request(.get, "/api/v1/rooms/\(room)", token: cast.owner.accessToken)
            #expect((detail.json["room"] as? [String: Any])?["unread"] as? Int == 1)
            #expect((detail.json["room"] as? [String: Any])?["lastReadSeq"] as? Int == lastSeq)
        }
    }

    @Test("history pages newest first by seq with limit and before", arguments: TestEngine.available)
    func historyPaging(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let cast = try await app.forumCast()
            let room = "course-\(cast.course.id)"
            for index in 1...7 { try await app.sendChat(room, as: index.isMultiple(of: 2) ? cast.student : cast.owner, "Message \(index)") }
            var bodies: [String] = []
            var seqs: [Int] = []
            var before: Int?
            var pages = 0
            repeat {
                let query = "limit=3" + (before.map { "&before=\($0)" } ?? "")
                let page = try await app.request(.get, "/api/v1/rooms/\(room)/messages?\(query)", token: cast.student.accessToken)
                #expect(page.status == .ok, "\(page.text)")
                let items = page.json["items"] as? [[String: Any]] ?? []
                bodies += items.compactMap { $0["body"] as? String }
                seqs += items.compactMap { $0["seq"] as? Int }
                before = page.json["nextBefore"] as? Int
                pages += 1
            } while before != nil && pages < 10
            #expect(pages == 3)
            #expect(bodies == (1...7).reversed().map { "Message \($0)" })
            #expect(seqs == Array((1...7).reversed()))
            let whole = try await app.request(.get, "/api/v1/rooms/\(room)/messages", token: cast.student.accessToken)
            #expect((whole.json["items"] as? [Any])?.count == 7)
            let older = try await app.request(.get, "/api/v1/rooms/\(room)/messages?before=3", token: cast.student.accessToken)
            #expect((older.json["items"] as? [[String: Any]] ?? []).compactMap { $0["seq"] as? Int } == [2, 1])
            for query in ["limit=0", "limit=101", "limit=abc", "limit=99999999999999999999", "before=0", "before=-3", "before=x", "before=%00"] {
                let reply = try await app.request(.get, "/api/v1/rooms/\(room)/messages?\(query)", token: cast.student.accessToken)
                #expect(reply.status == .badRequest, "\(query): \(reply.text)")
            }
        }
    }

    @Test("bad input answers a clear 4xx, never 500, and every route needs a caller", arguments: TestEngine.available)
    func badInput(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let cast = try await app.forumCast()
            let room = "course-\(cast.course.id)"
            let token = cast.student.accessToken
            let send = "/api/v1/rooms/\(room)/messages"
            let bodies: [([String: any Sendable], HTTPResponse.Status, String)] = [
                (["body": ""], .unprocessableContent, ""), (["body": " \n\t "], .unprocessableContent, ""),
                (["body": String(repeating: "a", count: 4_001)], .unprocessableContent, ""), (["body": "a\u{0}b"], .unprocessableContent, ""),
                (["body": " " + String(repeating: "a", count: 4_000)], .unprocessableContent, "counted as sent, as the document's maxLength"),
                (["body": String(repeating: "e\u{301}", count: 2_001)], .unprocessableContent, "code points, not characters"),
                (["body": 42], .unprocessableContent, ""), ([:], .unprocessableContent, ""),
                (["body": "Hi", "replyTo": UUID().uuidString.lowercased()], .unprocessableContent, ""),
                (["body": "Hi", "replyTo": "%00"], .unprocessableContent, ""), (["body": "Hi", "replyTo": 7], .unprocessableContent, ""),
            ]
            for (body, status, why) in bodies {
                let reply = try await app.request(.post, send, json: body, token: token)
                #expect(reply.status == status, "\(why) \(body.description.prefix(80)): \(reply.text)")
            }
            #expect(try await app.request(.post, send, json: ["body": String(repeating: "é", count: 4_000)], token: token).status == .created)
            let malformed = try await app.raw(
                .post, send, headers: [.authorization: "Bearer \(token)", .contentType: "application/json"], body: ByteBuffer(string: "{\"body\":")
            )
            #expect(malformed.status == .badRequest)
            let text = try await app.raw(.post, send, headers: [.authorization: "Bearer \(token)", .contentType: "text/plain"], body: ByteBuffer(string: "hi"))
            #expect(text.status == .unsupportedMediaType)

            let message = try #require(try await app.sendChat(room, as: cast.student)["id"] as? String)
            for emoji in ["%20", "a%20b", "%00", String(repeating: "x", count: 17), "%E2%80%A8"] {
                let reply = try await app.request(.put, "\(send)/\(message)/reactions/\(emoji)", token: token)
                #expect(reply.status == .unprocessableContent, "\(emoji): \(reply.text)")
            }
            for id in [UUID().uuidString.lowercased(), "not-an-id", "%00", String(repeating: "9", count: 300)] {
                #expect(try await app.request(.patch, "\(send)/\(id)", json: ["body": "x"], token: token).errorCode == "message_not_found", "\(id)")
                #expect(try await app.request(.delete, "\(send)/\(id)", token: token).errorCode == "message_not_found", "\(id)")
                #expect(try await app.request(.put, "\(send)/\(id)/reactions/ok", token: token).errorCode == "message_not_found", "\(id)")
            }
            for body: [String: any Sendable] in [["seq": "1"], ["seq": 1.5], ["seq": 1e30], [:]] {
                #expect(try await app.request(.post, "/api/v1/rooms/\(room)/read", json: body, token: token).status == .unprocessableContent, "\(body)")
            }

            let routes: [(HTTPRequest.Method, String)] = [
                (.get, "/api/v1/rooms"), (.post, "/api/v1/rooms"), (.get, "/api/v1/rooms/\(room)"), (.get, send), (.post, send),
                (.patch, "\(send)/\(message)"), (.delete, "\(send)/\(message)"), (.put, "\(send)/\(message)/reactions/ok"),
                (.delete, "\(send)/\(message)/reactions/ok"), (.post, "/api/v1/rooms/\(room)/read"),
                (.put, "/api/v1/rooms/\(room)/mutes/\(cast.student.id)"), (.delete, "/api/v1/rooms/\(room)/mutes/\(cast.student.id)"),
            ]
            for (method, path) in routes {
                #expect(try await app.request(method, path, json: method == .get || method == .delete ? nil : ["body": "x"]).status == .unauthorized, "\(method) \(path)")
            }
        }
    }

    @Test("the site's blocked words and the per-user send budget apply to chat", arguments: TestEngine.available)
    func blockedWordsAndRateLimit(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let cast = try await app.forumCast()
            let room = "course-\(cast.course.id)"
            try await app.blockWords(["frobnicate"], admin: cast.admin)
            let blocked = try await app.request(.post, "/api/v1/rooms/\(room)/messages", json: ["body": "Let us FROBNICATE it"], token: cast.student.accessToken)
            #expect(blocked.status == .unprocessableContent)
            #expect(blocked.errorCode == "content_blocked")
            let id = try #require(try await app.sendChat(room, as: cast.student, "frobnicated is another word")["id"] as? String)
            let edit = try await app.request(.patch, "/api/v1/rooms/\(room)/messages/\(id)", json: ["body": "frobnicate"], token: cast.student.accessToken)
            #expect(edit.errorCode == "content_blocked")

            // The module's budget: a burst of 30 (one more every two seconds), then 429 with Retry-After.
            var sent = 0
            var limited: Reply?
            while sent < 45 {
                let reply = try await app.request(.post, "/api/v1/rooms/\(room)/messages", json: ["body": "Burst \(sent)"], token: cast.classmate.accessToken)
                if reply.status == .tooManyRequests {
                    limited = reply
                    break
                }
                #expect(reply.status == .created)
                sent += 1
            }
            #expect(sent >= 30, "the burst is 30 messages")
            let refusal = try #require(limited, "no 429 after \(sent) messages")
            #expect(refusal.errorCode == "rate_limited")
            #expect(Int(refusal.headers[.retryAfter] ?? "") ?? 0 >= 1)
            #expect(try await app.request(.post, "/api/v1/rooms/\(room)/messages", json: ["body": "Still me"], token: cast.student.accessToken).status == .created, "the budget is per user")
            let stored = try await app.request(.get, "/api/v1/rooms/\(room)/messages?limit=100", token: cast.student.accessToken)
            #expect(!(stored.json["items"] as? [[String: Any]] ?? []).contains { $0["body"] as? String == "Burst \(sent)" }, "the refused message is not stored")
        }
    }

    @Test("course staff mute and unmute students in course rooms; muted students read but cannot send or edit", arguments: TestEngine.available)
    func mutes(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let cast = try await app.forumCast()
            let room = "course-\(cast.course.id)"
            let mutePath = "/api/v1/rooms/\(room)/mutes/\(cast.student.id)"
            let before = try await app.sendChat(room, as: cast.student, "Before the mute")
            #expect(try await app.request(.put, mutePath, token: cast.classmate.accessToken).status == .forbidden)
            #expect(try await app.request(.put, mutePath, token: cast.outsider.accessToken).errorCode == "room_not_found")
            #expect(try await app.request(.put, mutePath, token: cast.owner.accessToken).status == .noContent)
            #expect(try await app.request(.put, mutePath, token: cast.admin.accessToken).status == .noContent, "muting twice is harmless")
            let refused = try await app.request(.post, "/api/v1/rooms/\(room)/messages", json: ["body": "Hello?"], token: cast.student.accessToken)
            #expect(refused.status == .forbidden)
            #expect(refused.errorCode == "muted")
            let edit = try await app.request(
                .patch, "/api/v1/rooms/\(room)/messages/\(before["id"] as? String ?? "")", json: ["body": "Rewritten while muted"],
                token: cast.student.accessToken
            )
            #expect(edit.errorCode == "muted", "a muted member cannot rewrite what they said either")
            #expect(try await app.request(.get, "/api/v1/rooms/\(room)/messages", token: cast.student.accessToken).status == .ok, "muted members still read")
            let detail = try await app.request(.get, "/api/v1/rooms/\(room)", token: cast.student.accessToken)
            #expect((detail.json["room"] as? [String: Any])?["muted"] as? Bool == true)
            try await app.sendChat(room, as: cast.classmate, "Not muted")

            #expect(try await app.request(.put, "/api/v1/rooms/\(room)/mutes/\(cast.owner.id)", token: cast.admin.accessToken).status == .unprocessableContent)
            #expect(try await app.request(.put, "/api/v1/rooms/\(room)/mutes/\(cast.outsider.id)", token: cast.owner.accessToken).errorCode == "member_not_found")
            #expect(try await app.request(.put, "/api/v1/rooms/\(room)/mutes/%00", token: cast.owner.accessToken).errorCode == "member_not_found")
            let groupID = try await app.studyGroup(owner: cast.owner, members: [cast.student])
            #expect(try await app.request(.put, "/api/v1/rooms/group-\(groupID)/mutes/\(cast.student.id)", token: cast.owner.accessToken).status == .forbidden)

            #expect(try await app.request(.delete, mutePath, token: cast.owner.accessToken).status == .noContent)
            try await app.sendChat(room, as: cast.student, "Back again")
        }
    }

    @Test("the hand-written JSON of messages, pages and read marks decodes to the Codable form")
    func writersMatchCodable() throws {
        let message = ChatMessage(
            id: "m1", roomId: "course-c1", seq: 12, authorId: "u1", authorName: "Ada \"Countess\" \\ Lovelace\n", body: "**hi**",
            bodyHtml: "<p><strong>hi</strong></p>\n", replyTo: "m0", createdAt: Date(timeIntervalSince1970: 1_780_000_000),
            editedAt: Date(timeIntervalSince1970: 1_780_000_100), deletedAt: nil,
            reactions: [ChatReaction(emoji: "👍", userIds: ["u2", "u3"]), ChatReaction(emoji: "ok", userIds: ["u1"])]
        )
        let tombstone = ChatMessage(
            id: "m2", roomId: "course-c1", seq: 13, authorId: "u2", authorName: "Grace", body: "", bodyHtml: "", replyTo: nil,
            createdAt: Date(timeIntervalSince1970: 1_780_000_200), editedAt: nil, deletedAt: Date(timeIntervalSince1970: 1_780_000_300), reactions: []
        )
        for page in [MessagePageView(ChatMessagePage(items: [tombstone, message], nextBefore: 12)), MessagePageView(ChatMessagePage(items: [], nextBefore: nil))] {
            #expect(try JSONCoding.decoder.decode(MessagePageView.self, from: Data(JSONWriter.encode(page).readableBytesView)) == page)
        }
        let envelope = MessageEnvelope(message)
        #expect(try JSONCoding.decoder.decode(MessageEnvelope.self, from: Data(JSONWriter.encode(envelope).readableBytesView)) == envelope)
        let mark = ChatReadMark(roomId: "dm-x", lastReadSeq: 9, unread: 2)
        #expect(try JSONCoding.decoder.decode(ChatReadMark.self, from: Data(JSONWriter.encode(mark).readableBytesView)) == mark)
    }
}
