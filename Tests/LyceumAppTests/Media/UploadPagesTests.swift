import Foundation
import HTTPTypes
import LyceumApp
import LyceumPlatform
import LyceumWeb
import LyceumTestSupport
import NIOCore
import Testing

/// The browser's upload routes (`/uploads…`, for the upload widget) and the CSRF header they rely on.
@Suite("Uploads from a browser session")
struct UploadPagesTests {
    static let presignPath = "/uploads/presign"

    static func presignBody(size: Int, purpose: String = "avatar") -> ByteBuffer {
        ByteBuffer(string: #"{"purpose":"\#(purpose)","filename":"me.png","size":\#(size),"contentType":"image/png"}"#)
    }

    @Test("X-CSRF-Token: the cookie's token passes without reading the body; missing, wrong or stale is refused; forms still work", arguments: TestEngine.available)
    func csrfHeader(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let user = try await app.register()
            let browser = try await Browser.signedIn(app, as: user)
            let valid = try await browser.script(.post, Self.presignPath, contentType: "application/json", body: Self.presignBody(size: 100))
            #expect(valid.status == .created, "\(valid.text)")
            let wrong = try await browser.script(
                .post, Self.presignPath, contentType: "application/json", body: Self.presignBody(size: 100), csrf: String(repeating: "x", count: 43)
            )
            #expect(wrong.status == .forbidden && wrong.errorCode == "csrf_failed")
            let missing = try await browser.script(.post, Self.presignPath, contentType: "application/json", body: Self.presignBody(size: 100), csrf: "")
            #expect(missing.status == .unsupportedMediaType, "a JSON body without the header is not a form: \(missing.status)")
            let multipartWithoutHeader = try await browser.script(
                .post, "/uploads", contentType: MultipartBody.contentType,
                body: MultipartBody.make(purpose: "avatar", filename: "me.png", file: UploadSamples.png()), csrf: ""
            )
            #expect(multipartWithoutHeader.status.code >= 400 && multipartWithoutHeader.status.code < 500)
            #expect(try await app.uploadRows().count == 1, "only the valid request made an upload")

            let form = try await browser.post("/profile", form: ["displayName": "Form Still Works", "bio": ""])
            #expect(form.status == .seeOther)
            #expect(try await browser.get("/profile").text.contains("Form Still Works"))
            let formWithHeaderOnly = try await browser.post("/profile", form: ["displayName": "No Token"], csrf: "")
            #expect(formWithHeaderOnly.status == .forbidden)

            let token = try #require(browser.cookie("lyceum_csrf"))
            browser.drop("lyceum_csrf")
            let stale = try await browser.script(.post, Self.presignPath, contentType: "application/json", body: Self.presignBody(size: 100), csrf: token)
            #expect(stale.status == .forbidden, "a header without its cookie is refused")

        }
    }

    @Test("streamed upload, presign + PUT + complete on disk, delete; anonymous refused", arguments: TestEngine.available)
    func sessionUploads(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let user = try await app.register()
            let browser = try await Browser.signedIn(app, as: user)
            let file = UploadSamples.png(size: 5_000)
            let streamed = try await browser.script(
                .post, "/uploads", contentType: MultipartBody.contentType, body: MultipartBody.make(purpose: "avatar", filename: "me.png", file: file)
            )
            #expect(streamed.status == .created, "\(streamed.text)")
            #expect(streamed.json["status"] as? String == "ready" && streamed.json["ownerId"] as? String == user.id)
            #expect(streamed.json["sha256"] as? String == UploadSamples.sha256(file))
            let streamedID = try #require(streamed.json["id"] as? String)

            let prepared = try await browser.script(.post, Self.presignPath, contentType: "application/json", body: Self.presignBody(size: file.count))
            #expect(prepared.status == .created, "\(prepared.text)")
            let upload = try #require(prepared.json["upload"] as? [String: Any])
            let id = try #require(upload["id"] as? String)
            let target = try #require(prepared.json["uploadRequest"] as? [String: Any])
            let put = try await app.raw(
                .put, try TestApp.local(try #require(target["url"] as? String)), headers: [.contentType: "image/png"], body: ByteBuffer(bytes: file)
            )
            #expect(put.status == .ok)
            let completed = try await browser.script(.post, "/uploads/\(id)/complete")
            #expect(completed.status == .ok && completed.json["status"] as? String == "ready", "\(completed.text)")
            #expect(try await app.uploadRows() == [streamedID: "ready", id: "ready"])

            let deleted = try await browser.script(.post, "/uploads/\(id)/delete")
            #expect(deleted.status == .noContent)
            #expect(try await app.uploadRows() == [streamedID: "ready"])

            let other = try await Browser.signedIn(app, as: try await app.register())
            #expect(try await other.script(.post, "/uploads/\(streamedID)/delete").status == .notFound, "someone else's upload is not theirs to delete")

            let anonymous = Browser(app)
            _ = try await anonymous.get("/signin")
            let refused = try await anonymous.script(
                .post, "/uploads", contentType: MultipartBody.contentType, body: MultipartBody.make(purpose: "avatar", filename: "me.png", file: file)
            )
            #expect(refused.status == .unauthorized)
            #expect(try await anonymous.script(.post, Self.presignPath, contentType: "application/json", body: Self.presignBody(size: 10)).status == .unauthorized)
            #expect(try await app.uploadRows().count == 1)
        }
    }

    @Test("every signed-in page loads the upload widget; the policy allows the S3 bucket's origin only when storage is S3")
    func widgetAndPolicy() async throws {
        try await TestApp.run(.sqlite) { app in
            let browser = try await Browser.signedIn(app, as: try await app.register())
            let page = try await browser.get("/profile")
            let script = try #require(page.text.firstMatch(of: /src="(\/static\/uploads\.js\?v=[^"]*)"/)?.1)
            let asset = try await app.raw(.get, String(script))
            #expect(asset.status == .ok && asset.text.contains("data-upload-purpose") && asset.text.contains("X-CSRF-Token"))
            #expect(page.text.contains(#"data-upload-purpose="avatar""#) && page.text.contains("data-upload-autosubmit"))
            #expect(page.headers[.contentSecurityPolicy]?.contains("connect-src 'self';") == true)
        }
        let s3 = try ObjectStoreLocation("s3://lyceum-files?region=eu-west-1")
        let policy = SecurityHeadersMiddleware.headers(storageOrigin: s3.browserOrigin)[.contentSecurityPolicy] ?? ""
        #expect(policy.contains("connect-src 'self' https://lyceum-files.s3.eu-west-1.amazonaws.com;"))
        #expect(policy.contains("img-src 'self' data: https://lyceum-files.s3.eu-west-1.amazonaws.com;"))
        let pathStyle = try ObjectStoreLocation("s3://bucket?region=us-east-1&endpoint=http://127.0.0.1:8333&pathStyle=true")
        #expect(pathStyle.browserOrigin == "http://127.0.0.1:8333")
        #expect(ObjectStoreLocation.disk(path: nil).browserOrigin == nil)
    }
}
