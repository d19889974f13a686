import Foundation
import HTTPTypes
import LyceumApp
import LyceumContracts
import LyceumPlatform
import LyceumTestSupport
import Media
import NIOCore
import Testing

@Suite("Uploads: who may read, complete and delete; signed links")
struct UploadAccessTests {
    @Test("owner and admin always; others only through an attachment resolver; anonymous never (404, not 403)", arguments: TestEngine.available)
    func everyRoute(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let owner = try await app.register()
            let stranger = try await app.register()
            let reader = try await app.register()
            let admin = try await app.account(role: .admin)
            let id = try await app.uploadID(UploadSamples.pdf(), filename: "syllabus.pdf", token: owner.accessToken)
            try app.services.require(UploadReadAccessRegistry.self).register("test-attachment", TestAttachments([id: [reader.id]]))

            func status(_ method: HTTPRequest.Method, _ path: String, _ user: APIUser?) async throws -> Int {
                Int(try await app.request(method, path, json: method == .post ? [:] : nil, token: user?.accessToken).status.code)
            }
            let metadata = "/api/v1/uploads/\(id)"
            #expect(try await status(.get, metadata, owner) == 200)
            #expect(try await status(.get, metadata, admin) == 200)
            #expect(try await status(.get, metadata, reader) == 200)
            #expect(try await status(.get, metadata, stranger) == 404)
            #expect(try await status(.get, metadata, nil) == 401)
            let content = metadata + "/content"
            #expect(try await status(.get, content, owner) == 302)
            #expect(try await status(.get, content, admin) == 302)
            #expect(try await status(.get, content, reader) == 302)
            #expect(try await status(.get, content, stranger) == 404)
            #expect(try await status(.get, content, nil) == 401)
            let complete = metadata + "/complete"
            #expect(try await status(.post, complete, owner) == 200, "completing a ready upload answers it")
            #expect(try await status(.post, complete, admin) == 403)
            #expect(try await status(.post, complete, reader) == 403)
            #expect(try await status(.post, complete, stranger) == 404)
            #expect(try await status(.post, complete, nil) == 401)
            #expect(try await status(.delete, metadata, stranger) == 404)
            #expect(try await status(.delete, metadata, reader) == 403)
            #expect(try await status(.delete, metadata, nil) == 401)
            #expect(try await status(.delete, metadata, admin) == 204)
            #expect(try await status(.get, metadata, owner) == 404)
            #expect(try await app.storedMediaKeys().isEmpty)
            #expect(try await app.uploadRows().isEmpty)

            let own = try await app.uploadID(UploadSamples.pdf(), filename: "mine.pdf", token: owner.accessToken)
            #expect(try await status(.delete, "/api/v1/uploads/\(own)", owner) == 204)
            #expect(try await status(.delete, "/api/v1/uploads/\(own)", owner) == 404)
            #expect(try await status(.get, "/api/v1/uploads/not-a-uuid", owner) == 404)
            #expect(try await app.storedMediaKeys().isEmpty)
        }
    }

    @Test("signed links: tampered, expired, traversing or unsigned ones are refused; deleted files are gone")
    func signedLinks() async throws {
        try await TestApp.run(.sqlite) { app in
            let user = try await app.register()
            let id = try await app.uploadID(UploadSamples.pdf(), filename: "a.pdf", token: user.accessToken)
            let other = try await app.uploadID(UploadSamples.pdf(), filename: "b.pdf", token: user.accessToken)
            let redirect = try await app.request(.get, "/api/v1/uploads/\(id)/content", token: user.accessToken)
            let link = try TestApp.local(try #require(redirect.headers[.location]))
            #expect(try await app.raw(.get, link).status == .ok)

            let signature = try #require(link.split(separator: "signature=").last)
            #expect(try await app.raw(.get, link.replacingOccurrences(of: id, with: other)).errorCode == "invalid_link")
            #expect(try await app.raw(.get, link.replacingOccurrences(of: signature, with: String(repeating: "A", count: 43))).errorCode == "invalid_link")
            #expect(try await app.raw(.get, "/objects/media/\(id.prefix(2))/\(id)").errorCode == "invalid_link")
            #expect(try await app.raw(.get, "/objects/media/../../lyceum.sqlite?expires=9999999999&signature=\(signature)").status.code >= 400)
            #expect(try await app.raw(.get, "/objects/%2e%2e/lyceum.sqlite?expires=9999999999&signature=\(signature)").status.code >= 400)
            #expect(try await app.raw(.put, link, headers: [.contentType: "application/pdf"], body: ByteBuffer(string: "x")).errorCode == "invalid_link")

            app.clock.advance(by: 16 * 60)
            #expect(try await app.raw(.get, link).errorCode == "link_expired")
            app.clock.advance(by: -16 * 60)
            #expect(try await app.request(.delete, "/api/v1/uploads/\(id)", token: user.accessToken).status == .noContent)
            #expect(try await app.raw(.get, link).status == .notFound)
        }
    }

    @Test("the registry asks every registered kind and refuses a kind registered twice")
    func registry() async throws {
        let registry = UploadReadAccessRegistry()
        registry.register("lesson-attachment", TestAttachments(["u1": ["alice"]]))
        registry.register("post-attachment", TestAttachments(["u2": ["bob"]]))
        let alice = Principal(userID: "alice", role: .student, sessionID: "s")
        #expect(try await registry.canRead(alice, uploadID: "u1"))
        #expect(try await !registry.canRead(alice, uploadID: "u2"))
        #expect(try await registry.canRead(Principal(userID: "bob", role: .student, sessionID: "s"), uploadID: "u2"))
    }
}
