import Foundation
import HTTPTypes
import LyceumApp
import LyceumContracts
import LyceumPlatform
import LyceumTestSupport
import NIOCore
import SQLKit
import Testing

@Suite("Lesson attachments: attach, list, detach and download by role")
struct LessonAttachmentTests {
    @Test("staff who edit attach their own files; readers of the lesson list them; others are refused", arguments: TestEngine.available)
    func attachListDetach(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let cast = try await LessonMediaCast.make(app)
            let pdf = UploadSamples.pdf(size: 2_500)
            let notes = try await app.uploadID(pdf, filename: "Orbits notes.pdf", token: cast.owner.accessToken)

            let attached = try await app.attach(notes, to: cast.attachments(), as: cast.owner)
            #expect(attached.status == .created)
            let view = try #require(attached.json["attachment"] as? [String: Any])
            #expect(view["uploadId"] as? String == notes)
            #expect(view["filename"] as? String == "Orbits notes.pdf")
            #expect(view["size"] as? Int == 2_500)
            #expect(view["contentType"] as? String == "application/pdf")
            #expect(view["downloadPath"] as? String == "/api/v1/uploads/\(notes)/content")
            #expect(try await app.attach(notes, to: cast.attachments(), as: cast.owner).errorCode == "already_attached")

            for reader in [cast.owner, cast.assistant, cast.student, cast.admin] {
                let list = try await app.request(.get, cast.attachments(), token: reader.accessToken)
                #expect(list.status == .ok)
                #expect(list.items.map { $0["uploadId"] as? String } == [notes])
            }
            #expect(try await app.status(cast.attachments(), as: cast.otherStudent) == 403)
            #expect(try await app.status(cast.attachments(), as: nil) == 401)
            #expect(try await app.status(cast.attachments(cast.course.lessonIDs[0]), as: nil) == 200, "a preview lesson's list is open")

            let studentFile = try await app.uploadID(UploadSamples.pdf(), filename: "mine.pdf", token: cast.student.accessToken)
            #expect(try await app.attach(studentFile, to: cast.attachments(), as: cast.student).status == .forbidden)
            #expect(try await app.attach(studentFile, to: cast.attachments(), as: cast.assistant).status == .forbidden)
            let foreign = try await app.attach(studentFile, to: cast.attachments(), as: cast.owner)
            #expect(foreign.status == .unprocessableContent)
            #expect(foreign.errorFields["uploadId"] != nil)
            let avatar = try await app.uploadID(UploadSamples.png(), purpose: "avatar", filename: "me.png", token: cast.owner.accessToken)
            #expect(try await app.attach(avatar, to: cast.attachments(), as: cast.owner).errorFields["uploadId"] != nil)
            #expect(try await app.attach("no-such-upload", to: cast.attachments(), as: cast.owner).status == .unprocessableContent)
            #expect(try await app.attach(notes, to: "/api/v1/courses/\(cast.course.id)/lessons/nope/attachments", as: cast.owner).status == .notFound)

            let one = "\(cast.attachments())/\(notes)"
            #expect(try await app.request(.delete, one, token: cast.student.accessToken).status == .forbidden)
            #expect(try await app.request(.delete, one, token: cast.assistant.accessToken).status == .forbidden)
            #expect(try await app.request(.delete, one, token: nil).status == .unauthorized)
            #expect(try await app.request(.delete, one, token: cast.owner.accessToken).status == .noContent)
            #expect(try await app.request(.delete, one, token: cast.owner.accessToken).status == .notFound)
            #expect(try await app.request(.get, cast.attachments(), token: cast.student.accessToken).items.isEmpty)
            #expect(try await app.request(.get, "/api/v1/uploads/\(notes)", token: cast.owner.accessToken).status == .ok, "detaching keeps the file")
        }
    }

    @Test("a student of the course downloads an attachment; a student of another course gets 404", arguments: TestEngine.available)
    func downloadByCourseStudentsOnly(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let cast = try await LessonMediaCast.make(app)
            let bytes = UploadSamples.pdf(size: 3_000)
            let notes = try await app.uploadID(bytes, filename: "notes.pdf", token: cast.owner.accessToken)
            #expect(try await app.attach(notes, to: cast.attachments(), as: cast.owner).status == .created)

            let redirect = try await app.request(.get, "/api/v1/uploads/\(notes)/content", token: cast.student.accessToken)
            #expect(redirect.status == .found)
            let file = try await app.raw(.get, try TestApp.local(try #require(redirect.headers[.location])))
            #expect(file.status == .ok)
            #expect(Array(file.body.readableBytesView) == bytes)
            #expect(try await app.status("/api/v1/uploads/\(notes)", as: cast.student) == 200)
            #expect(try await app.status("/api/v1/uploads/\(notes)", as: cast.assistant) == 200)

            #expect(try await app.status("/api/v1/uploads/\(notes)", as: cast.otherStudent) == 404)
            #expect(try await app.status("/api/v1/uploads/\(notes)/content", as: cast.otherStudent) == 404)

            let hide = try await app.request(
                .patch, "/api/v1/courses/\(cast.course.id)/lessons/\(cast.lessonID)", json: ["hidden": true], token: cast.owner.accessToken
            )
            #expect(hide.status == .ok)
            #expect(try await app.status("/api/v1/uploads/\(notes)/content", as: cast.student) == 404, "a hidden lesson's files are hidden")
            #expect(try await app.status("/api/v1/uploads/\(notes)/content", as: cast.assistant) == 302)
            _ = try await app.request(.patch, "/api/v1/courses/\(cast.course.id)/lessons/\(cast.lessonID)", json: ["hidden": false], token: cast.owner.accessToken)
            #expect(try await app.status("/api/v1/uploads/\(notes)/content", as: cast.student) == 302)

            #expect(try await app.request(.post, "/api/v1/courses/\(cast.course.id)/archive", token: cast.owner.accessToken).status == .ok)
            #expect(try await app.status("/api/v1/uploads/\(notes)", as: cast.student) == 404, "an archived course's files are closed")
            #expect(try await app.status("/api/v1/uploads/\(notes)/content", as: cast.student) == 404)
            #expect(try await app.status("/api/v1/uploads/\(notes)/content", as: cast.owner) == 302)
        }
    }

    @Test("a draft course's attachments and a preview lesson's attachments", arguments: TestEngine.available)
    func draftAndPreview(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let cast = try await LessonMediaCast.make(app)
            let draft = try await app.buildCourse(owner: cast.owner, modules: 1, lessonsPerModule: 1, publish: false)
            let secret = try await app.uploadID(UploadSamples.pdf(), filename: "draft.pdf", token: cast.owner.accessToken)
            let draftPath = "/api/v1/courses/\(draft.id)/lessons/\(draft.lessonIDs[0])/attachments"
            #expect(try await app.attach(secret, to: draftPath, as: cast.owner).status == .created)
            #expect(try await app.status("/api/v1/uploads/\(secret)/content", as: cast.student) == 404)
            #expect(try await app.status(draftPath, as: cast.student) == 404)

            let handout = try await app.uploadID(UploadSamples.pdf(), filename: "handout.pdf", token: cast.owner.accessToken)
            #expect(try await app.attach(handout, to: cast.attachments(cast.course.lessonIDs[0]), as: cast.owner).status == .created)
            #expect(
                try await app.status("/api/v1/uploads/\(handout)/content", as: cast.otherStudent) == 302,
                "a preview lesson is open to everyone who sees the course, and so are its files"
            )
        }
    }

    @Test("at most 20 files per lesson")
    func limit() async throws {
        try await TestApp.run(.sqlite) { app in
            let cast = try await LessonMediaCast.make(app)
            for index in 0..<20 {
                let id = try await app.uploadID(Array("Sheet \(index)\n".utf8), filename: "sheet-\(index).txt", token: cast.owner.accessToken)
                #expect(try await app.attach(id, to: cast.attachments(), as: cast.owner).status == .created)
            }
            let extra = try await app.uploadID(Array("One more\n".utf8), filename: "extra.txt", token: cast.owner.accessToken)
            let refused = try await app.attach(extra, to: cast.attachments(), as: cast.owner)
            #expect(refused.status == .unprocessableContent)
            #expect(refused.errorCode == "too_many_attachments")
            let list = try await app.request(.get, cast.attachments(), token: cast.student.accessToken)
            #expect(list.items.map { $0["filename"] as? String } == (0..<20).map { "sheet-\($0).txt" })
        }
    }

    @Test("deleting an upload removes it from lessons: attachments and video", arguments: TestEngine.available)
    func uploadDeleted(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let cast = try await LessonMediaCast.make(app)
            let notes = try await app.uploadID(UploadSamples.pdf(), filename: "notes.pdf", token: cast.owner.accessToken)
            let video = try await app.uploadID(UploadSamples.mp4(), purpose: "video", filename: "lecture.mp4", token: cast.owner.accessToken)
            #expect(try await app.attach(notes, to: cast.attachments(), as: cast.owner).status == .created)
            let lessonPath = "/api/v1/courses/\(cast.course.id)/lessons/\(cast.lessonID)"
            #expect(try await app.request(.patch, lessonPath, json: ["videoUploadId": video], token: cast.owner.accessToken).status == .ok)

            #expect(try await app.request(.delete, "/api/v1/uploads/\(notes)", token: cast.owner.accessToken).status == .noContent)
            #expect(try await app.request(.delete, "/api/v1/uploads/\(video)", token: cast.owner.accessToken).status == .noContent)
            try await app.waitForJobs(named: "event:courses.lesson-media-on-upload-deleted")

            let rows = try await app.services.database.read { sql in
                try await sql.select().column("upload_id").from("lesson_attachments").all().count
            }
            #expect(rows == 0)
            let lesson = try await app.request(.get, lessonPath, token: cast.owner.accessToken)
            #expect((lesson.json["lesson"] as? [String: Any])?["videoUploadId"] is NSNull)
            let failed = try await app.services.jobs.list(limit: 500).filter {
                $0.name == "event:courses.lesson-media-on-upload-deleted" && $0.state != .succeeded
            }
            #expect(failed.isEmpty)
        }
    }
}
