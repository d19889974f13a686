import Foundation
import HTTPTypes
import LyceumApp
import LyceumContracts
import LyceumPlatform
import LyceumTestSupport
import NIOCore
import SQLKit
import Testing

@Suite("Lesson video and the lesson pages' files")
struct LessonVideoAndPagesTests {
    @Test("a lesson has one video: an uploaded file or an https address, set, replaced and cleared through the API", arguments: TestEngine.available)
    func videoThroughTheAPI(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let cast = try await LessonMediaCast.make(app)
            let path = "/api/v1/courses/\(cast.course.id)/lessons/\(cast.lessonID)"
            let video = try await app.uploadID(UploadSamples.mp4(), purpose: "video", filename: "lecture.mp4", token: cast.owner.accessToken)
            func lesson(_ body: [String: any Sendable], as user: APIUser? = nil) async throws -> Reply {
                try await app.request(.patch, path, json: body, token: (user ?? cast.owner).accessToken)
            }
            func fields(_ reply: Reply) -> [String: Any] { reply.json["lesson"] as? [String: Any] ?? [:] }

            _ = try await lesson(["videoUrl": "https://video.example.org/a"])
            let uploaded = try await lesson(["videoUploadId": video])
            #expect(uploaded.status == .ok)
            #expect(fields(uploaded)["videoUploadId"] as? String == video)
            #expect(fields(uploaded)["videoUrl"] is NSNull, "the uploaded video replaces the address")
            #expect(try await app.status("/api/v1/uploads/\(video)/content", as: cast.student) == 302)
            #expect(try await app.status("/api/v1/uploads/\(video)/content", as: cast.otherStudent) == 404)

            let address = try await lesson(["videoUrl": "https://video.example.org/b"])
            #expect(fields(address)["videoUrl"] as? String == "https://video.example.org/b")
            #expect(fields(address)["videoUploadId"] is NSNull)
            #expect(try await app.status("/api/v1/uploads/\(video)/content", as: cast.student) == 404, "no longer the lesson's video")

            #expect(try await lesson(["videoUrl": "http://video.example.org/plain"]).errorFields["videoUrl"] != nil)
            #expect(try await lesson(["videoUrl": "https://" + String(repeating: "a", count: 2_000)]).errorFields["videoUrl"] != nil)
            #expect(try await lesson(["videoUploadId": video, "videoUrl": "https://video.example.org/c"]).errorFields["videoUploadId"] != nil)
            let pdf = try await app.uploadID(UploadSamples.pdf(), filename: "notes.pdf", token: cast.owner.accessToken)
            #expect(try await lesson(["videoUploadId": pdf]).errorFields["videoUploadId"] != nil, "only a video upload")
            let theirs = try await app.uploadID(UploadSamples.mp4(), purpose: "video", filename: "theirs.mp4", token: cast.student.accessToken)
            #expect(try await lesson(["videoUploadId": theirs]).errorFields["videoUploadId"] != nil, "only the caller's own upload")
            #expect(try await lesson(["videoUploadId": video], as: cast.student).status == .forbidden)

            #expect(fields(try await lesson(["videoUploadId": video]))["videoUploadId"] as? String == video)
            let cleared = try await lesson(["videoUploadId": ""])
            #expect(fields(cleared)["videoUploadId"] is NSNull)
            #expect(fields(cleared)["videoUrl"] is NSNull)
        }
    }

    @Test("the lesson page plays the uploaded video from a signed, seekable link and lists the attachments", arguments: TestEngine.available)
    func lessonPage(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let cast = try await LessonMediaCast.make(app)
            let bytes = UploadSamples.mp4(size: 8_000)
            let video = try await app.uploadID(bytes, purpose: "video", filename: "lecture.mp4", token: cast.owner.accessToken)
            let notes = try await app.uploadID(UploadSamples.pdf(size: 2_400), filename: "Week 1 notes.pdf", token: cast.owner.accessToken)
            let lessonPath = "/api/v1/courses/\(cast.course.id)/lessons/\(cast.lessonID)"
            #expect(try await app.request(.patch, lessonPath, json: ["videoUploadId": video], token: cast.owner.accessToken).status == .ok)
            #expect(try await app.attach(notes, to: cast.attachments(), as: cast.owner).status == .created)

            let browser = try await Browser.signedIn(app, as: cast.student)
            let page = try await browser.get("/courses/\(cast.course.slug)/lessons/\(cast.lessonID)")
            #expect(page.status == .ok)
            let videoTag = try #require(page.text.firstMatch(of: /<video[^>]*>/))
            let tag = String(videoTag.0)
            #expect(tag.contains(#"controls preload="metadata""#))
            let match = try #require(tag.firstMatch(of: /src="([^"]+)"/))
            let src = String(match.1).replacingOccurrences(of: "&amp;", with: "&")
            #expect(src.contains("signature="))
            let part = try await app.raw(.get, try TestApp.local(src), headers: [.range: "bytes=100-199"])
            #expect(part.status == .partialContent, "Range requests make the video seekable")
            #expect(Array(part.body.readableBytesView) == Array(bytes[100...199]))

            let link = "/courses/\(cast.course.slug)/lessons/\(cast.lessonID)/attachments/\(notes)"
            #expect(page.text.contains("Attachments"))
            #expect(page.text.contains(#"href="\#(link)""#))
            #expect(page.text.contains("Week 1 notes.pdf"))
            #expect(page.text.contains("2.4 KB"))

            let download = try await browser.get(link)
            #expect(download.status == .found)
            #expect(download.headers[.cacheControl] == "private, no-store")
            let file = try await app.raw(.get, try TestApp.local(try #require(download.headers[.location])))
            #expect(file.status == .ok)

            let outsider = try await Browser.signedIn(app, as: cast.otherStudent)
            #expect(try await outsider.get(link).status == .forbidden)
            #expect(try await outsider.get("/courses/\(cast.course.slug)/lessons/\(cast.lessonID)").text.contains("signature=") == false)
            let video404 = "/courses/\(cast.course.slug)/lessons/\(cast.lessonID)/attachments/\(video)"
            #expect(try await browser.get(video404).status == .notFound, "only attachments go through this route")
            #expect(try await Browser(app).get(link).status == .seeOther, "signed out: to sign in")
        }
    }

    @Test("the lesson editor attaches, removes and sets the video through the upload widget's forms")
    func editorForms() async throws {
        try await TestApp.run(.sqlite) { app in
            let cast = try await LessonMediaCast.make(app)
            let editor = "/teach/courses/\(cast.course.slug)/lessons/\(cast.lessonID)"
            let browser = try await Browser.signedIn(app, as: cast.owner)
            let page = try await browser.get(editor)
            #expect(page.status == .ok)
            #expect(page.text.contains(#"data-upload-purpose="attachment" data-upload-field="uploadId""#))
            #expect(page.text.contains(#"data-upload-purpose="video" data-upload-field="videoUploadId""#))
            #expect(page.text.contains("<noscript>"))

            let notes = try await app.uploadID(UploadSamples.pdf(), filename: "notes.pdf", token: cast.owner.accessToken)
            #expect(try await browser.post("\(editor)/attachments", form: ["uploadId": notes]).status == .seeOther)
            let listed = try await browser.get(editor)
            #expect(listed.text.contains("notes.pdf"))
            #expect(listed.text.contains("\(editor)/attachments/\(notes)/remove"))
            let again = try await browser.post("\(editor)/attachments", form: ["uploadId": notes])
            #expect(again.status == .conflict)
            #expect(again.text.contains("already attached"))
            let theirs = try await app.uploadID(UploadSamples.pdf(), filename: "theirs.pdf", token: cast.student.accessToken)
            let refused = try await browser.post("\(editor)/attachments", form: ["uploadId": theirs])
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("The file was not attached"))

            let video = try await app.uploadID(UploadSamples.mp4(), purpose: "video", filename: "lecture.mp4", token: cast.owner.accessToken)
            #expect(try await browser.post("\(editor)/video", form: ["videoUploadId": video]).status == .seeOther)
            #expect(try await browser.get(editor).text.contains("Uploaded video: <strong>lecture.mp4</strong>"))
            #expect(try await browser.post("\(editor)/video", form: ["videoUploadId": ""]).status == .unprocessableContent)
            #expect(try await browser.post("\(editor)/video", form: ["remove": "true"]).status == .seeOther)
            #expect(try await browser.get(editor).text.contains("Uploaded video:") == false)

            #expect(try await browser.post("\(editor)/attachments/\(notes)/remove", form: [:]).status == .seeOther)
            #expect(try await app.request(.get, cast.attachments(), token: cast.student.accessToken).items.isEmpty)

            let student = try await Browser.signedIn(app, as: cast.student)
            #expect(try await student.post("\(editor)/attachments", form: ["uploadId": notes]).status == .forbidden)
        }
    }
}
