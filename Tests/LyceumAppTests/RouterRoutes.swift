import Foundation
import HTTPTypes
import Hummingbird
@testable import LyceumApp
import LyceumHTTP
import LyceumPlatform
import LyceumTestSupport
import LyceumWeb
import Testing

/// One route the router serves.
struct ServedRoute: Hashable, Sendable, CustomStringConvertible {
    let method: HTTPRequest.Method
    /// The path with `{name}` parameters, e.g. `/courses/{course}/lessons/{lesson}`.
    let path: String

    var isAPI: Bool { path.hasPrefix("/api/") }
    var description: String { "\(method.rawValue) \(path)" }
}

enum RouterRoutes {
    /// Every route of the application's router, as `buildApplication` assembles it.
    static func all() async throws -> [ServedRoute] {
        try await inspect().routes
    }

    /// The served routes and the OpenAPI document, from one application built on a throwaway SQLite database.
    static func inspect() async throws -> (routes: [ServedRoute], openAPIDocument: Data) {
        try await TestDatabases.withFreshLocation(.sqlite) { location in
            guard case .sqlite(let directory) = location else { return ([], Data()) }
            var configuration = LyceumConfiguration(dataDirectory: directory)
            configuration.bcryptCost = 4
            let services = try await buildServices(configuration: configuration, logger: TestDatabases.logger)
            let router: Router<AppRequestContext>
            let document: Data
            do {
                router = try buildRouter(configuration: configuration, services: services)
                document = try OpenAPIDocument(fragments: services.modules.flatMap(\.openAPIFragments)).json
            } catch {
                await services.database.shutdown()
                throw error
            }
            await services.database.shutdown()
            let routes = router.routes.map { ServedRoute(method: $0.method, path: $0.path.description) }
                .sorted { ($0.path, $0.method.rawValue) < ($1.path, $1.method.rawValue) }
            return (routes, document)
        }
    }
}
