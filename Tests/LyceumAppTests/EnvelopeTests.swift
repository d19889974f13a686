import Foundation
import HTTPTypes
import Identity
import LyceumApp
import LyceumContracts
import LyceumCore
import LyceumPlatform
import LyceumTestSupport
import Testing

@Suite("Health, request ids and errors")
struct EnvelopeTests {
    @Test("live and ready answer ok; ready turns 503 while draining", arguments: TestEngine.available)
    func health(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let live = try await app.request(.get, "/health/live")
            #expect(live.status == .ok)
            #expect(live.json["status"] as? String == "ok")
            let ready = try await app.request(.get, "/health/ready")
            #expect(ready.status == .ok)
            let database = (ready.json["checks"] as? [String: Any])?["database"] as? [String: Any]
            #expect(database?["status"] as? String == "ok")
            #expect(database?["engine"] as? String == engine.rawValue)

            app.services.readiness.startDraining()
            let draining = try await app.request(.get, "/health/ready")
            #expect(draining.status == .serviceUnavailable)
            #expect(draining.json["status"] as? String == "unavailable")
            #expect(try await app.request(.get, "/health/live").status == .ok)
        }
    }

    @Test("/metrics answers Prometheus text with the build info")
    func metrics() async throws {
        try await TestApp.run(.sqlite) { app in
            let reply = try await app.request(.get, "/metrics")
            #expect(reply.status == .ok)
            #expect(reply.headers[.contentType]?.hasPrefix("text/plain; version=0.0.4") == true)
            #expect(reply.text.contains("lyceum_build_info{version=\"\(LyceumVersion.current)\"} 1"))
        }
    }

    @Test("readiness is 503 while migrations are pending")
    func pendingMigrations() async throws {
        try await TestApp.run(.sqlite, configure: { $0.migrateOnStart = false }) { app in
            let ready = try await app.request(.get, "/health/ready")
            #expect(ready.status == .serviceUnavailable)
            try await app.services.migrator.migrate()
            #expect(try await app.request(.get, "/health/ready").status == .ok)
        }
    }

    @Test("every response carries X-Request-Id; well-formed client ids are kept")
    func requestIDs() async throws {
        try await TestApp.run(.sqlite) { app in
            let generated = try await app.request(.get, "/health/live")
            let id = try #require(generated.headers[.requestID])
            #expect(id.count == 32)
            let kept = try await app.request(.get, "/health/live", headers: [.requestID: "client-id_42.a:b"])
            #expect(kept.headers[.requestID] == "client-id_42.a:b")
            let replaced = try await app.request(.get, "/health/live", headers: [.requestID: "bad id <script>"])
            #expect(replaced.headers[.requestID] != "bad id <script>")
            #expect(replaced.headers[.requestID]?.count == 32)
            let error = try await app.request(.get, "/api/v1/nothing-here", headers: [.requestID: "trace-me"])
            #expect(error.headers[.requestID] == "trace-me")
        }
    }

    @Test("unknown routes answer a JSON 404, browsers get an HTML page")
    func notFound() async throws {
        try await TestApp.run(.sqlite) { app in
            let api = try await app.request(.get, "/api/v1/nothing-here")
            #expect(api.status == .notFound)
            #expect(api.errorCode == "not_found")
            #expect(api.headers[.contentType]?.hasPrefix("application/json") == true)
            let wrongMethod = try await app.request(.delete, "/api/v1/me")
            #expect(wrongMethod.status.code == 404 || wrongMethod.status.code == 405)
            #expect(wrongMethod.errorCode != nil)
            let page = try await app.request(.get, "/no-such-page", headers: [.accept: "text/html,application/xhtml+xml"])
            #expect(page.status == .notFound)
            #expect(page.text.contains("Page not found"))
        }
    }
}
