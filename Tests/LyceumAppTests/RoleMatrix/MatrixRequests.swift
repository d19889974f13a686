import Foundation
import HTTPTypes
import Identity
import LyceumCore
import NIOCore
import Testing

/// How the matrix calls one route as one caller: the path with the fixture's ids, credentials of a fresh
/// sign-in, and a body that the route accepts from a caller who may use it.
enum MatrixRequests {
    static func send(_ route: ServedRoute, as role: MatrixRole, fixture: MatrixFixture, cast: MatrixCast, app: TestApp) async throws -> Reply {
        let path = resolve(route, fixture: fixture, cast: cast, role: role)
        let account = cast.accounts[role]
        if route.isAPI {
            var token: String?
            if role == .deactivated {
                token = cast.deactivatedToken
            } else if let account {
                token = try await app.login(account.email, password: MatrixCast.password).accessToken
            }
            if let upload = try await MatrixMediaFixture.send(route, token: token, app: app) { return upload }
            let body = apiBody(route, fixture: fixture, cast: cast, role: role)
            return try await app.request(route.method, path, json: body, token: token)
        }
        let csrf = SecureToken.generate()
        var cookies = ["lyceum_csrf=\(csrf)"]
        if role == .deactivated {
            cookies.append("lyceum_session=\(cast.deactivatedCookie)")
        } else if let account {
            let session = try await app.services.identity().startWebSession(email: account.email, password: MatrixCast.password)
            cookies.append("lyceum_session=\(session.cookieValue)")
        }
        var headers: HTTPFields = [.accept: "text/html", .cookie: cookies.joined(separator: "; ")]
        if let upload = try await MatrixMediaFixture.sendPage(route, path: path, headers: headers, csrf: csrf, app: app) { return upload }
        var body: ByteBuffer?
        if route.method != .get {
            var fields = formBody(route, fixture: fixture, cast: cast, role: role)
            fields["_csrf"] = csrf
            var allowed = CharacterSet.alphanumerics
            allowed.insert(charactersIn: "-._~")
            body = ByteBuffer(string: fields.sorted { $0.key < $1.key }.map { key, value in
                "\(key)=\(value.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")"
            }.joined(separator: "&"))
            headers[.contentType] = "application/x-www-form-urlencoded"
        }
        return try await app.raw(route.method, path, headers: headers, body: body)
    }

    /// The route's path with every `:parameter` replaced by the fixture's value.
    static func resolve(_ route: ServedRoute, fixture: MatrixFixture, cast: MatrixCast, role: MatrixRole) -> String {
        route.path.split(separator: "/", omittingEmptySubsequences: false).map { segment -> String in
            switch segment {
            case "{course}": route.isAPI ? fixture.courseID : fixture.courseSlug
            case "{module}": fixture.moduleID
            case "{lesson}": fixture.lessonIDs[1]
            case "{quiz}": fixture.quizID
            case "{attempt}": fixture.attemptID
            case "{code}": cast.certificateCode
            case "{id}": route.path.hasPrefix("/api/v1/uploads/") || route.path.hasPrefix("/uploads/") ? fixture.uploadID ?? "" : fixture.targetUserID
            case "{user}":
                // Suspension routes name the suspended user; staff routes the assistant; roster routes the enrolled student.
                fixture.forum?.resolve(segment)
                    ?? (route.path.contains("/staff/") ? cast.accounts[.assistant]?.id ?? "" : cast.accounts[.student]?.id ?? "")
            case "{name}": "app.css"
            case "{room}", "{message}", "{emoji}": MatrixChatFixture.resolve(segment, fixture: fixture) ?? String(segment)
            case "{upload}":
                route.path.contains("/lessons/")
                    ? fixture.lessonMedia?.attachedUploadID ?? String(segment)
                    : MatrixChatFixture.resolve(segment, fixture: fixture) ?? fixture.forum?.resolve(segment) ?? String(segment)
            case "{call}": fixture.callID ?? String(segment)
            default: fixture.community?.resolve(segment, in: route) ?? fixture.forum?.resolve(segment) ?? String(segment)
            }
        }.joined(separator: "/")
    }

    private static func unique(_ prefix: String) -> String { "\(prefix)-\(UUID().uuidString.prefix(8).lowercased())" }

    static func apiBody(_ route: ServedRoute, fixture: MatrixFixture, cast: MatrixCast, role: MatrixRole) -> [String: any Sendable]? {
        if let body = notificationsAPIBody(route) { return body }
        if let body = billingAPIBody(route, fixture: fixture) { return body }
        if let body = MatrixMediaFixture.apiBody(route) { return body }
        if let body = fixture.lessonMedia?.apiBody(route) { return body }
        if let body = MatrixChatFixture.apiBody(route, cast: cast, role: role) { return body }
        let own = cast.accounts[role]?.email ?? "nobody@example.org"
        switch (route.method, route.path) {
        case (.post, "/api/v1/auth/register"):
            return ["email": "\(unique("new"))@example.org", "password": MatrixCast.password, "displayName": "New Person"]
        case (.post, "/api/v1/auth/login"): return ["email": own, "password": MatrixCast.password]
        case (.post, "/api/v1/auth/refresh"): return ["refreshToken": "not-a-refresh-token"]
        case (.post, "/api/v1/auth/logout"): return [:]
        case (.post, "/api/v1/auth/verify-email"): return ["token": "not-a-token"]
        case (.post, "/api/v1/auth/password-reset"): return ["email": own]
        case (.post, "/api/v1/auth/password-reset/confirm"): return ["token": "not-a-token", "password": MatrixCast.password]
        case (.patch, "/api/v1/me"): return ["displayName": "Renamed"]
        case (.put, "/api/v1/me/avatar"): return ["uploadId": "not-an-avatar"]
        case (.put, "/api/v1/me/password"): return ["currentPassword": MatrixCast.password, "newPassword": MatrixCast.password]
        case (.patch, "/api/v1/admin/users/{id}"): return ["role": "instructor"]
        case (.post, "/api/v1/courses"): return ["title": unique("Course")]
        case (.patch, "/api/v1/courses/{course}"): return ["summary": "A changed summary."]
        case (.put, "/api/v1/courses/{course}/staff/{user}"): return ["role": "co_instructor"]
        case (.post, "/api/v1/courses/{course}/modules"): return ["title": "Another module"]
        case (.patch, "/api/v1/courses/{course}/modules/{module}"): return ["title": "Renamed module"]
        case (.post, "/api/v1/courses/{course}/modules/{module}/lessons"): return ["title": "Another lesson", "body": "Text."]
        case (.patch, "/api/v1/courses/{course}/lessons/{lesson}"): return ["title": "Renamed lesson"]
        case (.put, "/api/v1/courses/{course}/reorder"):
            return ["modules": [["id": fixture.moduleID, "lessons": Array(fixture.lessonIDs.reversed())] as [String: any Sendable]]]
        case (.post, "/api/v1/courses/{course}/roster"): return ["userId": cast.accounts[.otherStudent]?.id ?? ""]
        case (.post, "/api/v1/courses/{course}/quizzes"):
            return [
                "moduleId": fixture.moduleID, "title": "Another quiz",
                "questions": [["kind": "true_false", "prompt": "Sure?", "truth": true] as [String: any Sendable]],
            ]
        case (.put, "/api/v1/quizzes/{quiz}"):
            return [
                "moduleId": fixture.moduleID, "title": "Matrix quiz, renamed", "passingScore": 50,
                "questions": [["kind": "true_false", "prompt": "Is this a test?", "truth": true] as [String: any Sendable]],
            ]
        case (.patch, "/api/v1/attempts/{attempt}"), (.post, "/api/v1/attempts/{attempt}/submit"): return ["answers": [String: String]()]
        default: return MatrixCommunityFixture.apiBody(route, cast: cast) ?? fixture.forum?.apiBody(route)
        }
    }

    static func formBody(_ route: ServedRoute, fixture: MatrixFixture, cast: MatrixCast, role: MatrixRole) -> [String: String] {
        if let body = fixture.lessonMedia?.formBody(route) { return body }
        if let body = billingFormBody(route) { return body }
        let own = cast.accounts[role]?.email ?? "nobody@example.org"
        switch route.path {
        case "/signup": return ["email": "\(unique("page"))@example.org", "password": MatrixCast.password, "displayName": "Page Person"]
        case "/signin": return ["email": own, "password": MatrixCast.password, "next": "/"]
        case "/verify-email": return ["token": "not-a-token"]
        case "/reset-password": return ["email": own]
        case "/reset-password/confirm": return ["token": "not-a-token", "password": MatrixCast.password]
        case "/profile": return ["displayName": "Renamed", "bio": ""]
        case "/profile/password": return ["currentPassword": MatrixCast.password, "newPassword": MatrixCast.password]
        case "/admin/users/{id}": return ["action": "role", "role": "instructor"]
        case "/admin/jobs/{id}": return ["action": "retry"]
        case "/courses/{course}/lessons/{lesson}/completion": return ["completed": "true"]
        case "/courses/{course}/leave", "/attempts/{attempt}/submit": return ["confirm": "true"]
        case "/markdown-preview": return ["markdown": "# Preview"]
        case "/teach/courses": return ["title": unique("Page course"), "summary": "S", "category": "Tests"]
        case "/teach/courses/{course}":
            return ["title": "Edited title", "summary": "S", "description": "D", "category": "Tests", "tags": "a, b", "level": "beginner", "price": "0"]
        case "/teach/courses/{course}/status": return ["status": "archived"]
        case "/teach/courses/{course}/modules": return ["title": "Page module"]
        case "/teach/courses/{course}/modules/{module}/lessons": return ["title": "Page lesson", "body": "Text", "estimatedMinutes": "5"]
        case "/teach/courses/{course}/modules/{module}/quizzes":
            return QuizForm(title: "Page quiz", passingScore: "50", questions: [.truth("Sure?", true)]).fields
        case "/teach/courses/{course}/quizzes/{quiz}":
            return QuizForm(
                title: "Matrix quiz, renamed", moduleID: fixture.moduleID, passingScore: "50", questions: [.truth("Is this a test?", true)]
            ).fields
        case "/teach/courses/{course}/modules/{module}": return ["title": "Renamed module"]
        case "/teach/courses/{course}/lessons/{lesson}": return ["title": "Edited lesson", "body": "Text", "estimatedMinutes": "5"]
        case "/teach/courses/{course}/modules/{module}/visibility", "/teach/courses/{course}/lessons/{lesson}/visibility",
            "/teach/courses/{course}/quizzes/{quiz}/visibility":
            return ["hidden": "true"]
        case "/teach/courses/{course}/modules/{module}/delete", "/teach/courses/{course}/lessons/{lesson}/delete",
            "/teach/courses/{course}/quizzes/{quiz}/delete", "/teach/courses/{course}/roster/{user}/remove":
            return ["confirm": "yes"]
        case "/teach/courses/{course}/move": return ["module": fixture.moduleID, "direction": "down"]
        default: return MatrixCommunityFixture.formBody(route, cast: cast) ?? fixture.forum?.formBody(route) ?? [:]
        }
    }
}
