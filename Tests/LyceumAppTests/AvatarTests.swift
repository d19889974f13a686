import Foundation
import HTTPTypes
import Identity
import LyceumApp
import LyceumContracts
import LyceumTestSupport
import NIOCore
import Testing

/// Profile pictures: the API, the profile page, the header, who may read a picture, and deletion.
@Suite("Profile pictures")
struct AvatarTests {
    static func setAvatar(_ app: TestApp, _ user: APIUser, _ uploadID: String) async throws -> Reply {
        try await app.request(.put, "/api/v1/me/avatar", json: ["uploadId": uploadID], token: user.accessToken)
    }

    static func canRead(_ app: TestApp, _ user: APIUser, _ uploadID: String) async throws -> HTTPResponse.Status {
        try await app.request(.get, "/api/v1/uploads/\(uploadID)/content", token: user.accessToken).status
    }

    @Test("set, replace and remove through the API; only one's own ready avatar uploads (else 422)", arguments: TestEngine.available)
    func api(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let user = try await app.register()
            let other = try await app.register()
            let first = try await app.uploadID(UploadSamples.png(), purpose: "avatar", filename: "me.png", token: user.accessToken)
            let attachment = try await app.uploadID(UploadSamples.png(), purpose: "attachment", filename: "diagram.png", token: user.accessToken)
            let othersAvatar = try await app.uploadID(UploadSamples.png(), purpose: "avatar", filename: "them.png", token: other.accessToken)

            let set = try await Self.setAvatar(app, user, first)
            #expect(set.status == .ok, "\(set.text)")
            #expect(set.json["uploadId"] as? String == first && set.json["url"] as? String == "/users/\(user.id)/avatar?v=\(first)")
            #expect(try await app.services.identity().summaries(ids: [user.id])[user.id]?.avatarPath == "/users/\(user.id)/avatar?v=\(first)")

            for (id, why) in [(attachment, "wrong purpose"), (othersAvatar, "someone else's"), ("no-such-upload", "unknown")] {
                let refused = try await Self.setAvatar(app, user, id)
                #expect(refused.status == .unprocessableContent && refused.errorFields["uploadId"] != nil, "\(why): \(refused.status)")
            }
            let admin = try await app.account(role: .admin)
            let adminTakes = try await Self.setAvatar(app, admin, othersAvatar)
            #expect(adminTakes.status == .unprocessableContent, "an admin's picture is still their own upload")
            #expect(try await app.request(.put, "/api/v1/me/avatar", json: ["uploadId": first]).status == .unauthorized)

            #expect(try await Self.canRead(app, other, first) == .found, "another user may read a current picture")
            let second = try await app.uploadID(UploadSamples.png(size: 3_000), purpose: "avatar", filename: "new.png", token: user.accessToken)
            #expect(try await Self.setAvatar(app, user, second).status == .ok)
            #expect(try await Self.canRead(app, other, second) == .found)
            #expect(try await Self.canRead(app, other, first) == .notFound, "a former picture is private again")
            #expect(try await Self.canRead(app, user, first) == .found, "the owner still reads it")

            #expect(try await app.request(.delete, "/api/v1/me/avatar", token: user.accessToken).status == .noContent)
            #expect(try await app.request(.delete, "/api/v1/me/avatar", token: user.accessToken).status == .noContent)
            #expect(try await Self.canRead(app, other, second) == .notFound)
            #expect(try await app.services.identity().summaries(ids: [user.id])[user.id]?.avatarPath == nil)
        }
    }

    @Test("the profile page sets and removes the picture; the header shows it, else the initials", arguments: TestEngine.available)
    func pages(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let user = try await app.register(name: "Maria Sibylla Merian")
            let browser = try await Browser.signedIn(app, as: user)
            let before = try await browser.get("/profile")
            #expect(before.text.contains(#"data-testid="header-initials">MM</span>"#))
            #expect(before.text.contains(#"data-upload-purpose="avatar" data-upload-field="uploadId" data-upload-autosubmit"#))

            let upload = try await app.uploadID(UploadSamples.png(), purpose: "avatar", filename: "me.png", token: user.accessToken)
            let wrong = try await browser.post("/profile/avatar", form: ["uploadId": "not-mine"])
            #expect(wrong.status == .unprocessableContent && wrong.text.contains("Your profile picture was not changed."))
            let set = try await browser.post("/profile/avatar", form: ["uploadId": upload])
            #expect(set.status == .seeOther && set.headers[.location] == "/profile?picture=set")
            let after = try await browser.get("/profile?picture=set")
            let path = "/users/\(user.id)/avatar?v=\(upload)"
            #expect(after.text.contains(#"<img class="avatar" src="\#(path)""#), "the header shows the picture")
            #expect(after.text.contains("Your profile picture is changed."))

            let viewer = try await Browser.signedIn(app, as: try await app.register())
            let redirect = try await viewer.get(path)
            #expect(redirect.status == .found)
            #expect(redirect.headers[.cacheControl] == "private, max-age=\(300)")
            let link = try #require(redirect.headers[.location])
            let image = try await app.raw(.get, try TestApp.local(link))
            #expect(image.status == .ok && Array(image.body.readableBytesView) == UploadSamples.png())
            #expect(try await Browser(app).get(path).status.code >= 300, "anonymous visitors are sent to sign in or refused")
            #expect(try await viewer.get("/users/\(UUID().uuidString.lowercased())/avatar").status == .notFound)

            let removed = try await browser.post("/profile/avatar/remove", form: [:])
            #expect(removed.status == .seeOther)
            let without = try await browser.get("/profile")
            #expect(without.text.contains(#"data-testid="header-initials">MM</span>"#) && !without.text.contains("header-avatar"))
            #expect(try await viewer.get(path).status == .notFound)
        }
    }

    @Test("deleting the upload clears the picture (UploadDeleted)", arguments: TestEngine.available)
    func deletedUpload(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let user = try await app.register()
            let upload = try await app.uploadID(UploadSamples.png(), purpose: "avatar", filename: "me.png", token: user.accessToken)
            #expect(try await Self.setAvatar(app, user, upload).status == .ok)
            #expect(try await app.request(.delete, "/api/v1/uploads/\(upload)", token: user.accessToken).status == .noContent)
            try await app.waitForJobs(named: "event:identity.avatar-deleted")
            #expect(try await app.services.identity().summaries(ids: [user.id])[user.id]?.avatarPath == nil)
            let browser = try await Browser.signedIn(app, as: user)
            #expect(try await browser.get("/profile").text.contains("header-initials"))
        }
    }
}
