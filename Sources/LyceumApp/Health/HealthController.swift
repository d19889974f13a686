import Foundation
import Hummingbird
import Logging
import LyceumCore
import LyceumHTTP
import LyceumPlatform

/// `/health/live` (the process answers) and `/health/ready` (dependencies reachable, schema current, not draining).
struct HealthController: Sendable {
    let database: any Database
    let migrator: Migrator
    let readiness: Readiness

    var endpoints: RouteCollection<AppRequestContext> {
        let routes = RouteCollection(context: AppRequestContext.self)
        routes.get("live", use: live)
        routes.get("ready", use: ready)
        return routes
    }

    private static let liveBody = ByteBuffer(string: #"{"status":"ok"}"#)

    @Sendable func live(_ request: Request, context: AppRequestContext) async throws -> Response {
        JSONResponse.bytes(Self.liveBody)
    }

    @Sendable func ready(_ request: Request, context: AppRequestContext) async throws -> Response {
        var checks = JSONWriter(capacity: 256)
        var healthy = true
        checks.beginObject()

        checks.key("database")
        checks.beginObject()
        let started = ContinuousClock.now
        do {
            let database = self.database
            let migrator = self.migrator
            let readiness = self.readiness
            let schemaCurrent = try await withDeadline(.seconds(2), "the readiness check") {
                try await database.ping()
                return try await readiness.isSchemaCurrent { try await migrator.pendingVersions().isEmpty }
            }
            let elapsed = ContinuousClock.now - started
            checks.key("status")
            checks.string(schemaCurrent ? "ok" : "unavailable")
            checks.key("engine")
            checks.string(database.engine.rawValue)
            checks.key("latencyMs")
            checks.int(Int(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000))
            if !schemaCurrent {
                checks.key("message")
                checks.string("migrations are pending; run lyceum migrate")
                healthy = false
            }
        } catch {
            context.logger.warning("Readiness: database unreachable", metadata: ["error": "\(String(reflecting: error))"])
            checks.key("status")
            checks.string("unavailable")
            checks.key("engine")
            checks.string(database.engine.rawValue)
            checks.key("message")
            checks.string("the database does not answer")
            healthy = false
        }
        checks.endObject()

        checks.key("shutdown")
        checks.beginObject()
        checks.key("status")
        checks.string(readiness.isDraining ? "draining" : "ok")
        checks.endObject()
        if readiness.isDraining { healthy = false }
        checks.endObject()

        var body = JSONWriter(capacity: 320)
        body.beginObject()
        body.key("status")
        body.string(healthy ? "ok" : "unavailable")
        body.key("checks")
        body.raw(checks.buffer)
        body.endObject()
        return JSONResponse.bytes(body.buffer, status: healthy ? .ok : .serviceUnavailable)
    }
}
