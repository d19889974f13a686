import Foundation
import HTTPTypes
import LyceumApp
import LyceumCore
@testable import LyceumPlatform
import LyceumTestSupport
@testable import Media
import NIOCore
import SQLKit
import Testing

@Suite("Uploads: the cleanup job")
struct UploadCleanupTests {
    @Test("abandoned pending uploads and failed ones go, objects first; fresh and ready ones stay", arguments: TestEngine.available)
    func removesAbandoned(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            #expect(app.services.jobs.registry.recurring.contains { $0.jobName == RemoveAbandonedUploads.jobName })
            var user = try await app.register()
            func presign(_ name: String) async throws -> (id: String, url: String) {
                let reply = try await DirectUploadTests.presign(app, user, purpose: "attachment", filename: name, size: 2_000, contentType: "application/pdf")
                let id = try #require((reply.json["upload"] as? [String: Any])?["id"] as? String)
                let url = try TestApp.local(try #require((reply.json["uploadRequest"] as? [String: Any])?["url"] as? String))
                return (id, url)
            }
            let ready = try await app.uploadID(UploadSamples.pdf(), filename: "kept.pdf", token: user.accessToken)
            _ = try await presign("never-sent.pdf")
            let sentNotCompleted = try await presign("sent.pdf")
            #expect(try await app.raw(.put, sentNotCompleted.url, headers: [.contentType: "application/pdf"], body: ByteBuffer(bytes: UploadSamples.pdf(size: 2_000))).status == .ok)
            let failed = try await presign("failed.pdf")
            #expect(try await app.raw(.put, failed.url, headers: [.contentType: "application/pdf"], body: ByteBuffer(bytes: UploadSamples.pdf(size: 2_000))).status == .ok)
            // As if the store had failed while a refused file was being deleted.
            try await app.services.database.write { sql in
                try await sql.update("uploads").set("status", to: "failed").where("id", .equal, failed.id).run()
            }
            #expect(try await app.storedMediaKeys().count == 3)

            app.clock.advance(by: 25 * 3_600)
            user = try await app.login(user.email, password: user.password)
            let fresh = try await presign("fresh.pdf")
            _ = try await app.services.jobs.enqueue(RemoveAbandonedUploads())
            try await withDeadline(.seconds(20), "the cleanup job") {
                while try await app.uploadRows().count > 2 { try await Task.sleep(for: .milliseconds(20)) }
            }
            #expect(try await app.uploadRows() == [ready: "ready", fresh.id: "pending"])
            #expect(try await app.storedMediaKeys() == ["media/\(ready.prefix(2))/\(ready)"])
            #expect(try await app.media.removeAbandoned() == 0)
        }
    }
}
