import Foundation
import HTTPTypes
import LyceumApp
import LyceumContracts
import LyceumPlatform
import LyceumTestSupport
import SQLKit
import Testing

@Suite("Forums: votes, answers, moderation, notifications, group feeds")
struct ForumModerationTests {
    @Test("twenty users voting at once leave the score equal to the sum of their votes", arguments: TestEngine.available)
    func concurrentVotes(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let admin = try await app.account(role: .admin)
            let board = try await app.request(.post, "/api/v1/boards", json: ["title": "Lounge"], token: admin.accessToken)
            let boardID = try #require((board.json["board"] as? [String: Any])?["id"] as? String)
            let threadID = try await app.startThread(on: boardID, as: admin)
            var voters: [APIUser] = []
            for index in 0..<20 { voters.append(try await app.register(name: "Voter \(index)")) }
            let results = try await withThrowingTaskGroup(of: Int.self) { group in
                for (index, voter) in voters.enumerated() {
                    group.addTask {
                        let value = index % 4 == 0 ? -1 : 1
                        let reply = try await app.request(.post, "/api/v1/threads/\(threadID)/vote", json: ["value": value], token: voter.accessToken)
                        return reply.status == .ok ? 1 : 0
                    }
                }
                return try await group.reduce(0, +)
            }
            #expect(results == 20)
            let thread = try await app.request(.get, "/api/v1/threads/\(threadID)", token: admin.accessToken)
            #expect(thread.thread["score"] as? Int == 15 - 5)

            let undo = try await app.request(.post, "/api/v1/threads/\(threadID)/vote", json: ["value": 1], token: voters[1].accessToken)
            #expect(undo.json["myVote"] as? Int == 0)
            #expect(undo.json["score"] as? Int == 9)
            let flip = try await app.request(.post, "/api/v1/threads/\(threadID)/vote", json: ["value": 1], token: voters[0].accessToken)
            #expect(flip.json["myVote"] as? Int == 1)
            #expect(flip.json["score"] as? Int == 11)
            #expect(try await app.request(.post, "/api/v1/threads/\(threadID)/vote", json: ["value": 2], token: voters[0].accessToken).status == .unprocessableContent)
        }
    }

    @Test("a question answered and accepted notifies the asker and the answerer in the cause's transaction", arguments: TestEngine.available)
    func answeredAndAccepted(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            app.recordNotificationRequests()
            let cast = try await app.forumCast()
            let threadID = try await app.startThread(on: cast.boardID, as: cast.student)
            let answer = try await app.replyTo(threadID, as: cast.classmate)
            var requested = try await app.requestedNotifications()
            #expect(requested.map(\.kind) == [.answered])
            #expect(requested.first?.recipientIDs == [cast.student.id])
            #expect(requested.first?.link == "/threads/\(threadID)#reply-\(answer)")
            #expect(requested.first?.title.hasPrefix("Test Classmate answered") == true)

            #expect(try await app.request(.post, "/api/v1/threads/\(threadID)/accept", json: ["replyId": answer], token: cast.classmate.accessToken).status == .forbidden)
            let accepted = try await app.request(.post, "/api/v1/threads/\(threadID)/accept", json: ["replyId": answer], token: cast.student.accessToken)
            #expect(accepted.thread["acceptedReplyId"] as? String == answer)
            #expect(accepted.replies.first?["accepted"] as? Bool == true)
            requested = try await app.requestedNotifications()
            #expect(requested.map(\.kind) == [.answered, .answered])
            #expect(requested.last?.recipientIDs == [cast.classmate.id])

            _ = try await app.request(.post, "/api/v1/threads/\(threadID)/lock", json: ["locked": true], token: cast.owner.accessToken)
            let refused = try await app.request(.post, "/api/v1/threads/\(threadID)/replies", json: ["body": "More"], token: cast.classmate.accessToken)
            #expect(refused.status == .conflict)
            #expect(try await app.requestedNotifications().count == 2)
        }
    }

    @Test("mentions resolve display names with spaces, are stored and notify once, anonymously when the author is anonymous", arguments: TestEngine.available)
    func mentions(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            app.recordNotificationRequests()
            let cast = try await app.forumCast(classmateName: "Ada Lovelace")
            _ = try await app.request(.patch, "/api/v1/boards/\(cast.boardID)", json: ["allowAnonymous": true], token: cast.owner.accessToken)
            let threadID = try await app.startThread(
                on: cast.boardID, as: cast.student, body: "Thanks @Ada Lovelace, and @Nobody Here.", extra: ["anonymous": true, "kind": "discussion"]
            )
            let requested = try await app.requestedNotifications()
            #expect(requested.map(\.kind) == [.mention])
            #expect(requested.first?.recipientIDs == [cast.classmate.id])
            #expect(requested.first?.title.hasPrefix("Anonymous") == true)
            #expect(requested.first?.actorID == nil)
            let stored = try await app.services.database.read { sql in
                try await sql.select().column("user_id").from("community_mentions").where("post_id", .equal, threadID).all()
            }
            #expect(stored.count == 1)
        }
    }

    @Test("blocked words reject posts with 422 as whole words in any case, and nothing is written or requested", arguments: TestEngine.available)
    func blockedWords(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            app.recordNotificationRequests()
            let cast = try await app.forumCast()
            #expect(try await app.request(.put, "/api/v1/moderation/blocked-words", json: ["words": ["darn"]], token: cast.owner.accessToken).status == .forbidden)
            let saved = try await app.request(.put, "/api/v1/moderation/blocked-words", json: ["words": [" Darn ", "heck"]], token: cast.admin.accessToken)
            #expect(saved.json["words"] as? [String] == ["darn", "heck"])
            #expect(try await app.request(.get, "/api/v1/moderation/blocked-words", token: cast.admin.accessToken).json["words"] as? [String] == ["darn", "heck"])

            for fields: [String: any Sendable] in [["title": "DARN it", "body": "B"], ["title": "T", "body": "oh heck."], ["title": "T", "body": "B", "tags": ["heck"]]] {
                let refused = try await app.request(.post, "/api/v1/boards/\(cast.boardID)/threads", json: fields, token: cast.student.accessToken)
                #expect(refused.status == .unprocessableContent)
                #expect(refused.errorCode == "content_blocked")
            }
            let threadID = try await app.startThread(on: cast.boardID, as: cast.student, title: "Darnell's question", body: "Checking in.")
            let reply = try await app.request(.post, "/api/v1/threads/\(threadID)/replies", json: ["body": "What the heck"], token: cast.classmate.accessToken)
            #expect(reply.errorCode == "content_blocked")
            let thread = try await app.request(.get, "/api/v1/threads/\(threadID)", token: cast.student.accessToken)
            #expect(thread.replies.isEmpty)
            #expect(thread.thread["replyCount"] as? Int == 0)
            #expect(try await app.requestedNotifications().isEmpty)
        }
    }

    @Test("reports reach the board's staff; suspension stops posting, voting and reporting but not reading", arguments: TestEngine.available)
    func reportsAndSuspension(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            app.recordNotificationRequests()
            let cast = try await app.forumCast()
            let threadID = try await app.startThread(on: cast.boardID, as: cast.student)
            let replyID = try await app.replyTo(threadID, as: cast.classmate, body: "Rude words")
            let filed = try await app.request(.post, "/api/v1/replies/\(replyID)/report", json: ["reason": "Rude"], token: cast.student.accessToken)
            #expect(filed.status == .created)
            #expect(try await app.request(.post, "/api/v1/replies/\(replyID)/report", json: ["reason": "Again"], token: cast.student.accessToken).status == .conflict)
            let second = try await app.request(.post, "/api/v1/threads/\(threadID)/report", json: ["reason": "Spam"], token: cast.classmate.accessToken)
            #expect(second.status == .created)

            #expect(try await app.request(.get, "/api/v1/moderation/reports", token: cast.student.accessToken).items.isEmpty)
            let queue = try await app.request(.get, "/api/v1/moderation/reports", token: cast.owner.accessToken)
            #expect(queue.items.count == 2)
            #expect(try await app.request(.get, "/api/v1/moderation/reports", token: cast.admin.accessToken).items.count == 2)
            let reportID = try #require((filed.json["report"] as? [String: Any])?["id"] as? String)
            let secondID = try #require((second.json["report"] as? [String: Any])?["id"] as? String)

            #expect(try await app.request(.post, "/api/v1/moderation/reports/\(reportID)", json: ["action": "suspend"], token: cast.student.accessToken).status == .notFound)
            let resolved = try await app.request(.post, "/api/v1/moderation/reports/\(reportID)", json: ["action": "suspend"], token: cast.owner.accessToken)
            #expect((resolved.json["report"] as? [String: Any])?["status"] as? String == "suspended")
            #expect(try await app.request(.post, "/api/v1/moderation/reports/\(reportID)", json: ["action": "dismiss"], token: cast.owner.accessToken).errorCode == "report_resolved")
            #expect(try await app.request(.post, "/api/v1/moderation/reports/\(secondID)", json: ["action": "dismiss"], token: cast.admin.accessToken).status == .ok)
            #expect(try await app.requestedNotifications().filter { $0.kind == .report }.map(\.recipientIDs) == [[cast.student.id], [cast.classmate.id]])

            let token = cast.classmate.accessToken
            #expect(try await app.request(.get, "/api/v1/threads/\(threadID)", token: token).status == .ok)
            for (path, body) in [
                ("/api/v1/threads/\(threadID)/replies", ["body": "Again"]), ("/api/v1/boards/\(cast.boardID)/threads", ["title": "T", "body": "B"]),
                ("/api/v1/threads/\(threadID)/vote", ["value": 1]), ("/api/v1/threads/\(threadID)/report", ["reason": "Because"]),
            ] as [(String, [String: any Sendable])] {
                let refused = try await app.request(.post, path, json: body, token: token)
                #expect(refused.status == .forbidden, "\(path)")
                #expect(refused.errorCode == "suspended", "\(path)")
            }
            let third = try await app.request(.post, "/api/v1/threads/\(threadID)/report", json: ["reason": "Off topic"], token: cast.student.accessToken)
            let thirdID = try #require((third.json["report"] as? [String: Any])?["id"] as? String)
            #expect(try await app.request(.post, "/api/v1/moderation/reports/\(thirdID)", json: ["action": "remove"], token: cast.owner.accessToken).status == .ok)
            #expect(try await app.request(.get, "/api/v1/threads/\(threadID)", token: cast.student.accessToken).thread["removed"] as? Bool == true)
        }
    }

    @Test("staff move threads between site boards; moves across kinds are 422 invalid_move", arguments: TestEngine.available)
    func move(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let cast = try await app.forumCast()
            let lounge = try await app.request(.post, "/api/v1/boards", json: ["title": "Lounge"], token: cast.admin.accessToken)
            let help = try await app.request(.post, "/api/v1/boards", json: ["title": "Help"], token: cast.admin.accessToken)
            #expect(try await app.request(.post, "/api/v1/boards", json: ["title": "Mine"], token: cast.owner.accessToken).status == .forbidden)
            let loungeID = try #require((lounge.json["board"] as? [String: Any])?["id"] as? String)
            let helpID = try #require((help.json["board"] as? [String: Any])?["id"] as? String)
            let threadID = try await app.startThread(on: loungeID, as: cast.student)
            #expect(try await app.request(.post, "/api/v1/threads/\(threadID)/move", json: ["boardId": helpID], token: cast.student.accessToken).status == .forbidden)
            let moved = try await app.request(.post, "/api/v1/threads/\(threadID)/move", json: ["boardId": helpID], token: cast.admin.accessToken)
            #expect(moved.thread["boardId"] as? String == helpID)
            let across = try await app.request(.post, "/api/v1/threads/\(threadID)/move", json: ["boardId": cast.boardID], token: cast.admin.accessToken)
            #expect(across.errorCode == "invalid_move")
            let boards = try await app.request(.get, "/api/v1/boards", token: cast.student.accessToken)
            #expect(Set(boards.items.compactMap { $0["id"] as? String }) == [loungeID, helpID, cast.boardID])
        }
    }

    @Test("a study group's feed is made on first use, open to members only, and takes posts without a title", arguments: TestEngine.available)
    func groupFeed(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let owner = try await app.register(name: "Group Owner")
            let member = try await app.register(name: "Group Member")
            let stranger = try await app.register()
            let groupID = UUID().uuidString.lowercased()
            let now = Date()
            try await app.execute(
                """
                INSERT INTO community_groups (id, name, description, visibility, member_limit, member_count, owner_id, created_at)
                VALUES (\(bind: groupID), 'Night owls', '', 'open', 10, 2, \(bind: owner.id), \(bind: now))
                """
            )
            for (user, role) in [(owner, "owner"), (member, "member")] {
                try await app.execute(
                    "INSERT INTO community_group_members (group_id, user_id, role, joined_at) VALUES (\(bind: groupID), \(bind: user.id), \(bind: role), \(bind: now))"
                )
            }
            async let first = app.request(.get, "/api/v1/groups/\(groupID)/posts", token: member.accessToken)
            async let second = app.request(.get, "/api/v1/groups/\(groupID)/posts", token: owner.accessToken)
            let (a, b) = try await (first, second)
            #expect((a.json["board"] as? [String: Any])?["id"] as? String == (b.json["board"] as? [String: Any])?["id"] as? String)
            #expect((b.json["board"] as? [String: Any])?["role"] as? String == "staff")
            #expect(try await app.request(.get, "/api/v1/groups/\(groupID)/posts", token: stranger.accessToken).status == .notFound)
            #expect(try await app.request(.get, "/api/v1/groups/nope/posts", token: member.accessToken).status == .notFound)

            let posted = try await app.request(.post, "/api/v1/groups/\(groupID)/posts", json: ["body": "Meet at 9?\nBring notes."], token: member.accessToken)
            #expect(posted.status == .created)
            #expect(posted.thread["title"] as? String == "Meet at 9?")
            let threadID = try #require(posted.thread["id"] as? String)
            #expect(try await app.request(.get, "/api/v1/threads/\(threadID)", token: stranger.accessToken).status == .notFound)
            #expect(try await app.request(.delete, "/api/v1/threads/\(threadID)", token: owner.accessToken).status == .noContent)
        }
    }
}
