import Hummingbird
import LyceumHTTP
import NIOCore

/// The OpenAPI 3.1 description of `/api/v1`, served at `/api/v1/openapi.json`.
/// A test keeps it in step with the router: every route is documented and every documented route exists.
enum OpenAPIDocument {
    static let json = #"""
        {
          "openapi": "3.1.0",
          "info": {
            "title": "Lyceum API",
            "version": "1",
            "description": "JSON over HTTPS. Authenticate with `Authorization: Bearer <accessToken>`. Errors are `{\"error\": {\"code\", \"message\", \"fields\"?}}`; lists are `{\"items\", \"nextCursor\"}`. Every response carries `X-Request-Id`."
          },
          "servers": [{ "url": "/api/v1" }],
          "components": {
            "securitySchemes": { "bearer": { "type": "http", "scheme": "bearer", "bearerFormat": "JWT" } },
            "schemas": {
              "Error": {
                "type": "object", "required": ["error"],
                "properties": { "error": { "type": "object", "required": ["code", "message"], "properties": {
                  "code": { "type": "string", "examples": ["validation_failed"] },
                  "message": { "type": "string" },
                  "fields": { "type": "object", "additionalProperties": { "type": "string" } } } } }
              },
              "User": {
                "type": "object",
                "required": ["id", "email", "displayName", "role", "emailVerified", "active", "bio", "createdAt"],
                "properties": {
                  "id": { "type": "string", "format": "uuid" },
                  "email": { "type": "string", "format": "email" },
                  "displayName": { "type": "string", "maxLength": 100 },
                  "role": { "type": "string", "enum": ["student", "instructor", "admin"] },
                  "emailVerified": { "type": "boolean" },
                  "active": { "type": "boolean" },
                  "bio": { "type": ["string", "null"], "maxLength": 2000 },
                  "createdAt": { "type": "string", "format": "date-time" }
                }
              },
              "UserEnvelope": { "type": "object", "required": ["user"], "properties": { "user": { "$ref": "#/components/schemas/User" } } },
              "SignedIn": {
                "type": "object", "required": ["user", "accessToken", "accessTokenExpiresAt", "refreshToken", "tokenType"],
                "properties": {
                  "user": { "$ref": "#/components/schemas/User" },
                  "accessToken": { "type": "string", "description": "JWT, valid 15 minutes" },
                  "accessTokenExpiresAt": { "type": "string", "format": "date-time" },
                  "refreshToken": { "type": "string", "description": "single use; valid 30 days" },
                  "tokenType": { "const": "Bearer" }
                }
              },
              "UserPage": {
                "type": "object", "required": ["items", "nextCursor"],
                "properties": { "items": { "type": "array", "items": { "$ref": "#/components/schemas/User" } }, "nextCursor": { "type": ["string", "null"] } }
              },
              "Message": { "type": "object", "properties": { "message": { "type": "string" } } }
            },
            "responses": {
              "BadRequest": { "description": "Malformed body or query (`malformed_body`, `invalid_cursor`, ...)", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } },
              "Unauthenticated": { "description": "Missing, invalid or expired credentials", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } },
              "Forbidden": { "description": "The caller may not do this", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } },
              "NotFound": { "description": "No such resource", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } },
              "Conflict": { "description": "Conflicts with the current state", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } },
              "TooLarge": { "description": "Body over the limit", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } },
              "Unsupported": { "description": "Body is not JSON", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } },
              "Invalid": { "description": "Invalid values; `fields` names each", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } }
            }
          },
          "paths": {
            "/auth/register": { "post": {
              "summary": "Create a student account and sign in",
              "requestBody": { "required": true, "content": { "application/json": { "schema": { "type": "object", "required": ["email", "password", "displayName"], "properties": { "email": { "type": "string" }, "password": { "type": "string", "minLength": 10, "maxLength": 128 }, "displayName": { "type": "string" } } } } } },
              "responses": { "201": { "description": "Signed in", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/SignedIn" } } } },
                "400": { "$ref": "#/components/responses/BadRequest" }, "409": { "$ref": "#/components/responses/Conflict" }, "413": { "$ref": "#/components/responses/TooLarge" }, "415": { "$ref": "#/components/responses/Unsupported" }, "422": { "$ref": "#/components/responses/Invalid" } } } },
            "/auth/login": { "post": {
              "summary": "Sign in with email and password",
              "requestBody": { "required": true, "content": { "application/json": { "schema": { "type": "object", "required": ["email", "password"], "properties": { "email": { "type": "string" }, "password": { "type": "string" } } } } } },
              "responses": { "200": { "description": "Signed in", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/SignedIn" } } } },
                "401": { "$ref": "#/components/responses/Unauthenticated" }, "403": { "description": "`account_disabled`", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } } } } },
            "/auth/refresh": { "post": {
              "summary": "Exchange a refresh token for a new pair; reusing a rotated token revokes the session",
              "requestBody": { "required": true, "content": { "application/json": { "schema": { "type": "object", "required": ["refreshToken"], "properties": { "refreshToken": { "type": "string" } } } } } },
              "responses": { "200": { "description": "New pair", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/SignedIn" } } } },
                "401": { "$ref": "#/components/responses/Unauthenticated" } } } },
            "/auth/logout": { "post": {
              "summary": "End the session of the bearer token, or of `refreshToken` in the body",
              "security": [{}, { "bearer": [] }],
              "requestBody": { "required": false, "content": { "application/json": { "schema": { "type": "object", "properties": { "refreshToken": { "type": "string" } } } } } },
              "responses": { "204": { "description": "Signed out" }, "401": { "$ref": "#/components/responses/Unauthenticated" }, "422": { "$ref": "#/components/responses/Invalid" } } } },
            "/auth/verify-email": { "post": {
              "summary": "Confirm an email address with the token from the verification email",
              "requestBody": { "required": true, "content": { "application/json": { "schema": { "type": "object", "required": ["token"], "properties": { "token": { "type": "string" } } } } } },
              "responses": { "200": { "description": "Verified", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/UserEnvelope" } } } }, "400": { "$ref": "#/components/responses/BadRequest" } } } },
            "/auth/password-reset": { "post": {
              "summary": "Email a reset link if an account uses this address (always 202)",
              "requestBody": { "required": true, "content": { "application/json": { "schema": { "type": "object", "required": ["email"], "properties": { "email": { "type": "string" } } } } } },
              "responses": { "202": { "description": "Accepted", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Message" } } } } } } },
            "/auth/password-reset/confirm": { "post": {
              "summary": "Set a new password with a reset token; signs out every session",
              "requestBody": { "required": true, "content": { "application/json": { "schema": { "type": "object", "required": ["token", "password"], "properties": { "token": { "type": "string" }, "password": { "type": "string", "minLength": 10, "maxLength": 128 } } } } } },
              "responses": { "204": { "description": "Password changed" }, "400": { "$ref": "#/components/responses/BadRequest" }, "422": { "$ref": "#/components/responses/Invalid" } } } },
            "/me": {
              "get": { "summary": "The caller's account", "security": [{ "bearer": [] }],
                "responses": { "200": { "description": "The account", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/UserEnvelope" } } } }, "401": { "$ref": "#/components/responses/Unauthenticated" } } },
              "patch": { "summary": "Change display name and bio (empty bio clears it)", "security": [{ "bearer": [] }],
                "requestBody": { "required": true, "content": { "application/json": { "schema": { "type": "object", "properties": { "displayName": { "type": "string" }, "bio": { "type": "string" } } } } } },
                "responses": { "200": { "description": "Updated", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/UserEnvelope" } } } }, "401": { "$ref": "#/components/responses/Unauthenticated" }, "422": { "$ref": "#/components/responses/Invalid" } } } },
            "/me/password": { "put": { "summary": "Change password; signs out every other session", "security": [{ "bearer": [] }],
              "requestBody": { "required": true, "content": { "application/json": { "schema": { "type": "object", "required": ["currentPassword", "newPassword"], "properties": { "currentPassword": { "type": "string" }, "newPassword": { "type": "string", "minLength": 10, "maxLength": 128 } } } } } },
              "responses": { "204": { "description": "Changed" }, "401": { "$ref": "#/components/responses/Unauthenticated" }, "422": { "$ref": "#/components/responses/Invalid" } } } },
            "/me/verification-email": { "post": { "summary": "Send a new verification link", "security": [{ "bearer": [] }],
              "responses": { "202": { "description": "Sent", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Message" } } } }, "401": { "$ref": "#/components/responses/Unauthenticated" }, "409": { "$ref": "#/components/responses/Conflict" } } } },
            "/admin/users": { "get": { "summary": "List and search users, newest first (admins)", "security": [{ "bearer": [] }],
              "parameters": [
                { "name": "q", "in": "query", "schema": { "type": "string", "maxLength": 200 }, "description": "Case-insensitive substring of email or name" },
                { "name": "role", "in": "query", "schema": { "type": "string", "enum": ["student", "instructor", "admin"] } },
                { "name": "limit", "in": "query", "schema": { "type": "integer", "minimum": 1, "maximum": 100, "default": 20 } },
                { "name": "cursor", "in": "query", "schema": { "type": "string" } } ],
              "responses": { "200": { "description": "A page", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/UserPage" } } } }, "400": { "$ref": "#/components/responses/BadRequest" }, "401": { "$ref": "#/components/responses/Unauthenticated" }, "403": { "$ref": "#/components/responses/Forbidden" } } } },
            "/admin/users/{id}": { "patch": { "summary": "Change a user's role or active flag (admins); deactivation signs them out", "security": [{ "bearer": [] }],
              "parameters": [{ "name": "id", "in": "path", "required": true, "schema": { "type": "string" } }],
              "requestBody": { "required": true, "content": { "application/json": { "schema": { "type": "object", "properties": { "role": { "type": "string", "enum": ["student", "instructor", "admin"] }, "active": { "type": "boolean" } } } } } },
              "responses": { "200": { "description": "Updated", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/UserEnvelope" } } } }, "401": { "$ref": "#/components/responses/Unauthenticated" }, "403": { "$ref": "#/components/responses/Forbidden" }, "404": { "$ref": "#/components/responses/NotFound" }, "409": { "$ref": "#/components/responses/Conflict" }, "422": { "$ref": "#/components/responses/Invalid" } } } },
            "/openapi.json": { "get": { "summary": "This document", "responses": { "200": { "description": "OpenAPI 3.1" } } } }
          }
        }
        """#

    private static let body = ByteBuffer(string: json)

    static var endpoints: RouteCollection<AppRequestContext> {
        let routes = RouteCollection(context: AppRequestContext.self)
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
