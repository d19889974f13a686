import Foundation
import HTTPTypes
import Identity
import LyceumApp
import LyceumContracts
import LyceumCore
import LyceumPlatform
import LyceumTestSupport
import Testing

@Suite("Me and admin API")
struct AccountRoutesTests {
    @Test("/me needs a valid caller; every role reads its own account", arguments: TestEngine.available)
    func meRoles(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let anonymous = try await app.request(.get, "/api/v1/me")
            #expect(anonymous.status == .unauthorized)
            #expect(anonymous.errorCode == "unauthenticated")
            #expect(try await app.request(.get, "/api/v1/me", headers: [.authorization: "Basic abc"]).errorCode == "invalid_token")
            for role in Role.allCases {
                let user = try await app.account(role: role)
                let reply = try await app.request(.get, "/api/v1/me", token: user.accessToken)
                #expect(reply.status == .ok)
                #expect(reply.user["role"] as? String == role.rawValue)
            }
        }
    }

    @Test("PATCH /me edits name and bio with validation", arguments: TestEngine.available)
    func updateProfile(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let user = try await app.register()
            let updated = try await app.request(
                .patch, "/api/v1/me", json: ["displayName": "Émilie du Châtelet", "bio": "Physicist.\nTranslator."],
                token: user.accessToken
            )
            #expect(updated.status == .ok)
            #expect(updated.user["displayName"] as? String == "Émilie du Châtelet")
            #expect(updated.user["bio"] as? String == "Physicist.\nTranslator.")

            let bad = try await app.request(
                .patch, "/api/v1/me", json: ["displayName": String(repeating: "n", count: 101), "bio": String(repeating: "b", count: 2001)],
                token: user.accessToken
            )
            #expect(bad.status == .unprocessableContent)
            #expect(Set(bad.errorFields.keys) == ["displayName", "bio"])
            #expect(try await app.request(.get, "/api/v1/me", token: user.accessToken).user["displayName"] as? String == "Émilie du Châtelet")

            let cleared = try await app.request(.patch, "/api/v1/me", json: ["bio": ""], token: user.accessToken)
            #expect(cleared.user["bio"] is NSNull)
            #expect(try await app.request(.patch, "/api/v1/me", json: ["bio": "x"]).status == .unauthorized)
        }
    }

    @Test("changing the password checks the current one and signs out other sessions", arguments: TestEngine.available)
    func changePassword(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let user = try await app.register()
            let otherDevice = try await app.login(user.email, password: user.password)
            let wrong = try await app.request(
                .put, "/api/v1/me/password", json: ["currentPassword": "wrong password!", "newPassword": "a different password"],
                token: user.accessToken
            )
            #expect(wrong.status == .unprocessableContent)
            #expect(wrong.errorFields["currentPassword"] == "is incorrect")
            let weak = try await app.request(
                .put, "/api/v1/me/password", json: ["currentPassword": user.password, "newPassword": "short"], token: user.accessToken
            )
            #expect(weak.errorFields["newPassword"] != nil)

            let changed = try await app.request(
                .put, "/api/v1/me/password", json: ["currentPassword": user.password, "newPassword": "a different password"],
                token: user.accessToken
            )
            #expect(changed.status == .noContent)
            #expect(try await app.request(.get, "/api/v1/me", token: user.accessToken).status == .ok)
            #expect(try await app.request(.get, "/api/v1/me", token: otherDevice.accessToken).status == .unauthorized)
            #expect(try await app.request(.post, "/api/v1/auth/refresh", json: ["refreshToken": otherDevice.refreshToken]).status == .unauthorized)
            _ = try await app.login(user.email, password: "a different password")
        }
    }

    @Test("admin user routes: anonymous 401, student and instructor 403, deactivated 401, admin 200", arguments: TestEngine.available)
    func adminRoleMatrix(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let admin = try await app.account(role: .admin)
            let student = try await app.account(role: .student)
            let instructor = try await app.account(role: .instructor)
            let deactivated = try await app.account(role: .admin)
            #expect(try await app.request(.patch, "/api/v1/admin/users/\(deactivated.id)", json: ["active": false], token: admin.accessToken).status == .ok)

            let cases: [(String?, HTTPResponse.Status)] = [
                (nil, .unauthorized), (student.accessToken, .forbidden), (instructor.accessToken, .forbidden),
                (deactivated.accessToken, .unauthorized), (admin.accessToken, .ok),
            ]
            for (token, expected) in cases {
                #expect(try await app.request(.get, "/api/v1/admin/users", token: token).status == expected)
                let patch = try await app.request(.patch, "/api/v1/admin/users/\(student.id)", json: ["role": "instructor"], token: token)
                #expect(patch.status == expected)
            }
            #expect(try await app.request(.get, "/api/v1/me", token: student.accessToken).user["role"] as? String == "instructor")
        }
    }

    @Test("admins search, filter and page through users", arguments: TestEngine.available)
    func adminList(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let admin = try await app.account(role: .admin)
            for index in 0..<5 {
                try await app.register("learner\(index)@example.org", name: "Learner Nummer \(index)")
                app.clock.advance(by: 1)
            }
            try await app.register("søren@example.org", name: "Søren Kierkegaard")
            _ = try await app.account(role: .instructor, email: "teach@example.org")

            var seen: [String] = []
            var cursor: String?
            repeat {
                let path = "/api/v1/admin/users?limit=2" + (cursor.map { "&cursor=\($0)" } ?? "")
                let page = try await app.request(.get, path, token: admin.accessToken)
                #expect(page.status == .ok)
                let items = page.json["items"] as? [[String: Any]] ?? []
                #expect(items.count <= 2)
                seen += items.compactMap { $0["email"] as? String }
                cursor = page.json["nextCursor"] as? String
            } while cursor != nil
            #expect(seen.count == 8)
            #expect(Set(seen).count == 8)

            let search = try await app.request(.get, "/api/v1/admin/users?q=S%C3%98REN", token: admin.accessToken)
            #expect((search.json["items"] as? [[String: Any]])?.compactMap { $0["email"] as? String } == ["søren@example.org"])
            let wildcard = try await app.request(.get, "/api/v1/admin/users?q=%25", token: admin.accessToken)
            #expect((wildcard.json["items"] as? [Any])?.isEmpty == true)
            let instructors = try await app.request(.get, "/api/v1/admin/users?role=instructor", token: admin.accessToken)
            #expect((instructors.json["items"] as? [[String: Any]])?.compactMap { $0["email"] as? String } == ["teach@example.org"])

            #expect(try await app.request(.get, "/api/v1/admin/users?role=wizard", token: admin.accessToken).errorCode == "invalid_role")
            #expect(try await app.request(.get, "/api/v1/admin/users?limit=0", token: admin.accessToken).errorCode == "invalid_limit")
            #expect(try await app.request(.get, "/api/v1/admin/users?cursor=zzz", token: admin.accessToken).errorCode == "invalid_cursor")
        }
    }

    @Test("admins change roles and deactivate (signing out) and reactivate accounts", arguments: TestEngine.available)
    func adminUpdates(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let admin = try await app.account(role: .admin)
            let user = try await app.register()

            let promoted = try await app.request(.patch, "/api/v1/admin/users/\(user.id)", json: ["role": "instructor"], token: admin.accessToken)
            #expect(promoted.user["role"] as? String == "instructor")
            let deactivated = try await app.request(.patch, "/api/v1/admin/users/\(user.id)", json: ["active": false], token: admin.accessToken)
            #expect(deactivated.user["active"] as? Bool == false)
            #expect(try await app.request(.get, "/api/v1/me", token: user.accessToken).status == .unauthorized)
            #expect(try await app.request(.post, "/api/v1/auth/refresh", json: ["refreshToken": user.refreshToken]).status == .unauthorized)
            let reactivated = try await app.request(.patch, "/api/v1/admin/users/\(user.id)", json: ["active": true], token: admin.accessToken)
            #expect(reactivated.user["active"] as? Bool == true)
            _ = try await app.login(user.email, password: user.password)

            let badRole = try await app.request(.patch, "/api/v1/admin/users/\(user.id)", json: ["role": "wizard"], token: admin.accessToken)
            #expect(badRole.status == .unprocessableContent)
            #expect(badRole.errorFields["role"] != nil)
            let missing = try await app.request(.patch, "/api/v1/admin/users/no-such-id", json: ["role": "student"], token: admin.accessToken)
            #expect(missing.status == .notFound)
            let selfDemote = try await app.request(.patch, "/api/v1/admin/users/\(admin.id)", json: ["role": "student"], token: admin.accessToken)
            #expect(selfDemote.status == .conflict)
            #expect(selfDemote.errorCode == "cannot_change_own_account")
            let selfDeactivate = try await app.request(.patch, "/api/v1/admin/users/\(admin.id)", json: ["active": false], token: admin.accessToken)
            #expect(selfDeactivate.status == .conflict)
        }
    }
}

@Suite("User directory")
struct UserDirectoryTests {
    @Test("active users are found by display name, ignoring case and accents' composition; deactivated ones are not", arguments: TestEngine.available)
    func lookupByName(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let identity = try app.services.identity()
            let emilie = try await app.register(name: "Émilie du Châtelet")
            let twin = try await app.register(name: "émilie DU châtelet")
            let gone = try await app.register(name: "Émilie du Châtelet")
            let admin = try await app.account(role: .admin)
            let adminPrincipal = Principal(userID: admin.id, role: .admin, sessionID: "test")
            _ = try await identity.updateUser(adminPrincipal, id: gone.id, role: nil, active: false)

            let decomposed = "E\u{301}milie du Cha\u{302}telet"
            let found = try await identity.activeUsers(named: [decomposed, "nobody at all"])
            #expect(Set(found.map(\.id)) == [emilie.id, twin.id])
            #expect(try await identity.activeUsers(named: []).isEmpty)
        }
    }
}
