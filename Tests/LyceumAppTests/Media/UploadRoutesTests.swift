import Foundation
import HTTPTypes
import LyceumApp
import LyceumContracts
import LyceumPlatform
import LyceumTestSupport
import Media
import NIOCore
import Testing

@Suite("Uploads: streamed upload, limits, quota, serving")
struct UploadRoutesTests {
    @Test("a streamed avatar is typed by its bytes, hashed, and served through a signed link", arguments: TestEngine.available)
    func uploadAndServe(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let user = try await app.register()
            let file = UploadSamples.png(size: 5_000)
            let reply = try await app.upload(file, purpose: "avatar", filename: "../../me/Portrait.PNG", token: user.accessToken)
            #expect(reply.status == .created, "\(reply.text)")
            let id = try #require(reply.json["id"] as? String)
            #expect(reply.headers[.location] == "/api/v1/uploads/\(id)")
            #expect(reply.json["contentType"] as? String == "image/png")
            #expect(reply.json["size"] as? Int == 5_000)
            #expect(reply.json["sha256"] as? String == UploadSamples.sha256(file))
            #expect(reply.json["filename"] as? String == "Portrait.PNG")
            #expect(reply.json["status"] as? String == "ready")
            let keys = try await app.storedMediaKeys()
            #expect(keys == ["media/\(id.prefix(2))/\(id)"], "the key comes from the id, never the name")

            let metadata = try await app.request(.get, "/api/v1/uploads/\(id)", token: user.accessToken)
            #expect(metadata.status == .ok && metadata.json["id"] as? String == id)

            let redirect = try await app.request(.get, "/api/v1/uploads/\(id)/content", token: user.accessToken)
            #expect(redirect.status == .found)
            #expect(redirect.headers[.cacheControl] == "no-store")
            let link = try TestApp.local(try #require(redirect.headers[.location]))
            #expect(link.hasPrefix("/objects/media/"))

            let download = try await app.raw(.get, link)
            #expect(download.status == .ok)
            #expect(Array(download.body.readableBytesView) == file)
            #expect(download.headers[.contentType] == "image/png")
            #expect(download.headers[.contentLength] == "5000")
            #expect(download.headers[.acceptRanges] == "bytes")
            #expect(download.headers[.xContentTypeOptions] == "nosniff")
            #expect(download.headers[.contentDisposition] == "inline; filename=\"Portrait.PNG\"; filename*=UTF-8''Portrait.PNG")
            let cache = try #require(download.headers[.cacheControl])
            let maxAge = try #require(Int(cache.replacingOccurrences(of: "private, max-age=", with: "")))
            #expect(cache.hasPrefix("private, max-age=") && (850...900).contains(maxAge), "\(cache)")
            let etag = try #require(download.headers[.eTag])

            let notModified = try await app.raw(.get, link, headers: [.ifNoneMatch: etag])
            #expect(notModified.status == .notModified && notModified.body.readableBytes == 0)

            let partial = try await app.raw(.get, link, headers: [.range: "bytes=100-199"])
            #expect(partial.status == .partialContent)
            #expect(partial.headers[.contentRange] == "bytes 100-199/5000" && partial.headers[.contentLength] == "100")
            #expect(Array(partial.body.readableBytesView) == Array(file[100...199]))
            let tail = try await app.raw(.get, link, headers: [.range: "bytes=-10"])
            #expect(tail.status == .partialContent && Array(tail.body.readableBytesView) == Array(file.suffix(10)))
            let beyond = try await app.raw(.get, link, headers: [.range: "bytes=5000-"])
            #expect(beyond.status == .rangeNotSatisfiable && beyond.headers[.contentRange] == "bytes */5000")

            let head = try await app.raw(.head, link)
            #expect(head.status == .ok && head.headers[.contentLength] == "5000" && head.body.readableBytes == 0)
        }
    }

    @Test("HTML, SVG and text download as attachments, never inline", arguments: [
        (UploadSamples.html, "page.html", "text/html; charset=utf-8"),
        (UploadSamples.svg, "logo.svg", "image/svg+xml"),
        (Array("notes\n".utf8), "notes.txt", "text/plain; charset=utf-8"),
    ] as [([UInt8], String, String)])
    func attachmentsForActiveContent(file: [UInt8], filename: String, contentType: String) async throws {
        try await TestApp.run(.sqlite) { app in
            let user = try await app.register()
            let id = try await app.uploadID(file, filename: filename, token: user.accessToken)
            let redirect = try await app.request(.get, "/api/v1/uploads/\(id)/content", token: user.accessToken)
            let download = try await app.raw(.get, try TestApp.local(try #require(redirect.headers[.location])))
            #expect(download.status == .ok)
            #expect(download.headers[.contentType] == contentType)
            #expect(download.headers[.contentDisposition]?.hasPrefix("attachment; filename=\"\(filename)\"") == true)
            #expect(download.headers[.xContentTypeOptions] == "nosniff")
        }
    }

    @Test("a file whose bytes do not fit its purpose is refused with 415 and leaves nothing", arguments: TestEngine.available)
    func typeMismatch(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let user = try await app.register()
            let cases: [([UInt8], String, String)] = [
                (UploadSamples.pdf(), "avatar", "picture.png"),
                (UploadSamples.html, "avatar", "picture.png"),
                (UploadSamples.png(), "video", "lecture.mp4"),
                ([0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0], "attachment", "notes.pdf"),
            ]
            for (file, purpose, filename) in cases {
                let reply = try await app.upload(file, purpose: purpose, filename: filename, token: user.accessToken)
                #expect(reply.status == .unsupportedMediaType && reply.errorCode == "unsupported_file_type", "\(purpose) \(filename): \(reply.text)")
            }
            let empty = try await app.upload([], purpose: "attachment", filename: "empty.txt", token: user.accessToken)
            #expect(empty.status == .unprocessableContent && empty.errorCode == "empty_file")
            #expect(try await app.storedMediaKeys().isEmpty)
            #expect(try await app.uploadRows().isEmpty)
        }
    }

    @Test("bad forms: no multipart, no purpose first, unknown purpose, no file name", arguments: TestEngine.available)
    func malformed(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let user = try await app.register()
            let json = try await app.request(.post, "/api/v1/uploads", json: ["purpose": "avatar"], token: user.accessToken)
            #expect(json.status == .unsupportedMediaType)
            let unknown = try await app.upload(UploadSamples.png(), purpose: "wallpaper", filename: "a.png", token: user.accessToken)
            #expect(unknown.status == .unprocessableContent && unknown.errorFields["purpose"] != nil)
            var fileFirst = ByteBuffer()
            fileFirst.writeString("--\(MultipartBody.boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.png\"\r\n\r\nPNG\r\n--\(MultipartBody.boundary)--\r\n")
            let wrongOrder = try await app.raw(
                .post, "/api/v1/uploads", headers: [.contentType: MultipartBody.contentType, .authorization: "Bearer \(user.accessToken)"], body: fileFirst
            )
            #expect(wrongOrder.status == .unprocessableContent && wrongOrder.errorFields["purpose"] != nil)
            var truncated = MultipartBody.make(purpose: "attachment", filename: "a.txt", file: Array("some text".utf8))
            truncated.moveWriterIndex(to: truncated.writerIndex - 20)
            let cut = try await app.raw(
                .post, "/api/v1/uploads", headers: [.contentType: MultipartBody.contentType, .authorization: "Bearer \(user.accessToken)"], body: truncated
            )
            #expect(cut.status == .badRequest && cut.errorCode == "malformed_multipart")
            #expect(try await app.storedMediaKeys().isEmpty)
            #expect(try await app.uploadRows().isEmpty)
        }
    }

    @Test("over the purpose's limit is 413 file_too_large, with nothing left", arguments: TestEngine.available)
    func tooLarge(engine: TestEngine) async throws {
        try await TestApp.run(engine, configure: { $0.media.maxAvatarBytes = 4_096 }) { app in
            let user = try await app.register()
            let fits = try await app.upload(UploadSamples.png(size: 4_096), purpose: "avatar", filename: "ok.png", token: user.accessToken)
            #expect(fits.status == .created)
            let over = try await app.upload(UploadSamples.png(size: 4_097), purpose: "avatar", filename: "big.png", token: user.accessToken)
            #expect(over.status == .contentTooLarge && over.errorCode == "file_too_large")
            let presign = try await app.request(
                .post, "/api/v1/uploads/presign", json: ["purpose": "avatar", "filename": "big.png", "size": 4_097, "contentType": "image/png"],
                token: user.accessToken
            )
            #expect(presign.status == .contentTooLarge && presign.errorCode == "file_too_large")
            #expect(try await app.storedMediaKeys().count == 1)
            #expect(try await app.uploadRows().count == 1)
        }
    }

    @Test("the per-user quota counts ready and pending uploads: 413 quota_exceeded, with nothing left", arguments: TestEngine.available)
    func quota(engine: TestEngine) async throws {
        try await TestApp.run(engine, configure: { $0.media.quotaBytes = 10_000 }) { app in
            let user = try await app.register()
            let other = try await app.register()
            #expect(try await app.upload(UploadSamples.png(size: 6_000), purpose: "avatar", filename: "a.png", token: user.accessToken).status == .created)
            let second = try await app.upload(UploadSamples.png(size: 6_000), purpose: "avatar", filename: "b.png", token: user.accessToken)
            #expect(second.status == .contentTooLarge && second.errorCode == "quota_exceeded")
            let presign = try await app.request(
                .post, "/api/v1/uploads/presign", json: ["purpose": "avatar", "filename": "c.png", "size": 4_001, "contentType": "image/png"],
                token: user.accessToken
            )
            #expect(presign.status == .contentTooLarge && presign.errorCode == "quota_exceeded")
            // A pending direct upload holds its announced size.
            let pending = try await app.request(
                .post, "/api/v1/uploads/presign", json: ["purpose": "avatar", "filename": "c.png", "size": 4_000, "contentType": "image/png"],
                token: user.accessToken
            )
            #expect(pending.status == .created)
            let tiny = try await app.upload(UploadSamples.png(size: 100), purpose: "avatar", filename: "d.png", token: user.accessToken)
            #expect(tiny.status == .contentTooLarge && tiny.errorCode == "quota_exceeded")
            // Quotas are per user.
            #expect(try await app.upload(UploadSamples.png(size: 6_000), purpose: "avatar", filename: "e.png", token: other.accessToken).status == .created)
            #expect(try await app.storedMediaKeys().count == 2)
            #expect(try await app.uploadRows().values.sorted() == ["pending", "ready", "ready"])
        }
    }
}
