import Foundation
import HTTPTypes
import LyceumContracts
import LyceumTestSupport
import Testing

/// A refused forum form shows its page again (422) with the reason next to the form and what was typed in it.
@Suite("Forums: refused forms keep what was typed")
struct ForumFormErrorTests {
    static let blocked = "The post contains words this site does not allow."

    @Test("a refused reply shows the thread again with the typed reply, in the main form or under the reply it answers", arguments: TestEngine.available)
    func reply(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let cast = try await app.forumCast()
            try await app.blockWords(["darn"], admin: cast.admin)
            let threadID = try await app.startThread(on: cast.boardID, as: cast.student)
            let replyID = try await app.replyTo(threadID, as: cast.classmate)
            let browser = Browser(app)
            try await CoursePagesTests.signIn(browser, cast.student)
            let path = "/threads/\(threadID)/replies"

            let empty = try await browser.post(path, form: ["body": "  "])
            #expect(empty.status == .unprocessableContent)
            #expect(empty.text.contains("role=\"alert\" id=\"reply-body-error\">The text must be 1 to 20000 characters.</p>"))
            #expect(empty.text.contains("aria-invalid=\"true\" aria-describedby=\"reply-body-error\">  </textarea>"))

            let blocked = try await browser.post(path, form: ["body": "Kept <reply> \"darn\" text"])
            #expect(blocked.status == .unprocessableContent)
            #expect(blocked.text.contains(Self.blocked))
            #expect(blocked.text.contains("aria-describedby=\"reply-body-error\">Kept &lt;reply&gt; &quot;darn&quot; text</textarea>"))
            #expect(blocked.text.contains("name=\"_csrf\""))

            let anonymous = try await browser.post(path, form: ["body": "Kept anonymous text", "anonymous": "true"])
            #expect(anonymous.status == .unprocessableContent)
            #expect(anonymous.text.contains("This board does not allow anonymous posts."))
            #expect(anonymous.text.contains(">Kept anonymous text</textarea>"))

            let nested = try await browser.post(path, form: ["body": "Kept darn answer", "parentId": replyID])
            #expect(nested.status == .unprocessableContent)
            #expect(nested.text.contains("<details open><summary>Reply to"))
            #expect(nested.text.contains("id=\"reply-to-\(replyID)-error\">\(Self.blocked)</p>"))
            #expect(nested.text.contains("aria-describedby=\"reply-to-\(replyID)-error\">Kept darn answer</textarea>"))
            #expect(!nested.text.contains("reply-body-error"), "the main reply form stays blank")

            #expect(try await browser.post(path, form: ["body": "A fine answer", "parentId": replyID]).status == .seeOther)
        }
    }

    @Test("a refused edit shows the edit page again with the typed title, text and tags", arguments: TestEngine.available)
    func edit(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let cast = try await app.forumCast()
            try await app.blockWords(["darn"], admin: cast.admin)
            let threadID = try await app.startThread(on: cast.boardID, as: cast.student)
            let replyID = try await app.replyTo(threadID, as: cast.student)
            let browser = Browser(app)
            try await CoursePagesTests.signIn(browser, cast.student)
            let path = "/threads/\(threadID)/edit"

            let untitled = try await browser.post(path, form: ["title": " ", "body": "Kept <body>", "tags": "kept-tag"])
            #expect(untitled.status == .unprocessableContent)
            #expect(untitled.text.contains("role=\"alert\" id=\"edit-error\">A title is required.</p>"))
            #expect(untitled.text.contains("value=\" \" aria-invalid=\"true\" aria-describedby=\"edit-error\">"))
            #expect(untitled.text.contains(">Kept &lt;body&gt;</textarea>"))
            #expect(untitled.text.contains("value=\"kept-tag\" maxlength=\"200\">"))

            let tagged = try await browser.post(path, form: ["title": "Kept title", "body": "Kept body", "tags": "bad tag!"])
            #expect(tagged.status == .unprocessableContent)
            #expect(tagged.text.contains("value=\"bad tag!\" maxlength=\"200\" aria-invalid=\"true\""))
            #expect(tagged.text.contains("value=\"Kept title\">"))

            let blocked = try await browser.post("/replies/\(replyID)/edit", form: ["body": "Kept \"darn\" reply"])
            #expect(blocked.status == .unprocessableContent)
            #expect(blocked.text.contains(Self.blocked))
            #expect(blocked.text.contains("aria-describedby=\"edit-error\">Kept &quot;darn&quot; reply</textarea>"))
            #expect(!blocked.text.contains("id=\"edit-title\""), "a reply has no title")
            #expect(blocked.text.contains("name=\"_csrf\""))

            let saved = try await browser.post(path, form: ["title": "Edited title", "body": "Edited body", "tags": "limits, calculus"])
            #expect(saved.status == .seeOther)
            let detail = try await app.request(.get, "/api/v1/threads/\(threadID)", token: cast.student.accessToken)
            #expect(detail.thread["tags"] as? [String] == ["limits", "calculus"])
        }
    }

    @Test("a report without a reason shows the thread again with the error and the typed reason at that report form", arguments: TestEngine.available)
    func report(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let cast = try await app.forumCast()
            let threadID = try await app.startThread(on: cast.boardID, as: cast.student)
            let replyID = try await app.replyTo(threadID, as: cast.student)
            let browser = Browser(app)
            try await CoursePagesTests.signIn(browser, cast.classmate)

            let long = String(repeating: "Kept <why> ", count: 50)
            let thread = try await browser.post("/threads/\(threadID)/report", form: ["reason": long])
            #expect(thread.status == .unprocessableContent)
            #expect(thread.text.contains("<details class=\"card\" open><summary>Report this thread</summary>"))
            #expect(thread.text.contains("id=\"report-thread-error\">Say why in 1 to 500 characters.</p>"))
            let escaped = long.replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
            #expect(thread.text.contains("value=\"\(escaped)\" aria-invalid=\"true\" aria-describedby=\"report-thread-error\">"))

            let reply = try await browser.post("/replies/\(replyID)/report", form: ["reason": "   "])
            #expect(reply.status == .unprocessableContent)
            #expect(reply.text.contains("id=\"report-\(replyID)-error\">Say why in 1 to 500 characters.</p>"))
            #expect(reply.text.contains("value=\"   \" aria-invalid=\"true\" aria-describedby=\"report-\(replyID)-error\">"))
            #expect(!reply.text.contains("report-thread-error"))

            #expect(try await browser.post("/replies/\(replyID)/report", form: ["reason": "Off topic"]).status == .seeOther)
        }
    }

    @Test("a refused group feed post shows the feed again with the typed title and text", arguments: TestEngine.available)
    func groupPost(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let owner = try await app.register(name: "Group Owner")
            let member = try await app.register(name: "Group Member")
            let admin = try await app.account(role: .admin)
            try await app.blockWords(["darn"], admin: admin)
            let groupID = try await app.studyGroup(owner: owner, members: [member])
            let browser = Browser(app)
            try await CoursePagesTests.signIn(browser, member)
            let path = "/groups/\(groupID)/posts"

            let empty = try await browser.post(path, form: ["title": "Kept \"title\"", "body": ""])
            #expect(empty.status == .unprocessableContent)
            #expect(empty.text.contains("role=\"alert\" id=\"feed-error\">The text must be 1 to 20000 characters.</p>"))
            #expect(empty.text.contains("value=\"Kept &quot;title&quot;\">"))

            let blocked = try await browser.post(path, form: ["title": "Meeting", "body": "Kept <darn> notes"])
            #expect(blocked.status == .unprocessableContent)
            #expect(blocked.text.contains(Self.blocked))
            #expect(blocked.text.contains("aria-describedby=\"feed-error\">Kept &lt;darn&gt; notes</textarea>"))
            #expect(blocked.text.contains("name=\"_csrf\""))

            #expect(try await browser.post(path, form: ["title": "", "body": "Meet at 9?"]).status == .seeOther)
        }
    }
}
