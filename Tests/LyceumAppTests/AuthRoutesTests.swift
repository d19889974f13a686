import Foundation
import HTTPTypes
import Identity
import LyceumApp
import LyceumContracts
import LyceumCore
import LyceumPlatform
import LyceumTestSupport
import NIOCore
import SQLKit
import Testing

@Suite("Auth API")
struct AuthRoutesTests {
    @Test("register answers 201 with the user and a token pair, never a hash", arguments: TestEngine.available)
    func register(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let reply = try await app.request(
                .post, "/api/v1/auth/register",
                json: ["email": "  Ada@Example.ORG ", "password": "correct horse battery", "displayName": " Ada Lovelace "]
            )
            #expect(reply.status == .created)
            let user = reply.user
            #expect(user["email"] as? String == "ada@example.org")
            #expect(user["displayName"] as? String == "Ada Lovelace")
            #expect(user["role"] as? String == "student")
            #expect(user["emailVerified"] as? Bool == false)
            #expect(user["createdAt"] is String)
            #expect(Set(user.keys).isSuperset(of: ["id", "email", "displayName", "role", "emailVerified", "createdAt"]))
            #expect(reply.json["accessToken"] is String)
            #expect(reply.json["refreshToken"] is String)
            #expect(!reply.text.contains("$2b$"))
            #expect(!reply.text.lowercased().contains("password"))

            let me = try await app.request(.get, "/api/v1/me", token: reply.json["accessToken"] as? String)
            #expect(me.status == .ok)
            #expect(me.user["id"] as? String == user["id"] as? String)
        }
    }

    @Test("an email registered in any letter case is taken: 409 email_taken", arguments: TestEngine.available)
    func duplicateEmail(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            try await app.register("grace@example.org")
            let reply = try await app.request(
                .post, "/api/v1/auth/register",
                json: ["email": "GRACE@example.org", "password": "another long password", "displayName": "Grace"]
            )
            #expect(reply.status == .conflict)
            #expect(reply.errorCode == "email_taken")
        }
    }

    @Test("invalid values answer 422 naming every bad field", arguments: TestEngine.available)
    func validation(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let reply = try await app.request(
                .post, "/api/v1/auth/register", json: ["email": "not-an-email", "password": "short", "displayName": "   "]
            )
            #expect(reply.status == .unprocessableContent)
            #expect(reply.errorCode == "validation_failed")
            #expect(Set(reply.errorFields.keys) == ["email", "password", "displayName"])

            let tooLong = try await app.request(
                .post, "/api/v1/auth/register",
                json: ["email": "long@example.org", "password": String(repeating: "x", count: 129), "displayName": "Long"]
            )
            #expect(tooLong.status == .unprocessableContent)
            #expect(tooLong.errorFields["password"] != nil)

            let missing = try await app.request(.post, "/api/v1/auth/register", json: ["email": "a@example.org"])
            #expect(missing.status == .unprocessableContent)
            #expect(missing.errorFields["password"] == "is required")

            let wrongType = try await app.request(
                .post, "/api/v1/auth/register", json: ["email": 42, "password": "long enough pass", "displayName": "X"]
            )
            #expect(wrongType.status == .unprocessableContent)
            #expect(wrongType.errorFields["email"] == "has the wrong type")
        }
    }

    @Test("malformed JSON is 400, a non-JSON body 415, an oversized body 413", arguments: TestEngine.available)
    func badBodies(engine: TestEngine) async throws {
        try await TestApp.run(engine, configure: { $0.maxBodyBytes = 4096 }) { app in
            let malformed = try await app.raw(
                .post, "/api/v1/auth/login", headers: [.contentType: "application/json"], body: ByteBuffer(string: "{\"email\": ")
            )
            #expect(malformed.status == .badRequest)
            #expect(malformed.errorCode == "malformed_body")

            let array = try await app.raw(
                .post, "/api/v1/auth/login", headers: [.contentType: "application/json"], body: ByteBuffer(string: "[1,2]")
            )
            #expect(array.status == .badRequest)
            #expect(array.errorCode == "malformed_body")

            let blankType = try await app.raw(.post, "/api/v1/auth/login", headers: [.contentType: ""], body: ByteBuffer(string: "{}"))
            #expect(blankType.status == .unsupportedMediaType)
            let semicolon = try await app.raw(.post, "/api/v1/auth/login", headers: [.contentType: ";"], body: ByteBuffer(string: "{}"))
            #expect(semicolon.status == .unsupportedMediaType)

            let empty = try await app.raw(.post, "/api/v1/auth/login", headers: [.contentType: "application/json"])
            #expect(empty.status == .badRequest)

            let form = try await app.raw(
                .post, "/api/v1/auth/login", headers: [.contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "email=a&password=b")
            )
            #expect(form.status == .unsupportedMediaType)
            #expect(form.errorCode == "unsupported_media_type")

            let huge = "{\"email\": \"" + String(repeating: "a", count: 10_000) + "\"}"
            let oversized = try await app.raw(
                .post, "/api/v1/auth/register", headers: [.contentType: "application/json"], body: ByteBuffer(string: huge)
            )
            #expect(oversized.status == .contentTooLarge)
            #expect(oversized.errorCode == "payload_too_large")
            let count = try await app.services.identity().listUsers(
                Principal(userID: "x", role: .admin, sessionID: "x"), query: nil, role: nil, limit: 10, cursor: nil
            ).users.count
            #expect(count == 0)
        }
    }

    @Test("Unicode emails and names are accepted, normalised and found again", arguments: TestEngine.available)
    func unicode(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let decomposed = "Zoe\u{0308}@Bücher.example"
            let reply = try await app.request(
                .post, "/api/v1/auth/register",
                json: ["email": decomposed, "password": "pässwörd with ümlauts 🎓", "displayName": "Zoë 山田 🎓"]
            )
            #expect(reply.status == .created)
            #expect(reply.user["email"] as? String == "zo\u{00EB}@bücher.example")
            #expect(reply.user["displayName"] as? String == "Zoë 山田 🎓")
            let login = try await app.request(
                .post, "/api/v1/auth/login", json: ["email": "ZOË@BÜCHER.EXAMPLE", "password": "pässwörd with ümlauts 🎓"]
            )
            #expect(login.status == .ok)
        }
    }

    @Test("concurrent registrations of one email: exactly one wins", arguments: TestEngine.available)
    func concurrentRegistration(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let statuses = try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                for index in 0..<8 {
                    group.addTask {
                        try await app.request(
                            .post, "/api/v1/auth/register",
                            json: ["email": index % 2 == 0 ? "race@example.org" : "RACE@example.org",
                                   "password": "a long enough password", "displayName": "Racer \(index)"]
                        ).status
                    }
                }
                var all: [HTTPResponse.Status] = []
                for try await status in group { all.append(status) }
                return all
            }
            #expect(statuses.filter { $0 == .created }.count == 1)
            #expect(statuses.filter { $0 == .conflict }.count == 7)
        }
    }

    @Test("login: wrong password and unknown email look the same; deactivated is 403", arguments: TestEngine.available)
    func login(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let user = try await app.register("lin@example.org")
            let wrong = try await app.request(.post, "/api/v1/auth/login", json: ["email": user.email, "password": "not the password"])
            let unknown = try await app.request(.post, "/api/v1/auth/login", json: ["email": "nobody@example.org", "password": "not the password"])
            #expect(wrong.status == .unauthorized)
            #expect(unknown.status == .unauthorized)
            #expect(wrong.errorCode == "invalid_credentials")
            #expect(wrong.text == unknown.text)

            let admin = try await app.account(role: .admin)
            let patch = try await app.request(.patch, "/api/v1/admin/users/\(user.id)", json: ["active": false], token: admin.accessToken)
            #expect(patch.status == .ok)
            let disabled = try await app.request(.post, "/api/v1/auth/login", json: ["email": user.email, "password": user.password])
            #expect(disabled.status == .forbidden)
            #expect(disabled.errorCode == "account_disabled")
            let disabledWrong = try await app.request(.post, "/api/v1/auth/login", json: ["email": user.email, "password": "not the password"])
            #expect(disabledWrong.status == .unauthorized)
        }
    }

    @Test("refresh rotates; reusing a rotated token revokes the whole session family", arguments: TestEngine.available)
    func refreshReuse(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let user = try await app.register()
            let first = try await app.request(.post, "/api/v1/auth/refresh", json: ["refreshToken": user.refreshToken])
            #expect(first.status == .ok)
            let secondToken = try #require(first.json["refreshToken"] as? String)
            let secondAccess = try #require(first.json["accessToken"] as? String)
            #expect(secondToken != user.refreshToken)
            #expect(try await app.request(.get, "/api/v1/me", token: secondAccess).status == .ok)

            let reuse = try await app.request(.post, "/api/v1/auth/refresh", json: ["refreshToken": user.refreshToken])
            #expect(reuse.status == .unauthorized)
            #expect(reuse.errorCode == "refresh_token_reused")

            let afterReuse = try await app.request(.post, "/api/v1/auth/refresh", json: ["refreshToken": secondToken])
            #expect(afterReuse.status == .unauthorized)
            let me = try await app.request(.get, "/api/v1/me", token: secondAccess)
            #expect(me.status == .unauthorized)
            #expect(me.errorCode == "session_revoked")

            let other = try await app.login(user.email, password: user.password)
            #expect(try await app.request(.get, "/api/v1/me", token: other.accessToken).status == .ok)

            let garbage = try await app.request(.post, "/api/v1/auth/refresh", json: ["refreshToken": "nonsense"])
            #expect(garbage.errorCode == "invalid_refresh_token")
        }
    }

    @Test("concurrent refreshes of one token: one rotates, the rest are treated as reuse", arguments: TestEngine.available)
    func concurrentRefresh(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let user = try await app.register()
            let statuses = try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                for _ in 0..<4 {
                    group.addTask {
                        try await app.request(.post, "/api/v1/auth/refresh", json: ["refreshToken": user.refreshToken]).status
                    }
                }
                var all: [HTTPResponse.Status] = []
                for try await status in group { all.append(status) }
                return all
            }
            #expect(statuses.filter { $0 == .ok }.count <= 1)
            #expect(statuses.filter { $0 == .unauthorized }.count >= 3)
        }
    }

    @Test("access tokens expire after 15 minutes; refresh tokens keep working", arguments: TestEngine.available)
    func expiry(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let user = try await app.register()
            app.clock.advance(by: 15 * 60 + 1)
            let expired = try await app.request(.get, "/api/v1/me", token: user.accessToken)
            #expect(expired.status == .unauthorized)
            #expect(expired.errorCode == "token_expired")
            let refreshed = try await app.request(.post, "/api/v1/auth/refresh", json: ["refreshToken": user.refreshToken])
            #expect(refreshed.status == .ok)
            let tampered = user.accessToken.dropLast(2) + "xx"
            #expect(try await app.request(.get, "/api/v1/me", token: String(tampered)).errorCode == "invalid_token")
        }
    }

    @Test("logout revokes the session, by bearer token or by refresh token", arguments: TestEngine.available)
    func logout(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let user = try await app.register()
            let out = try await app.request(.post, "/api/v1/auth/logout", token: user.accessToken)
            #expect(out.status == .noContent)
            #expect(try await app.request(.get, "/api/v1/me", token: user.accessToken).status == .unauthorized)
            #expect(try await app.request(.post, "/api/v1/auth/refresh", json: ["refreshToken": user.refreshToken]).status == .unauthorized)

            let again = try await app.login(user.email, password: user.password)
            let byRefresh = try await app.request(.post, "/api/v1/auth/logout", json: ["refreshToken": again.refreshToken])
            #expect(byRefresh.status == .noContent)
            #expect(try await app.request(.get, "/api/v1/me", token: again.accessToken).status == .unauthorized)
            let anonymous = try await app.request(.post, "/api/v1/auth/logout", json: [:])
            #expect(anonymous.status == .unprocessableContent)
        }
    }

    @Test("a mail failure does not fail the registration; the mail job retries and delivers", arguments: TestEngine.available)
    func mailFailure(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            // Delivery breaks for real: the embedded mailer's table is gone.
            try await app.services.database.write { sql in try await sql.raw("ALTER TABLE mail_outbox RENAME TO mail_outbox_away").run() }
            let user = try await app.register("unlucky@example.org")
            var failed: JobRecord?
            let deadline = ContinuousClock.now + .seconds(15)
            while failed == nil, ContinuousClock.now < deadline {
                failed = try await app.services.jobs.list(state: .retrying, queue: "mail").first
                try await Task.sleep(for: .milliseconds(20))
            }
            let job = try #require(failed, "the mail job did not fail and wait to retry")
            #expect(job.name == SendMail.jobName)
            #expect(job.lastError?.isEmpty == false)
            try await app.services.database.write { sql in try await sql.raw("ALTER TABLE mail_outbox_away RENAME TO mail_outbox").run() }
            try await app.services.jobs.retry(id: job.id)
            let token = try await app.tokenFromMail(to: user.email, path: "/verify-email")
            #expect(try await app.request(.post, "/api/v1/auth/verify-email", json: ["token": token]).status == .ok)
        }
    }

    @Test("email verification links work once and expire", arguments: TestEngine.available)
    func verifyEmail(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let user = try await app.register("verify@example.org")
            let token = try await app.tokenFromMail(to: user.email, path: "/verify-email")
            // Read once first, so the account is cached when the link is used.
            #expect(try await app.request(.get, "/api/v1/me", token: user.accessToken).user["emailVerified"] as? Bool == false)
            let verified = try await app.request(.post, "/api/v1/auth/verify-email", json: ["token": token])
            #expect(verified.status == .ok)
            #expect(verified.user["emailVerified"] as? Bool == true)
            #expect(try await app.request(.get, "/api/v1/me", token: user.accessToken).user["emailVerified"] as? Bool == true)
            let again = try await app.request(.post, "/api/v1/auth/verify-email", json: ["token": token])
            #expect(again.status == .badRequest)
            #expect(again.errorCode == "invalid_token")
            #expect(try await app.request(.post, "/api/v1/me/verification-email", token: user.accessToken).status == .conflict)

            let late = try await app.register("late@example.org")
            let lateToken = try await app.tokenFromMail(to: late.email, path: "/verify-email")
            app.clock.advance(by: 49 * 3600)
            #expect(try await app.request(.post, "/api/v1/auth/verify-email", json: ["token": lateToken]).status == .badRequest)
        }
    }

    @Test("password reset: always 202, single-use token, old password and every session dropped", arguments: TestEngine.available)
    func passwordReset(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let user = try await app.register("reset@example.org")
            let unknown = try await app.request(.post, "/api/v1/auth/password-reset", json: ["email": "ghost@example.org"])
            #expect(unknown.status == .accepted)
            #expect(try await app.mail(to: "ghost@example.org").isEmpty)

            let known = try await app.request(.post, "/api/v1/auth/password-reset", json: ["email": "RESET@example.org"])
            #expect(known.status == .accepted)
            #expect(known.text == unknown.text)
            let token = try await app.tokenFromMail(to: user.email, path: "/reset-password")

            let weak = try await app.request(.post, "/api/v1/auth/password-reset/confirm", json: ["token": token, "password": "short"])
            #expect(weak.status == .unprocessableContent)

            let done = try await app.request(
                .post, "/api/v1/auth/password-reset/confirm", json: ["token": token, "password": "a brand new password"]
            )
            #expect(done.status == .noContent)
            #expect(try await app.request(.get, "/api/v1/me", token: user.accessToken).status == .unauthorized)
            let oldLogin = try await app.request(.post, "/api/v1/auth/login", json: ["email": user.email, "password": user.password])
            #expect(oldLogin.status == .unauthorized)
            let newLogin = try await app.login(user.email, password: "a brand new password")
            #expect(try await app.request(.get, "/api/v1/me", token: newLogin.accessToken).user["emailVerified"] as? Bool == true)

            let reused = try await app.request(
                .post, "/api/v1/auth/password-reset/confirm", json: ["token": token, "password": "yet another password"]
            )
            #expect(reused.status == .badRequest)
            #expect(reused.errorCode == "invalid_token")

            _ = try await app.request(.post, "/api/v1/auth/password-reset", json: ["email": user.email])
            let expiring = try await app.tokenFromMail(to: user.email, path: "/reset-password")
            app.clock.advance(by: 3601)
            let expired = try await app.request(
                .post, "/api/v1/auth/password-reset/confirm", json: ["token": expiring, "password": "yet another password"]
            )
            #expect(expired.status == .badRequest)
        }
    }
}
