import Foundation
import LyceumContracts
import HTTPTypes
import LyceumApp
import LyceumTestSupport
@testable import Realtime
import Testing

@Suite("Chat attachments: files on messages, who reads them, deleted uploads")
struct ChatAttachmentTests {
    @Test("a message carries the sender's own ready attachments in its answer, frame and history; anyone else's, another purpose or more than 5 is 422 with nothing sent", arguments: TestEngine.available)
    func attachOnSend(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let cast = try await app.forumCast()
            let room = "course-\(cast.course.id)"
            let token = cast.student.accessToken
            let pdf = try await app.uploadID(UploadSamples.pdf(size: 2_500), filename: "slides.pdf", token: token)
            let png = try await app.uploadID(UploadSamples.png(), filename: "orbit.png", token: token)
            let theirs = try await app.uploadID(UploadSamples.pdf(), filename: "theirs.pdf", token: cast.classmate.accessToken)
            let avatar = try await app.uploadID(UploadSamples.png(), purpose: "avatar", filename: "me.png", token: token)
            var six: [String] = []
            for index in 0..<6 { six.append(try await app.uploadID(UploadSamples.pdf(), filename: "p\(index).pdf", token: token)) }

            for ids in [[theirs], [avatar], six, ["x"], [pdf, theirs]] {
                let refused = try await app.request(
                    .post, "/api/v1/rooms/\(room)/messages", json: ["body": "Files", "attachmentIds": ids], token: token
                )
                #expect(refused.status == .unprocessableContent, "\(ids): \(refused.text)")
                #expect(refused.errorFields["attachmentIds"] != nil)
            }
            #expect(try await app.rowCount("chat_messages") == 0)
            #expect(try await app.rowCount("chat_message_attachments") == 0)

            let publisher = RecordingPublisher()
            let chat = try app.chat(publishingTo: publisher)
            let sent = try await chat.send(.of(cast.student), room, body: "Here", attachmentIds: [pdf, png])
            #expect(sent.attachments.map(\.id) == [pdf, png])
            let frame = try #require(publisher.stored(on: "room:\(room)").last)
            #expect(attachmentIDs(frame.payload) == [pdf, png])
            let described = try #require((frame.payload["attachments"] as? [[String: Any]])?.first)
            #expect(described["filename"] as? String == "slides.pdf")
            #expect(described["size"] as? Int == 2_500)
            #expect(described["contentType"] as? String == "application/pdf")
            #expect(described["contentPath"] as? String == "/api/v1/uploads/\(pdf)/content")

            let viaREST = try await app.request(.post, "/api/v1/rooms/\(room)/messages", json: ["body": "Mine", "attachmentIds": [theirs]], token: cast.classmate.accessToken)
            #expect(viaREST.status == .created)
            #expect(attachmentIDs(viaREST.json["message"] as? [String: Any]) == [theirs])

            let history = try await app.request(.get, "/api/v1/rooms/\(room)/messages", token: cast.owner.accessToken)
            let items = history.json["items"] as? [[String: Any]] ?? []
            #expect(items.map(attachmentIDs) == [[theirs], [pdf, png]])
        }
    }

    @Test("room members read a message's files, outsiders get 404; a deleted message's files stop being readable; the page route checks the room", arguments: TestEngine.available)
    func reading(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let cast = try await app.forumCast()
            let room = "course-\(cast.course.id)"
            let pdf = try await app.uploadID(UploadSamples.pdf(), filename: "slides.pdf", token: cast.student.accessToken)
            let sent = try await app.request(.post, "/api/v1/rooms/\(room)/messages", json: ["body": "Slides", "attachmentIds": [pdf]], token: cast.student.accessToken)
            let messageID = try #require((sent.json["message"] as? [String: Any])?["id"] as? String)

            #expect(try await app.contentStatus(pdf, as: cast.classmate) == 302)
            #expect(try await app.contentStatus(pdf, as: cast.owner) == 302)
            #expect(try await app.contentStatus(pdf, as: cast.outsider) == 404)

            let classmate = try await Browser.signedIn(app, as: cast.classmate)
            let link = try await classmate.get("/messages/\(room)/attachments/\(pdf)")
            #expect(link.status == .seeOther)
            #expect(try await app.raw(.get, try TestApp.local(try #require(link.headers[.location]))).status == .ok)
            let outsider = try await Browser.signedIn(app, as: cast.outsider)
            #expect(try await outsider.get("/messages/\(room)/attachments/\(pdf)").status == .notFound)
            let conversation = try await classmate.get("/messages/\(room)")
            #expect(conversation.text.contains("data-upload-field=\"attachmentIds\""))

            let deleted = try await app.request(.delete, "/api/v1/rooms/\(room)/messages/\(messageID)", token: cast.student.accessToken)
            #expect(deleted.status == .noContent)
            #expect(try await app.contentStatus(pdf, as: cast.classmate) == 404)
            #expect(try await classmate.get("/messages/\(room)/attachments/\(pdf)").status == .notFound)
            #expect(try await app.contentStatus(pdf, as: cast.student) == 302, "the owner still reads their own upload")
        }
    }

    @Test("a deleted upload leaves the messages it was on, their history and their stored frames", arguments: TestEngine.available)
    func uploadDeleted(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let cast = try await app.forumCast()
            let room = "course-\(cast.course.id)"
            let pdf = try await app.uploadID(UploadSamples.pdf(), filename: "gone.pdf", token: cast.student.accessToken)
            let png = try await app.uploadID(UploadSamples.png(), filename: "stays.png", token: cast.student.accessToken)
            let sent = try await app.request(
                .post, "/api/v1/rooms/\(room)/messages", json: ["body": "Two", "attachmentIds": [pdf, png]], token: cast.student.accessToken
            )
            #expect(sent.status == .created)
            #expect(try await app.request(.delete, "/api/v1/uploads/\(pdf)", token: cast.student.accessToken).status == .noContent)
            try await app.eventually("the attachment row to go") { try await app.rowCount("chat_message_attachments") == 1 }
            let history = try await app.request(.get, "/api/v1/rooms/\(room)/messages", token: cast.classmate.accessToken)
            #expect((history.json["items"] as? [[String: Any]] ?? []).map(attachmentIDs) == [[png]])
            let frames = try await app.chat().storedFrame(topic: "room:\(room)", seq: 1)
            #expect(attachmentIDs(try #require(frames).payload) == [png])
            try await app.chat().uploadDeleted(pdf)
            #expect(try await app.rowCount("chat_message_attachments") == 1)
        }
    }
}
