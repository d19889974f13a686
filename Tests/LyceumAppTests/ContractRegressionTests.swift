import Foundation
import HTTPTypes
import Identity
import LyceumApp
import LyceumContracts
import LyceumCore
import LyceumTestSupport
import NIOCore
import Testing

/// Server bugs that the contract tests (scripts/contract-test, schemathesis) found, each pinned by a test.
@Suite("Contract regressions")
struct ContractRegressionTests {
    @Test("deleting a quiz without a token answers 401, not whether the quiz exists", arguments: TestEngine.available)
    func deleteQuizNeedsTokenFirst(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let unknown = try await app.request(.delete, "/api/v1/quizzes/\(UUID().uuidString.lowercased())")
            #expect(unknown.status == .unauthorized)
            #expect(unknown.errorCode == "unauthenticated")
        }
    }

    @Test("search text with a control character (PostgreSQL refuses NUL in text) is 400 invalid_query on every list", arguments: TestEngine.available)
    func searchTextControlCharacters(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let cast = try await app.forumCast()
            for query in ["a%00b", "a%0Ab", "x%07"] {
                for path in [
                    "/api/v1/courses?q=\(query)", "/api/v1/admin/users?q=\(query)", "/api/v1/groups?q=\(query)",
                    "/api/v1/boards/\(cast.boardID)/threads?q=\(query)",
                ] {
                    let answer = try await app.request(.get, path, token: cast.admin.accessToken)
                    #expect(answer.status == .badRequest, "\(path): \(answer.text)")
                    #expect(answer.errorCode == "invalid_query", "\(path)")
                }
            }
            let spaced = try await app.request(.get, "/api/v1/boards/\(cast.boardID)/threads?q=%20%20", token: cast.admin.accessToken)
            #expect(spaced.status == .ok, "blank search text lists everything")
        }
    }

    @Test("a course whose title gives no slug is created with a made-up slug", arguments: TestEngine.available)
    func titleWithoutSlug(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let instructor = try await app.account(role: .instructor)
            for title in ["0", "数学入门", "C", String(repeating: "a", count: 79) + " b"] {
                let created = try await app.request(.post, "/api/v1/courses", json: ["title": title], token: instructor.accessToken)
                #expect(created.status == .created, "\(title): \(created.text)")
                let slug = try #require((created.json["course"] as? [String: Any])?["slug"] as? String)
                #expect(slug.count >= 3 && slug.count <= 80 && !slug.hasSuffix("-") && !slug.contains("--"), "\(slug)")
            }
        }
    }

    @Test("logout with a bearer token refuses a malformed body instead of ignoring it", arguments: TestEngine.available)
    func logoutChecksBody(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let user = try await app.register()
            let malformed = try await app.raw(
                .post, "/api/v1/auth/logout",
                headers: [.authorization: "Bearer \(user.accessToken)", .contentType: "application/json"],
                body: ByteBuffer(bytes: [0])
            )
            #expect(malformed.status == .badRequest)
            #expect(malformed.errorCode == "malformed_body")
            #expect(try await app.request(.get, "/api/v1/me", token: user.accessToken).status == .ok)
            let empty = try await app.request(.post, "/api/v1/auth/logout", token: user.accessToken)
            #expect(empty.status == .noContent)
            #expect(try await app.request(.get, "/api/v1/me", token: user.accessToken).status == .unauthorized)
        }
    }

    @Test("a number that does not fit an integer field is 422, not 400 'not valid JSON'", arguments: TestEngine.available)
    func numberOutOfRange(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let instructor = try await app.account(role: .instructor)
            for number in ["1.5", "1e30", "-8419016826335505940480"] {
                let reply = try await app.raw(
                    .post, "/api/v1/courses",
                    headers: [.authorization: "Bearer \(instructor.accessToken)", .contentType: "application/json"],
                    body: ByteBuffer(string: #"{"title": "Numbers", "priceMinor": "# + number + "}")
                )
                #expect(reply.status == .unprocessableContent, "\(number): \(reply.text)")
                #expect(reply.errorCode == "validation_failed")
            }
            let broken = try await app.raw(
                .post, "/api/v1/courses",
                headers: [.authorization: "Bearer \(instructor.accessToken)", .contentType: "application/json"],
                body: ByteBuffer(string: #"{"title": "Numbers", "priceMinor": 1.5"#)
            )
            #expect(broken.status == .badRequest)
            #expect(broken.errorCode == "malformed_body")
        }
    }

    @Test("course text limits count code points, as the document's maxLength does", arguments: TestEngine.available)
    func lengthsCountCodePoints(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let instructor = try await app.account(role: .instructor)
            // 31 characters on screen, 61 code points: each thumb carries a skin-tone modifier.
            let category = "a" + String(repeating: "\u{1F44D}\u{1F3FB}", count: 30)
            let tooLong = try await app.request(.post, "/api/v1/courses", json: ["title": "Thumbs", "category": category], token: instructor.accessToken)
            #expect(tooLong.status == .unprocessableContent, "\(tooLong.text)")
            #expect(tooLong.errorFields["category"] == "must be at most 60 characters")
            let fits = try await app.request(.post, "/api/v1/courses", json: ["title": "Thumbs", "category": String(category.unicodeScalars.dropFirst().map(Character.init))], token: instructor.accessToken)
            #expect(fits.status == .created, "\(fits.text)")
        }
    }
}
