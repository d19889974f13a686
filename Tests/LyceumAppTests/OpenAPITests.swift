import Foundation
import Hummingbird
import LyceumHTTP
import LyceumPlatform
@testable import LyceumApp
import LyceumTestSupport
import Testing

@Suite("OpenAPI document")
struct OpenAPITests {
    @Test("documents exactly the routes the router serves under /api/v1")
    func matchesRouter() async throws {
        try await TestDatabases.withFreshLocation(.sqlite) { location in
            guard case .sqlite(let directory) = location else { return }
            var configuration = LyceumConfiguration(dataDirectory: directory)
            configuration.bcryptCost = 4
            let services = try await buildServices(configuration: configuration, logger: TestDatabases.logger)
            let router: Router<AppRequestContext>
            do {
                router = try buildRouter(configuration: configuration, services: services)
            } catch {
                await services.database.shutdown()
                throw error
            }
            await services.database.shutdown()
            let served = Set(router.routes.compactMap { route -> String? in
                let path = route.path.description
                guard path.hasPrefix("/api/v1/") else { return nil }
                let documented = path.dropFirst("/api/v1".count).split(separator: "/").map { segment in
                    segment.hasPrefix(":") ? "{\(segment.dropFirst())}" : String(segment)
                }.joined(separator: "/")
                return "\(route.method.rawValue.lowercased()) /\(documented)"
            })
            let document = try #require(
                try JSONSerialization.jsonObject(with: Data(OpenAPIDocument.json.utf8)) as? [String: Any]
            )
            let paths = try #require(document["paths"] as? [String: [String: Any]])
            let documented = Set(paths.flatMap { path, operations in
                operations.keys.map { "\($0) \(path)" }
            })
            #expect(served == documented)
            #expect(served.count >= 14)
        }
    }

    @Test("is served at /api/v1/openapi.json")
    func served() async throws {
        try await TestApp.run(.sqlite) { app in
            let reply = try await app.request(.get, "/api/v1/openapi.json")
            #expect(reply.status == .ok)
            #expect(reply.json["openapi"] as? String == "3.1.0")
        }
    }
}
