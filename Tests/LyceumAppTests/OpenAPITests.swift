import Foundation
import HTTPTypes
import Hummingbird
import LyceumHTTP
import LyceumPlatform
@testable import LyceumApp
import LyceumTestSupport
import LyceumWeb
import Testing

@Suite("OpenAPI document")
struct OpenAPITests {
    @Test("documents exactly the routes the router serves under /api/v1")
    func matchesRouter() async throws {
        let (routes, json) = try await RouterRoutes.inspect()
        let served = Set(routes.compactMap { route -> String? in
            guard route.path.hasPrefix("/api/v1/") else { return nil }
            return "\(route.method.rawValue.lowercased()) \(route.path.dropFirst("/api/v1".count))"
        })
        let document = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
        let paths = try #require(document["paths"] as? [String: [String: Any]])
        let documented = Set(paths.flatMap { path, operations in
            operations.keys.map { "\($0) \(path)" }
        })
        #expect(served == documented)
        #expect(served.count >= 14)
    }

    /// The assembled document's operations: (path, method, operation).
    private func operations() async throws -> [(path: String, method: String, operation: [String: Any])] {
        let document = try #require(try JSONSerialization.jsonObject(with: await RouterRoutes.inspect().openAPIDocument) as? [String: Any])
        let paths = try #require(document["paths"] as? [String: [String: Any]])
        return paths.flatMap { path, item in
            item.compactMap { method, operation in (operation as? [String: Any]).map { (path, method, $0) } }
        }
    }

    @Test("every {param} of a path is declared as a required path parameter of every operation under it")
    func pathParameters() async throws {
        let operations = try await operations()
        #expect(operations.count >= 51)
        for (path, method, operation) in operations {
            let placeholders = Set(path.split(separator: "/").filter { $0.hasPrefix("{") && $0.hasSuffix("}") }.map { String($0.dropFirst().dropLast()) })
            let parameters = operation["parameters"] as? [[String: Any]] ?? []
            let declared = Set(parameters.filter { $0["in"] as? String == "path" }.compactMap { $0["name"] as? String })
            #expect(declared == placeholders, "\(method) \(path) declares path parameters \(declared.sorted()), expected \(placeholders.sorted())")
            for parameter in parameters where parameter["in"] as? String == "path" {
                #expect(parameter["required"] as? Bool == true, "\(method) \(path): path parameter \(parameter["name"] ?? "?") is not required")
                #expect(parameter["schema"] is [String: Any], "\(method) \(path): path parameter \(parameter["name"] ?? "?") has no schema")
            }
        }
    }

    @Test("every operation has a 2xx response with a schema (204 excepted; the WebSocket handshake answers 101; a redirect documents Location)")
    func successSchemas() async throws {
        for (path, method, operation) in try await operations() {
            let responses = try #require(operation["responses"] as? [String: Any], "\(method) \(path) has no responses")
            if path == "/realtime" {
                #expect(responses["101"] != nil && responses["426"] != nil, "the socket's handshake answers 101, or 426 without one")
                continue
            }
            let success = responses.filter { $0.key.hasPrefix("2") }
            if success.isEmpty, let redirect = responses["302"] as? [String: Any] {
                #expect((redirect["headers"] as? [String: Any])?["Location"] != nil, "\(method) \(path) redirects without documenting Location")
                continue
            }
            #expect(!success.isEmpty, "\(method) \(path) has no 2xx response")
            for (status, response) in success where status != "204" {
                let content = (response as? [String: Any])?["content"] as? [String: Any] ?? [:]
                let schemas = content.values.compactMap { ($0 as? [String: Any])?["schema"] }
                #expect(!schemas.isEmpty, "\(method) \(path) \(status) has no schema")
            }
        }
    }

    @Test("every operation that needs a token declares bearer security")
    func security() async throws {
        // Probe each operation without credentials: a 401 answer means it needs a token.
        try await TestApp.run(.sqlite) { app in
            for (path, method, operation) in try await self.operations() where path != "/openapi.json" {
                let concrete = path.split(separator: "/").map { segment in
                    segment.hasPrefix("{") ? (segment == "{course}" ? "no-such-course" : "00000000-0000-4000-8000-000000000000") : String(segment)
                }.joined(separator: "/")
                let reply = try await app.request(
                    HTTPRequest.Method(method.uppercased())!, "/api/v1/" + concrete,
                    json: operation["requestBody"] == nil ? nil : [:]
                )
                let security = operation["security"] as? [[String: [String]]]
                if reply.status == .unauthorized {
                    #expect(security?.contains { $0["bearer"] != nil } == true, "\(method) \(path) answers 401 without a token but declares no bearer security")
                }
                if security?.count == 1, security?.first?["bearer"] != nil {
                    // Without a body to check first, a protected operation must refuse the anonymous caller with 401.
                    #expect(reply.status.code >= 400, "\(method) \(path) requires a token but succeeded without one")
                    if operation["requestBody"] == nil {
                        #expect(reply.status == .unauthorized, "\(method) \(path) requires bearer security but answered \(reply.status.code) without a token")
                    }
                }
                #expect((operation["responses"] as? [String: Any])?[String(reply.status.code)] != nil,
                        "\(method) \(path) answered \(reply.status.code) without a token, which it does not document")
            }
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
