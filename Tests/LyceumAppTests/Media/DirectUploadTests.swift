import AsyncHTTPClient
import Foundation
import HTTPTypes
import LyceumApp
import LyceumContracts
import LyceumPlatform
import LyceumTestSupport
import Media
import NIOCore
import NIOHTTP1
import Testing

/// Direct uploads: presign, send the bytes to the signed URL, complete. On the disk store through Lyceum's
/// `PUT /objects/…`; on S3 (SeaweedFS from `scripts/start-test-services`) through a presigned URL.
@Suite("Uploads: presign and complete")
struct DirectUploadTests {
    static func presign(_ app: TestApp, _ user: APIUser, purpose: String, filename: String, size: Int, contentType: String) async throws -> Reply {
        try await app.request(
            .post, "/api/v1/uploads/presign", json: ["purpose": purpose, "filename": filename, "size": size, "contentType": contentType],
            token: user.accessToken
        )
    }

    @Test("on disk: presign, PUT to the signed Lyceum URL, complete; the bytes are checked", arguments: TestEngine.available)
    func disk(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let user = try await app.register()
            let file = UploadSamples.png(size: 3_000)
            let prepared = try await Self.presign(app, user, purpose: "avatar", filename: "me.png", size: 3_000, contentType: "image/png")
            #expect(prepared.status == .created, "\(prepared.text)")
            let upload = try #require(prepared.json["upload"] as? [String: Any])
            let id = try #require(upload["id"] as? String)
            #expect(upload["status"] as? String == "pending" && upload["sha256"] is NSNull)
            let target = try #require(prepared.json["uploadRequest"] as? [String: Any])
            #expect(target["method"] as? String == "PUT")
            #expect(target["headers"] as? [String: String] == ["Content-Type": "image/png"])
            let url = try TestApp.local(try #require(target["url"] as? String))

            let early = try await app.request(.post, "/api/v1/uploads/\(id)/complete", token: user.accessToken)
            #expect(early.status == .conflict && early.errorCode == "upload_incomplete")
            let pendingContent = try await app.request(.get, "/api/v1/uploads/\(id)/content", token: user.accessToken)
            #expect(pendingContent.status == .conflict && pendingContent.errorCode == "upload_not_ready")

            let wrongType = try await app.raw(.put, url, headers: [.contentType: "text/html"], body: ByteBuffer(bytes: file))
            #expect(wrongType.status == .forbidden && wrongType.errorCode == "invalid_link")
            let wrongSize = try await app.raw(.put, url, headers: [.contentType: "image/png"], body: ByteBuffer(bytes: file + [0]))
            #expect(wrongSize.status == .badRequest && wrongSize.errorCode == "size_mismatch")
            #expect(try await app.storedMediaKeys().isEmpty)
            let stored = try await app.raw(.put, url, headers: [.contentType: "image/png"], body: ByteBuffer(bytes: file))
            #expect(stored.status == .ok && stored.headers[.eTag] != nil)

            let completed = try await app.request(.post, "/api/v1/uploads/\(id)/complete", token: user.accessToken)
            #expect(completed.status == .ok, "\(completed.text)")
            #expect(completed.json["status"] as? String == "ready" && completed.json["sha256"] as? String == UploadSamples.sha256(file))
            let again = try await app.raw(.put, url, headers: [.contentType: "image/png"], body: ByteBuffer(bytes: file))
            #expect(again.status == .conflict && again.errorCode == "upload_completed")

            let redirect = try await app.request(.get, "/api/v1/uploads/\(id)/content", token: user.accessToken)
            let download = try await app.raw(.get, try TestApp.local(try #require(redirect.headers[.location])))
            #expect(Array(download.body.readableBytesView) == file)
        }
    }

    @Test("on disk: bytes that are not the announced type are refused at completion and removed", arguments: TestEngine.available)
    func diskMismatch(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let user = try await app.register()
            let pdf = UploadSamples.pdf(size: 2_000)
            let prepared = try await Self.presign(app, user, purpose: "avatar", filename: "me.png", size: 2_000, contentType: "image/png")
            let id = try #require((prepared.json["upload"] as? [String: Any])?["id"] as? String)
            let url = try TestApp.local(try #require((prepared.json["uploadRequest"] as? [String: Any])?["url"] as? String))
            #expect(try await app.raw(.put, url, headers: [.contentType: "image/png"], body: ByteBuffer(bytes: pdf)).status == .ok)
            let completed = try await app.request(.post, "/api/v1/uploads/\(id)/complete", token: user.accessToken)
            #expect(completed.status == .unsupportedMediaType && completed.errorCode == "unsupported_file_type")
            #expect(try await app.storedMediaKeys().isEmpty)
            #expect(try await app.uploadRows().isEmpty)

            let refused = try await Self.presign(app, user, purpose: "avatar", filename: "page.html", size: 10, contentType: "text/html")
            #expect(refused.status == .unsupportedMediaType)
            let empty = try await Self.presign(app, user, purpose: "attachment", filename: "a.txt", size: 0, contentType: "text/plain")
            #expect(empty.status == .unprocessableContent)
            let badPurpose = try await Self.presign(app, user, purpose: "banner", filename: "a.png", size: 10, contentType: "image/png")
            #expect(badPurpose.status == .unprocessableContent && badPurpose.errorFields["purpose"] != nil)
            #expect(try await app.uploadRows().isEmpty)
        }
    }

    @Test(
        "on S3: presigned PUT straight to the bucket, complete, then a presigned download; a refused file is deleted",
        .enabled(if: S3Settings.location != nil, "LYCEUM_TEST_S3_URL is not set: run scripts/start-test-services and source .test-services.env")
    )
    func s3() async throws {
        let location = try #require(S3Settings.location)
        try await TestApp.run(.sqlite, configure: {
            $0.objectStorage = .s3(location)
            $0.objectStorageCredentials = S3Settings.credentials
        }) { app in
            let user = try await app.register()
            let file = UploadSamples.png(size: 6_000)
            let prepared = try await Self.presign(app, user, purpose: "avatar", filename: "me.png", size: file.count, contentType: "image/png")
            #expect(prepared.status == .created, "\(prepared.text)")
            let id = try #require((prepared.json["upload"] as? [String: Any])?["id"] as? String)
            let target = try #require(prepared.json["uploadRequest"] as? [String: Any])
            let url = try #require(target["url"] as? String)
            #expect(url.hasPrefix(location.endpoint.absoluteString) && url.contains("X-Amz-Signature="))
            let signedHeaders = try #require(target["headers"] as? [String: String])
            #expect(signedHeaders == ["Content-Type": "image/png", "If-None-Match": "*"])
            #expect(try await S3Settings.send("PUT", url, headers: signedHeaders, body: file).status == 200)
            let completed = try await app.request(.post, "/api/v1/uploads/\(id)/complete", token: user.accessToken)
            #expect(completed.status == .ok && completed.json["sha256"] as? String == UploadSamples.sha256(file), "\(completed.text)")
            let replay = try await S3Settings.send("PUT", url, headers: signedHeaders, body: UploadSamples.png(size: 7_000))
            #expect(replay.status == 412, "the still valid URL must not replace the verified bytes")
            let redirect = try await app.request(.get, "/api/v1/uploads/\(id)/content", token: user.accessToken)
            let download = try await S3Settings.send("GET", try #require(redirect.headers[.location]), headers: [:], body: nil)
            #expect(download.status == 200 && download.body == file)
            #expect(download.headers["Content-Disposition"] == [#"inline; filename="me.png"; filename*=UTF-8''me.png"#])
            #expect(download.headers["Content-Type"] == ["image/png"])
            #expect(download.headers["Cache-Control"] == ["private, max-age=900"])

            // Streamed through Lyceum onto S3 as well.
            let streamed = try await app.uploadID(UploadSamples.pdf(size: 9_000), filename: "notes.pdf", token: user.accessToken)
            let key = try ObjectKey("media/\(streamed.prefix(2))/\(streamed)")
            #expect(try await app.services.objectStore.head(key).contentType == "application/pdf")
            let pdfLink = try await app.request(.get, "/api/v1/uploads/\(streamed)/content", token: user.accessToken)
            let pdf = try await S3Settings.send("GET", try #require(pdfLink.headers[.location]), headers: [:], body: nil)
            #expect(pdf.headers["Content-Disposition"].first?.hasPrefix(#"inline; filename="notes.pdf""#) == true)

            let mismatch = try await Self.presign(app, user, purpose: "avatar", filename: "x.png", size: 2_000, contentType: "image/png")
            let mismatchID = try #require((mismatch.json["upload"] as? [String: Any])?["id"] as? String)
            let mismatchURL = try #require((mismatch.json["uploadRequest"] as? [String: Any])?["url"] as? String)
            #expect(try await S3Settings.send("PUT", mismatchURL, headers: ["Content-Type": "image/png", "If-None-Match": "*"], body: UploadSamples.pdf(size: 2_000)).status == 200)
            #expect(try await app.request(.post, "/api/v1/uploads/\(mismatchID)/complete", token: user.accessToken).status == .unsupportedMediaType)
            await #expect(throws: ObjectStoreError.notFound) {
                try await app.services.objectStore.head(ObjectKey("media/\(mismatchID.prefix(2))/\(mismatchID)"))
            }
            for upload in [id, streamed] {
                #expect(try await app.request(.delete, "/api/v1/uploads/\(upload)", token: user.accessToken).status == .noContent)
            }
            await #expect(throws: ObjectStoreError.notFound) { try await app.services.objectStore.head(key) }
        }
    }
}

/// The SeaweedFS server `scripts/start-test-services` runs, as its environment variables describe it.
enum S3Settings {
    static let environment = ProcessInfo.processInfo.environment

    static var location: S3Location? {
        guard let text = environment["LYCEUM_TEST_S3_URL"], !text.isEmpty, case .s3(let location)? = try? ObjectStoreLocation(text) else {
            return nil
        }
        return location
    }

    static var credentials: any AWSCredentialProvider {
        StaticCredentialProvider(
            AWSCredentials(accessKeyId: environment["LYCEUM_TEST_S3_ACCESS_KEY"] ?? "", secretAccessKey: environment["LYCEUM_TEST_S3_SECRET_KEY"] ?? "")
        )
    }

    /// A request as a browser would send it, without Lyceum's signing.
    static func send(
        _ method: String, _ url: String, headers: [String: String], body: [UInt8]?
    ) async throws -> (status: UInt, body: [UInt8], headers: HTTPHeaders) {
        var request = HTTPClientRequest(url: url)
        request.method = HTTPMethod(rawValue: method)
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        if let body { request.body = .bytes(ByteBuffer(bytes: body)) }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
        return (response.status.code, Array(try await response.body.collect(upTo: 16 << 20).readableBytesView), response.headers)
    }
}
