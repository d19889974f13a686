import Foundation
import HTTPTypes
import LyceumPlatform
import LyceumTestSupport
import Testing

@Suite("Forums: boards, threads and replies")
struct ForumThreadsTests {
    @Test("students and staff use the course board; outsiders, visitors and drafts are kept out", arguments: TestEngine.available)
    func courseBoardAccess(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let cast = try await app.forumCast()
            let threadID = try await app.startThread(
                on: cast.boardID, as: cast.student, extra: ["tags": ["Calculus", "limits"], "lessonId": cast.course.lessonIDs[0]]
            )
            let listed = try await app.request(.get, "/api/v1/boards/\(cast.boardID)/threads", token: cast.classmate.accessToken)
            #expect(listed.status == .ok)
            #expect(listed.items.map { $0["id"] as? String } == [threadID])
            #expect(listed.items.first?["tags"] as? [String] == ["calculus", "limits"])
            #expect((listed.json["board"] as? [String: Any])?["role"] as? String == "member")

            let outsider = try await app.request(.get, "/api/v1/boards/\(cast.boardID)/threads", token: cast.outsider.accessToken)
            #expect(outsider.status == .forbidden)
            #expect(outsider.errorCode == "not_enrolled")
            #expect(try await app.request(.get, "/api/v1/threads/\(threadID)", token: cast.outsider.accessToken).errorCode == "not_enrolled")
            #expect(try await app.request(.get, "/api/v1/boards/\(cast.boardID)").status == .unauthorized)
            let staff = try await app.request(.get, "/api/v1/boards/\(cast.boardID)", token: cast.admin.accessToken)
            #expect((staff.json["board"] as? [String: Any])?["role"] as? String == "staff")

            let fresh = try await app.buildCourse(owner: cast.owner, modules: 1, lessonsPerModule: 1)
            let boardIDs = try await withThrowingTaskGroup(of: String?.self) { group in
                for _ in 0..<6 {
                    group.addTask {
                        let reply = try await app.request(.get, "/api/v1/courses/\(fresh.slug)/board", token: cast.owner.accessToken)
                        return (reply.json["board"] as? [String: Any])?["id"] as? String
                    }
                }
                return try await group.reduce(into: Set<String?>()) { $0.insert($1) }
            }
            #expect(boardIDs.count == 1 && boardIDs.first! != nil, "concurrent first uses make one board")

            let draft = try await app.buildCourse(owner: cast.owner, modules: 1, lessonsPerModule: 1, publish: false)
            #expect(try await app.request(.get, "/api/v1/courses/\(draft.id)/board", token: cast.outsider.accessToken).status == .notFound)

            let badLesson = try await app.request(
                .post, "/api/v1/boards/\(cast.boardID)/threads", json: ["title": "T", "body": "B", "lessonId": draft.lessonIDs[0]],
                token: cast.student.accessToken
            )
            #expect(badLesson.status == .unprocessableContent)
            #expect(badLesson.errorFields["lessonId"] != nil)
            let noTitle = try await app.request(.post, "/api/v1/boards/\(cast.boardID)/threads", json: ["body": "B"], token: cast.student.accessToken)
            #expect(noTitle.errorFields["title"] != nil)
        }
    }

    @Test("listing sorts, filters by tag, searches with LIKE wildcards taken literally, pins first and pages", arguments: TestEngine.available)
    func listing(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let cast = try await app.forumCast()
            let first = try await app.startThread(on: cast.boardID, as: cast.student, title: "Integrals at 100% speed", extra: ["tags": ["integrals"]])
            let second = try await app.startThread(on: cast.boardID, as: cast.classmate, title: "Series_and sequences", extra: ["tags": ["series"]])
            let third = try await app.startThread(on: cast.boardID, as: cast.student, title: "Plain question")
            _ = try await app.replyTo(second, as: cast.student)
            _ = try await app.request(.post, "/api/v1/threads/\(first)/vote", json: ["value": 1], token: cast.classmate.accessToken)

            func ids(_ query: String) async throws -> [String] {
                try await app.request(.get, "/api/v1/boards/\(cast.boardID)/threads?\(query)", token: cast.student.accessToken).items
                    .compactMap { $0["id"] as? String }
            }
            #expect(try await ids("sort=newest") == [third, second, first])
            #expect(try await ids("sort=top").first == first)
            #expect(try await ids("sort=active").first == second)
            #expect(try await ids("sort=unanswered") == [third, first])
            #expect(try await ids("tag=series") == [second])
            #expect(try await ids("q=100%25") == [first])
            #expect(try await ids("q=seri_s") == [])
            #expect(try await ids("q=series_and") == [second])
            #expect(try await app.request(.get, "/api/v1/boards/\(cast.boardID)/threads?sort=random", token: cast.student.accessToken).status == .badRequest)
            #expect(try await app.request(.get, "/api/v1/boards/\(cast.boardID)/threads?cursor=nope", token: cast.student.accessToken).errorCode == "invalid_cursor")

            let pinned = try await app.request(.post, "/api/v1/threads/\(first)/pin", json: ["pinned": true], token: cast.owner.accessToken)
            #expect(pinned.thread["pinned"] as? Bool == true)
            #expect(try await app.request(.post, "/api/v1/threads/\(first)/pin", json: ["pinned": true], token: cast.student.accessToken).status == .forbidden)
            #expect(try await ids("sort=newest") == [first, third, second])

            let page = try await app.request(.get, "/api/v1/boards/\(cast.boardID)/threads?limit=2", token: cast.student.accessToken)
            let cursor = try #require(page.json["nextCursor"] as? String)
            #expect(try await ids("limit=2&cursor=\(cursor)") == [second])
        }
    }

    @Test("anonymous posts show Anonymous to peers and the author to staff and admins", arguments: TestEngine.available)
    func anonymity(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let cast = try await app.forumCast()
            let refused = try await app.request(
                .post, "/api/v1/boards/\(cast.boardID)/threads", json: ["title": "T", "body": "B", "anonymous": true], token: cast.student.accessToken
            )
            #expect(refused.errorFields["anonymous"] != nil)
            let changed = try await app.request(.patch, "/api/v1/boards/\(cast.boardID)", json: ["allowAnonymous": true], token: cast.owner.accessToken)
            #expect((changed.json["board"] as? [String: Any])?["allowAnonymous"] as? Bool == true)
            #expect(try await app.request(.patch, "/api/v1/boards/\(cast.boardID)", json: ["allowAnonymous": false], token: cast.student.accessToken).status == .forbidden)

            let threadID = try await app.startThread(on: cast.boardID, as: cast.student, extra: ["anonymous": true])
            _ = try await app.replyTo(threadID, as: cast.student, extra: ["anonymous": true])
            let peer = try await app.request(.get, "/api/v1/threads/\(threadID)", token: cast.classmate.accessToken)
            let peerAuthor = try #require(peer.thread["author"] as? [String: Any])
            #expect(peerAuthor["displayName"] as? String == "Anonymous")
            #expect(peerAuthor["id"] == nil)
            #expect((peer.replies.first?["author"] as? [String: Any])?["displayName"] as? String == "Anonymous")
            #expect(!peer.text.contains(cast.student.id))
            for viewer in [cast.owner, cast.admin, cast.student] {
                let seen = try await app.request(.get, "/api/v1/threads/\(threadID)", token: viewer.accessToken)
                #expect((seen.thread["author"] as? [String: Any])?["id"] as? String == cast.student.id)
            }
        }
    }

    @Test("replies nest one level, locked threads refuse replies with 409, deleted posts show as removed", arguments: TestEngine.available)
    func repliesLockAndDelete(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let cast = try await app.forumCast()
            let threadID = try await app.startThread(on: cast.boardID, as: cast.student)
            let top = try await app.replyTo(threadID, as: cast.classmate)
            let nested = try await app.replyTo(threadID, as: cast.student, extra: ["parentId": top])
            let deeper = try await app.replyTo(threadID, as: cast.classmate, extra: ["parentId": nested])
            let thread = try await app.request(.get, "/api/v1/threads/\(threadID)", token: cast.student.accessToken)
            #expect(thread.replies.map { $0["parentId"] as? String } == [nil, top, top])
            #expect(thread.thread["replyCount"] as? Int == 3)
            #expect(try await app.request(.patch, "/api/v1/threads/\(top)", json: ["body": "X"], token: cast.classmate.accessToken).status == .notFound)
            #expect(try await app.request(.post, "/api/v1/replies/\(threadID)/vote", json: ["value": 1], token: cast.classmate.accessToken).status == .notFound)

            #expect(try await app.request(.post, "/api/v1/threads/\(threadID)/lock", json: ["locked": true], token: cast.classmate.accessToken).status == .forbidden)
            #expect(try await app.request(.post, "/api/v1/threads/\(threadID)/lock", json: ["locked": true], token: cast.owner.accessToken).status == .ok)
            let locked = try await app.request(.post, "/api/v1/threads/\(threadID)/replies", json: ["body": "Late"], token: cast.student.accessToken)
            #expect(locked.status == .conflict)
            #expect(locked.errorCode == "thread_locked")

            #expect(try await app.request(.delete, "/api/v1/replies/\(top)", token: cast.student.accessToken).status == .forbidden)
            #expect(try await app.request(.delete, "/api/v1/replies/\(deeper)", token: cast.classmate.accessToken).status == .noContent)
            #expect(try await app.request(.delete, "/api/v1/replies/\(top)", token: cast.owner.accessToken).status == .noContent)
            let after = try await app.request(.get, "/api/v1/threads/\(threadID)", token: cast.student.accessToken)
            let removed = after.replies.filter { $0["removed"] as? Bool == true }
            #expect(removed.count == 2)
            #expect(removed.allSatisfy { $0["body"] == nil && $0["bodyHtml"] as? String == "" })
            #expect(try await app.request(.delete, "/api/v1/threads/\(threadID)", token: cast.student.accessToken).status == .noContent)
            let list = try await app.request(.get, "/api/v1/boards/\(cast.boardID)/threads", token: cast.student.accessToken)
            #expect(list.items.isEmpty)
        }
    }

    @Test("authors edit within 30 minutes, staff read the history, later edits are 403 edit_window_closed", arguments: TestEngine.available)
    func editWindow(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let cast = try await app.forumCast()
            let threadID = try await app.startThread(on: cast.boardID, as: cast.student, title: "First title", body: "First body")
            #expect(try await app.request(.patch, "/api/v1/threads/\(threadID)", json: ["body": "Hijack"], token: cast.classmate.accessToken).status == .forbidden)
            let edited = try await app.request(.patch, "/api/v1/threads/\(threadID)", json: ["title": "Second title"], token: cast.student.accessToken)
            #expect(edited.status == .ok)
            #expect(edited.thread["title"] as? String == "Second title")
            #expect(edited.thread["editedAt"] is String)
            let history = try await app.request(.get, "/api/v1/threads/\(threadID)/history", token: cast.owner.accessToken)
            #expect(history.items.map { $0["title"] as? String } == ["First title"])
            #expect(try await app.request(.get, "/api/v1/threads/\(threadID)/history", token: cast.student.accessToken).status == .forbidden)

            app.clock.advance(by: 31 * 60)
            let student = try await app.login(cast.student.email, password: cast.student.password)
            let late = try await app.request(.patch, "/api/v1/threads/\(threadID)", json: ["body": "Too late"], token: student.accessToken)
            #expect(late.status == .forbidden)
            #expect(late.errorCode == "edit_window_closed")
            let thread = try await app.request(.get, "/api/v1/threads/\(threadID)", token: student.accessToken)
            #expect(thread.thread["body"] as? String == "First body")
            #expect(thread.thread["canEdit"] as? Bool == false)
        }
    }

    @Test("hostile Markdown is rendered without scripts, javascript: links or raw HTML", arguments: TestEngine.available)
    func hostileMarkdown(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let cast = try await app.forumCast()
            let hostile = "<script>alert(1)</script> [click](javascript:alert(2)) <img src=x onerror=alert(3)> **bold**"
            let threadID = try await app.startThread(on: cast.boardID, as: cast.student, body: hostile)
            _ = try await app.replyTo(threadID, as: cast.classmate, body: hostile)
            let thread = try await app.request(.get, "/api/v1/threads/\(threadID)", token: cast.student.accessToken)
            for html in [thread.thread["bodyHtml"] as? String, thread.replies.first?["bodyHtml"] as? String] {
                let html = try #require(html)
                #expect(html.contains("<strong>bold</strong>"))
                #expect(!html.contains("<script"))
                #expect(!html.contains("javascript:"))
                #expect(!html.contains("<img"))
            }
        }
    }
}
