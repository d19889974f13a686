import Foundation
import Hummingbird
import LyceumHTTP
import NIOCore

/// The OpenAPI 3.1 description of `/api/v1`, served at `/api/v1/openapi.json`.
///
/// The base document below holds what every domain shares (the bearer scheme, the `Error` schema and the
/// standard error responses); each module describes its own routes in a fragment (`LyceumModule.openAPIFragment`)
/// that references those shared pieces. The fragments are merged into the base once, at
/// start-up, and the result is served as sorted-key JSON. Tests keep the document in step with the router.
struct OpenAPIDocument: Sendable {
    /// The shared part of the document: info, servers, security scheme, `Error`, the standard error responses.
    static let base = #"""
        {
          "openapi": "3.1.0",
          "info": {
            "title": "Lyceum API",
            "version": "1",
            "description": "JSON over HTTPS. Authenticate with `Authorization: Bearer <accessToken>` (from register, login or refresh). Errors are `{\"error\": {\"code\", \"message\", \"fields\"?}}` with the matching status; lists are `{\"items\", \"nextCursor\"}`. Every response carries `X-Request-Id`."
          },
          "servers": [{ "url": "/api/v1" }],
          "components": {
            "securitySchemes": { "bearer": { "type": "http", "scheme": "bearer", "bearerFormat": "JWT" } },
            "schemas": {
              "Error": {
                "type": "object", "required": ["error"], "additionalProperties": false,
                "properties": { "error": { "type": "object", "required": ["code", "message"], "additionalProperties": false, "properties": {
                  "code": { "type": "string", "pattern": "^[a-z_]+$", "examples": ["validation_failed"] },
                  "message": { "type": "string" },
                  "fields": { "type": "object", "additionalProperties": { "type": "string" }, "description": "For 422: each invalid field and what is wrong with it" } } } }
              }
            },
            "responses": {
              "BadRequest": { "description": "Malformed body or query (`malformed_body`, `invalid_cursor`, ...)", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } },
              "Unauthenticated": { "description": "Missing, invalid or expired credentials (`unauthenticated`, `invalid_token`, `token_expired`, `session_revoked`)", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } },
              "Forbidden": { "description": "The caller may not do this", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } },
              "NotFound": { "description": "No such resource, or the caller may not know it exists", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } },
              "Conflict": { "description": "Conflicts with the current state", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } },
              "TooLarge": { "description": "`payload_too_large`: the body is over the configured limit", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } },
              "Unsupported": { "description": "`unsupported_media_type`: the body is not JSON", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } },
              "Invalid": { "description": "`validation_failed` (`fields` names each invalid field) or another rule of the operation", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } },
              "RateLimited": { "description": "`rate_limited`: too many requests; retry after `Retry-After` seconds", "headers": { "Retry-After": { "schema": { "type": "integer", "minimum": 0 } } }, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } }
            }
          },
          "paths": {
            "/openapi.json": { "get": {
              "summary": "This document", "operationId": "openAPIDocument",
              "responses": { "200": { "description": "OpenAPI 3.1", "content": { "application/json": { "schema": { "type": "object", "required": ["openapi", "info", "paths"] } } } } } } }
          }
        }
        """#

    /// The document as served: sorted keys, no escaped slashes.
    let json: Data

    /// Merges each fragment's `paths` and `components` into the base document.
    /// - Throws: when a fragment is not a JSON object, or two fragments describe the same path or component.
    init(fragments: [String]) throws {
        var document = try Self.object(Self.base)
        var paths = document["paths"] as? [String: Any] ?? [:]
        var components = document["components"] as? [String: Any] ?? [:]
        for text in fragments {
            let fragment = try Self.object(text)
            for (path, item) in fragment["paths"] as? [String: Any] ?? [:] {
                guard paths[path] == nil else { throw AssemblyError(description: "path \(path) is described twice") }
                paths[path] = item
            }
            for (kind, entries) in fragment["components"] as? [String: Any] ?? [:] {
                var merged = components[kind] as? [String: Any] ?? [:]
                for (name, value) in entries as? [String: Any] ?? [:] {
                    guard merged[name] == nil else { throw AssemblyError(description: "component \(kind)/\(name) is defined twice") }
                    merged[name] = value
                }
                components[kind] = merged
            }
        }
        // The general API budget applies to every operation, so each may answer 429.
        for (path, item) in paths {
            guard var operations = item as? [String: Any] else { continue }
            for (method, value) in operations {
                guard var operation = value as? [String: Any], var responses = operation["responses"] as? [String: Any] else { continue }
                if responses["429"] == nil { responses["429"] = ["$ref": "#/components/responses/RateLimited"] }
                operation["responses"] = responses
                operations[method] = operation
            }
            paths[path] = operations
        }
        document["components"] = components
        document["paths"] = paths
        self.json = try JSONSerialization.data(withJSONObject: document, options: [.sortedKeys, .withoutEscapingSlashes])
    }

    /// The OpenAPI fragments of the modules do not fit together.
    struct AssemblyError: Error, CustomStringConvertible {
        let description: String
    }

    private static func object(_ text: String) throws -> [String: Any] {
        guard let value = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else {
            throw AssemblyError(description: "a fragment is not a JSON object")
        }
        return value
    }

    /// `GET /openapi.json`.
    var endpoints: RouteCollection<AppRequestContext> {
        let routes = RouteCollection(context: AppRequestContext.self)
        let body = ByteBuffer(bytes: json)
        routes.get("openapi.json") { _, _ in
            Response(
                status: .ok,
                headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "public, max-age=300"],
                body: .init(byteBuffer: body)
            )
        }
        return routes
    }
}
