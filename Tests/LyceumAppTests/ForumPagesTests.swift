import Foundation
import HTTPTypes
import LyceumTestSupport
import Testing

@Suite("Forums: pages")
struct ForumPagesTests {
    @Test("a question is asked, answered, voted on and accepted through the pages", arguments: TestEngine.available)
    func questionJourney(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let cast = try await app.forumCast()
            #expect(try await Browser(app).get("/boards/\(cast.boardID)").status == .seeOther)
            let asker = Browser(app)
            try await CoursePagesTests.signIn(asker, cast.student)
            #expect(try await asker.get("/courses/\(cast.course.slug)").text.contains("href=\"/courses/\(cast.course.slug)/board\""))
            let outsider = Browser(app)
            try await CoursePagesTests.signIn(outsider, cast.outsider)
            #expect(!(try await outsider.get("/courses/\(cast.course.slug)").text.contains("/board\"")))
            let redirect = try await asker.get("/courses/\(cast.course.slug)/board")
            #expect(redirect.headers[.location] == "/boards/\(cast.boardID)")
            let form = try await asker.get("/boards/\(cast.boardID)/new")
            #expect(form.text.contains("data-preview=\"thread-preview\""))
            let blank = try await asker.post("/boards/\(cast.boardID)/new", form: ["title": "", "body": "Text", "kind": "question"])
            #expect(blank.status == .unprocessableContent)
            #expect(blank.text.contains("role=\"alert\""))
            let created = try await asker.post(
                "/boards/\(cast.boardID)/new", form: ["title": "What is a limit?", "body": "<script>alert(1)</script> *why*", "kind": "question"]
            )
            #expect(created.status == .seeOther)
            let threadPath = try #require(created.headers[.location])
            let threadID = String(threadPath.dropFirst("/threads/".count))

            let answerer = Browser(app)
            try await CoursePagesTests.signIn(answerer, cast.classmate)
            let page = try await answerer.get(threadPath)
            #expect(page.text.contains("data-testid=\"reply-form\""))
            #expect(page.text.contains("<em>why</em>"))
            #expect(!page.text.contains("<script>alert"))
            #expect(try await answerer.post("\(threadPath)/replies", form: ["body": "The value it approaches."]).status == .seeOther)
            #expect(try await answerer.post("\(threadPath)/vote", form: ["value": "1"]).status == .seeOther)

            let seen = try await asker.get(threadPath)
            #expect(seen.text.contains("data-testid=\"thread-score\">1<"))
            let detail = try await app.request(.get, "/api/v1/threads/\(threadID)", token: cast.student.accessToken)
            let replyID = try #require(detail.replies.first?["id"] as? String)
            #expect(seen.text.contains("data-testid=\"accept-\(replyID)\""))
            #expect(!page.text.contains("data-testid=\"accept-"))
            #expect(try await asker.post("\(threadPath)/accept", form: ["replyId": replyID]).status == .seeOther)
            #expect(try await asker.get(threadPath).text.contains("data-testid=\"accepted-answer\""))
            let list = try await asker.get("/boards/\(cast.boardID)?sort=top")
            #expect(list.text.contains("What is a limit?"))
        }
    }

    @Test("staff see moderation tools, the queue and the blocked words; students do not", arguments: TestEngine.available)
    func moderationPages(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let cast = try await app.forumCast()
            let threadID = try await app.startThread(on: cast.boardID, as: cast.student)
            _ = try await app.request(.post, "/api/v1/threads/\(threadID)/report", json: ["reason": "Spam please"], token: cast.classmate.accessToken)
            let owner = Browser(app)
            try await CoursePagesTests.signIn(owner, cast.owner)
            #expect(try await owner.get("/threads/\(threadID)").text.contains("Staff tools"))
            let queue = try await owner.get("/moderation")
            #expect(queue.text.contains("Spam please"))
            #expect(try await owner.get("/moderation/blocked-words").status == .forbidden)
            let student = Browser(app)
            try await CoursePagesTests.signIn(student, cast.student)
            #expect(!(try await student.get("/threads/\(threadID)").text.contains("Staff tools")))
            #expect(!(try await student.get("/moderation").text.contains("Spam please")))
            let admin = Browser(app)
            try await CoursePagesTests.signIn(admin, cast.admin)
            let saved = try await admin.post("/moderation/blocked-words", form: ["words": "darn\nheck"])
            #expect(saved.text.contains("darn\nheck"))

            // Staff move a thread between site boards from its page.
            var siteBoards: [String] = []
            for title in ["General", "Off topic"] {
                let created = try await app.request(.post, "/api/v1/boards", json: ["title": title], token: cast.admin.accessToken)
                siteBoards.append(try #require((created.json["board"] as? [String: Any])?["id"] as? String))
            }
            let siteThread = try await app.startThread(on: siteBoards[0], as: cast.student)
            let page = try await admin.get("/threads/\(siteThread)").text
            #expect(page.contains("<option value=\"\(siteBoards[1])\">Off topic</option>"), "the move form offers the other site board")
            #expect(!(try await student.get("/threads/\(siteThread)").text.contains("name=\"boardId\"")))
            _ = try await admin.post("/threads/\(siteThread)/move", form: ["boardId": siteBoards[1]])
            let moved = try await app.request(.get, "/api/v1/threads/\(siteThread)", token: cast.student.accessToken)
            #expect((moved.json["thread"] as? [String: Any])?["boardId"] as? String == siteBoards[1])
        }
    }

    @Test("admins create a site board from the board list; a blank title shows the form again; students neither see nor use it", arguments: TestEngine.available)
    func newBoardForm(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let cast = try await app.forumCast()
            let student = Browser(app)
            try await CoursePagesTests.signIn(student, cast.student)
            #expect(!(try await student.get("/boards").text.contains("data-testid=\"new-board-form\"")))
            #expect(try await student.post("/boards", form: ["title": "Mine"]).status == .forbidden)

            let admin = Browser(app)
            try await CoursePagesTests.signIn(admin, cast.admin)
            #expect(try await admin.get("/boards").text.contains("data-testid=\"new-board-form\""))
            let blank = try await admin.post("/boards", form: ["title": "  ", "description": "Kept <text>", "allowAnonymous": "true"])
            #expect(blank.status == .unprocessableContent)
            #expect(blank.text.contains("role=\"alert\""))
            #expect(blank.text.contains(">Kept &lt;text&gt;</textarea>"))
            #expect(blank.text.contains("value=\"true\" checked"))

            let created = try await admin.post("/boards", form: ["title": "Study hall", "description": "Anything goes.", "allowAnonymous": "true"])
            #expect(created.status == .seeOther)
            let location = try #require(created.headers[.location])
            #expect(location.hasPrefix("/boards/"))
            let boardID = String(location.dropFirst("/boards/".count))
            let board = try await app.request(.get, "/api/v1/boards/\(boardID)", token: cast.student.accessToken)
            let fields = try #require(board.json["board"] as? [String: Any])
            #expect(fields["title"] as? String == "Study hall")
            #expect(fields["kind"] as? String == "site")
            #expect(fields["allowAnonymous"] as? Bool == true)
            #expect(try await admin.get(location).text.contains("Study hall"))
        }
    }
}
