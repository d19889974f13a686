@testable import Community
import Foundation
import HTTPTypes
import LyceumApp
import LyceumTestSupport
import Testing

@Suite("Forum attachments: files on threads and replies, who reads them, deleted uploads")
struct ForumAttachmentTests {
    @Test("a thread and a reply carry the author's own ready attachments; anyone else's, another purpose or more than 5 is 422 with nothing written", arguments: TestEngine.available)
    func attachOnCreate(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let cast = try await app.forumCast()
            let token = cast.student.accessToken
            let pdf = try await app.uploadID(UploadSamples.pdf(size: 3_000), filename: "notes.pdf", token: token)
            let png = try await app.uploadID(UploadSamples.png(), filename: "moon.png", token: token)
            let theirs = try await app.uploadID(UploadSamples.pdf(), filename: "theirs.pdf", token: cast.classmate.accessToken)
            let avatar = try await app.uploadID(UploadSamples.png(), purpose: "avatar", filename: "me.png", token: token)
            var six: [String] = []
            for index in 0..<6 { six.append(try await app.uploadID(UploadSamples.pdf(), filename: "part\(index).pdf", token: token)) }

            for ids in [[theirs], [avatar], six, ["not-an-upload"], [pdf, theirs]] {
                let refused = try await app.request(
                    .post, "/api/v1/boards/\(cast.boardID)/threads", json: ["title": "Files", "body": "See these.", "attachmentIds": ids], token: token
                )
                #expect(refused.status == .unprocessableContent, "\(ids): \(refused.text)")
                #expect(refused.errorFields["attachmentIds"] != nil)
            }
            #expect(try await app.rowCount("community_posts") == 0)
            #expect(try await app.rowCount("community_post_attachments") == 0)

            let threadID = try await app.startThread(on: cast.boardID, as: cast.student, extra: ["attachmentIds": [pdf, png, pdf]])
            let refusedReply = try await app.request(
                .post, "/api/v1/threads/\(threadID)/replies", json: ["body": "Mine too", "attachmentIds": [theirs]], token: cast.student.accessToken
            )
            #expect(refusedReply.status == .unprocessableContent)
            #expect(refusedReply.errorFields["attachmentIds"] != nil)
            let replyID = try await app.replyTo(threadID, as: cast.classmate, extra: ["attachmentIds": [theirs]])

            let detail = try await app.request(.get, "/api/v1/threads/\(threadID)", token: cast.classmate.accessToken)
            #expect(detail.status == .ok)
            #expect(attachmentIDs(detail.thread) == [pdf, png], "in order, a repeated id once")
            let first = try #require((detail.thread["attachments"] as? [[String: Any]])?.first)
            #expect(first["filename"] as? String == "notes.pdf")
            #expect(first["size"] as? Int == 3_000)
            #expect(first["contentType"] as? String == "application/pdf")
            #expect(first["contentPath"] as? String == "/api/v1/uploads/\(pdf)/content")
            let replies = detail.json["replies"] as? [[String: Any]] ?? []
            #expect(replies.map { $0["id"] as? String } == [replyID])
            #expect(attachmentIDs(replies.first) == [theirs])
            #expect(try await app.rowCount("community_posts") == 2)
            #expect(try await app.rowCount("community_post_attachments") == 3)

            let list = try await app.request(.get, "/api/v1/boards/\(cast.boardID)/threads", token: token)
            #expect(attachmentIDs((list.json["items"] as? [[String: Any]])?.first) == [pdf, png])

            let edited = try await app.request(.patch, "/api/v1/threads/\(threadID)", json: ["attachmentIds": [png]], token: token)
            #expect(edited.status == .ok, "\(edited.text)")
            #expect(attachmentIDs(edited.json["thread"] as? [String: Any]) == [png])
            let badEdit = try await app.request(.patch, "/api/v1/threads/\(threadID)", json: ["attachmentIds": [png, theirs]], token: token)
            #expect(badEdit.status == .unprocessableContent)
            #expect(attachmentIDs(try await app.request(.get, "/api/v1/threads/\(threadID)", token: token).thread) == [png])
        }
    }

    @Test("course members read a thread's files, outsiders get 404; a removed post's files stop being readable", arguments: TestEngine.available)
    func reading(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let cast = try await app.forumCast()
            let pdf = try await app.uploadID(UploadSamples.pdf(), filename: "notes.pdf", token: cast.student.accessToken)
            let png = try await app.uploadID(UploadSamples.png(), filename: "graph.png", token: cast.classmate.accessToken)
            let loose = try await app.uploadID(UploadSamples.pdf(), filename: "unattached.pdf", token: cast.student.accessToken)
            let threadID = try await app.startThread(on: cast.boardID, as: cast.student, extra: ["attachmentIds": [pdf]])
            let replyID = try await app.replyTo(threadID, as: cast.classmate, extra: ["attachmentIds": [png]])

            #expect(try await app.contentStatus(pdf, as: cast.classmate) == 302)
            #expect(try await app.contentStatus(pdf, as: cast.owner) == 302)
            #expect(try await app.contentStatus(png, as: cast.student) == 302)
            #expect(try await app.contentStatus(pdf, as: cast.outsider) == 404)
            #expect(try await app.contentStatus(png, as: cast.outsider) == 404)
            #expect(try await app.contentStatus(loose, as: cast.classmate) == 404, "an upload on no post is its owner's alone")

            let classmate = try await Browser.signedIn(app, as: cast.classmate)
            let page = try await classmate.get("/threads/\(threadID)")
            #expect(page.text.contains("/threads/\(threadID)/attachments/\(pdf)"))
            #expect(page.text.contains("notes.pdf"))
            #expect(page.text.contains("<img class=\"thumb\" src=\"/threads/\(threadID)/attachments/\(png)\""))
            #expect(page.text.contains("data-upload-field=\"attachmentIds\""))
            let link = try await classmate.get("/threads/\(threadID)/attachments/\(pdf)")
            #expect(link.status == .seeOther)
            #expect(try await app.raw(.get, try TestApp.local(try #require(link.headers[.location]))).status == .ok)
            let outsider = try await Browser.signedIn(app, as: cast.outsider)
            #expect(try await outsider.get("/threads/\(threadID)/attachments/\(pdf)").status.code >= 400)
            #expect(try await classmate.get("/threads/\(threadID)/attachments/\(loose)").status == .notFound)

            #expect(try await app.request(.delete, "/api/v1/replies/\(replyID)", token: cast.owner.accessToken).status == .noContent)
            #expect(try await app.contentStatus(png, as: cast.student) == 404)
            #expect(try await app.contentStatus(png, as: cast.classmate) == 302, "the owner still reads their own upload")
            let detail = try await app.request(.get, "/api/v1/threads/\(threadID)", token: cast.student.accessToken)
            let replyFiles = attachmentIDs((detail.json["replies"] as? [[String: Any]])?.first)
            #expect(replyFiles.isEmpty)
            #expect(try await app.request(.delete, "/api/v1/threads/\(threadID)", token: cast.student.accessToken).status == .noContent)
            #expect(try await app.contentStatus(pdf, as: cast.classmate) == 404)
            #expect(try await classmate.get("/threads/\(threadID)/attachments/\(pdf)").status == .notFound)
        }
    }

    @Test("the page forms send repeated attachmentIds fields; a refused file re-renders the form with the message", arguments: TestEngine.available)
    func pageForms(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let cast = try await app.forumCast()
            let pdf = try await app.uploadID(UploadSamples.pdf(), filename: "a.pdf", token: cast.student.accessToken)
            let png = try await app.uploadID(UploadSamples.png(), filename: "b.png", token: cast.student.accessToken)
            let theirs = try await app.uploadID(UploadSamples.pdf(), filename: "c.pdf", token: cast.classmate.accessToken)
            let browser = try await Browser.signedIn(app, as: cast.student)
            let form = try await browser.get("/boards/\(cast.boardID)/new")
            #expect(form.text.contains("data-upload-purpose=\"attachment\""))
            let created = try await browser.post(
                "/boards/\(cast.boardID)/new",
                fields: [("title", "Two files"), ("body", "Both here."), ("kind", "discussion"), ("attachmentIds", pdf), ("attachmentIds", png)]
            )
            #expect(created.status == .seeOther, "\(created.text)")
            let threadID = try #require(created.headers[.location]?.split(separator: "/").last.map(String.init))
            #expect(attachmentIDs(try await app.request(.get, "/api/v1/threads/\(threadID)", token: cast.student.accessToken).thread) == [pdf, png])

            let refused = try await browser.post("/threads/\(threadID)/replies", fields: [("body", "And theirs"), ("attachmentIds", theirs)])
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("Attach only your own uploaded files"))
            #expect(refused.text.contains("And theirs"))
            let replied = try await browser.post("/threads/\(threadID)/replies", fields: [("body", "Mine"), ("attachmentIds", png)])
            #expect(replied.status == .seeOther)
            let replies = try await app.request(.get, "/api/v1/threads/\(threadID)", token: cast.student.accessToken).json["replies"] as? [[String: Any]]
            #expect(attachmentIDs(replies?.first) == [png])
        }
    }

    @Test("a deleted upload leaves the posts it was on (the UploadDeleted handler, idempotent)", arguments: TestEngine.available)
    func uploadDeleted(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let cast = try await app.forumCast()
            let pdf = try await app.uploadID(UploadSamples.pdf(), filename: "gone.pdf", token: cast.student.accessToken)
            let png = try await app.uploadID(UploadSamples.png(), filename: "stays.png", token: cast.student.accessToken)
            let threadID = try await app.startThread(on: cast.boardID, as: cast.student, extra: ["attachmentIds": [pdf, png]])
            #expect(try await app.request(.delete, "/api/v1/uploads/\(pdf)", token: cast.student.accessToken).status == .noContent)
            try await app.eventually("the attachment row to go") { try await app.rowCount("community_post_attachments") == 1 }
            let detail = try await app.request(.get, "/api/v1/threads/\(threadID)", token: cast.classmate.accessToken)
            #expect(attachmentIDs(detail.thread) == [png])
            #expect(try await app.contentStatus(pdf, as: cast.classmate) == 404)
            try await app.services.require(CommunityService.self).uploadDeleted(pdf)
            #expect(try await app.rowCount("community_post_attachments") == 1)
        }
    }
}
