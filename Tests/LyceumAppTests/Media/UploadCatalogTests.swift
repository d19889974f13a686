import Foundation
import HTTPTypes
import LyceumApp
import LyceumContracts
import LyceumTestSupport
import Testing

@Suite("Uploads: the catalog other domains attach through")
struct UploadCatalogTests {
    @Test("only the owner's (or an admin's) ready upload of an allowed purpose is attachable; lookups skip the rest", arguments: TestEngine.available)
    func attachable(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let catalog = try app.services.require((any UploadCatalog).self)
            let owner = try await app.register()
            let stranger = try await app.register()
            let admin = try await app.account(role: .admin)
            let ownerPrincipal = Principal(userID: owner.id, role: .student, sessionID: "test")
            let strangerPrincipal = Principal(userID: stranger.id, role: .student, sessionID: "test")
            let adminPrincipal = Principal(userID: admin.id, role: .admin, sessionID: "test")
            let pdf = try await app.uploadID(UploadSamples.pdf(size: 3_000), filename: "notes.pdf", token: owner.accessToken)

            let attached = try #require(try await catalog.attachable(ownerPrincipal, uploadID: pdf, purposes: ["attachment"]))
            #expect(attached == AttachedUpload(id: pdf, ownerID: owner.id, purpose: "attachment", filename: "notes.pdf", size: 3_000, contentType: "application/pdf"))
            #expect(attached.contentPath == "/api/v1/uploads/\(pdf)/content")
            #expect(try await catalog.attachable(adminPrincipal, uploadID: pdf, purposes: ["attachment"]) == attached)
            #expect(try await catalog.attachable(strangerPrincipal, uploadID: pdf, purposes: ["attachment"]) == nil, "someone else's")
            #expect(try await catalog.attachable(ownerPrincipal, uploadID: pdf, purposes: ["video", "avatar"]) == nil, "another purpose")
            #expect(try await catalog.attachable(ownerPrincipal, uploadID: "not-a-uuid", purposes: ["attachment"]) == nil)
            #expect(try await catalog.attachable(ownerPrincipal, uploadID: UUID().uuidString.lowercased(), purposes: ["attachment"]) == nil)

            let presigned = try await app.request(
                .post, "/api/v1/uploads/presign",
                json: ["purpose": "attachment", "filename": "later.pdf", "size": 2_000, "contentType": "application/pdf"], token: owner.accessToken
            )
            let pending = try #require((presigned.json["upload"] as? [String: Any])?["id"] as? String)
            #expect(try await catalog.attachable(ownerPrincipal, uploadID: pending, purposes: ["attachment"]) == nil, "not ready yet")

            #expect(try await catalog.attached(ids: [pdf, pending, "junk"]).keys.sorted() == [pdf])
            #expect(try await catalog.embedURL(ownerPrincipal, uploadID: pdf)?.contains("signature=") == true)
            #expect(try await catalog.embedURL(strangerPrincipal, uploadID: pdf) == nil)
            #expect(try await catalog.embedURL(ownerPrincipal, uploadID: pending) == nil)

            #expect(try await app.request(.delete, "/api/v1/uploads/\(pdf)", token: owner.accessToken).status == .noContent)
            #expect(try await catalog.attached(ids: [pdf]).isEmpty)
            #expect(try await catalog.attachable(ownerPrincipal, uploadID: pdf, purposes: ["attachment"]) == nil)
        }
    }
}
