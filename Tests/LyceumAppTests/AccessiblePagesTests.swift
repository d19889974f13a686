import Foundation
import HTTPTypes
import Identity
import LyceumApp
import LyceumContracts
import LyceumCore
import LyceumTestSupport
import Testing

/// The shared page layer and the Identity pages: error pages, titles, form errors tied to their fields, the
/// password change and the admin user pages.
@Suite("Accessible pages")
struct AccessiblePagesTests {
    static let password = "a long enough password"

    /// A browser signed in as a new account with `role`.
    static func signedIn(_ app: TestApp, role: Role = .student, name: String = "Ada Lovelace", email: String? = nil) async throws -> (Browser, User) {
        let email = email ?? "\(role.rawValue)-\(UUID().uuidString.prefix(8).lowercased())@example.org"
        let user = try await app.services.identity().createAccount(
            email: email, password: password, displayName: name, role: role, emailVerified: true
        )
        let browser = Browser(app)
        _ = try await browser.get("/signin")
        let signedIn = try await browser.post("/signin", form: ["email": email, "password": password])
        try #require(signedIn.status == .seeOther)
        return (browser, user)
    }

    /// `path` loaded with `browser`'s cookies and a `Referer`.
    static func get(_ path: String, as browser: Browser, referer: String) async throws -> Reply {
        let cookies = ["lyceum_session", "lyceum_csrf"].compactMap { name in browser.cookie(name).map { "\(name)=\($0)" } }
        var headers: HTTPFields = [.accept: "text/html", .referer: referer]
        if !cookies.isEmpty { headers[.cookie] = cookies.joined(separator: "; ") }
        return try await browser.app.raw(.get, path, headers: headers)
    }

    static func title(_ html: String) -> String? {
        html.firstMatch(of: /<title>([^<]*)<\/title>/).map { String($0.1) }
    }

    @Test("error pages keep the signed-in header, say what happened and link back to the course", arguments: TestEngine.available)
    func errorPages(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let (student, _) = try await Self.signedIn(app, name: "Grace Hopper")

            let lesson = try await student.get("/courses/no-such-course/lessons/nowhere")
            #expect(lesson.status == .notFound)
            #expect(Self.title(lesson.text) == "Page not found · Lyceum")
            #expect(lesson.text.contains("We could not find"))
            #expect(lesson.text.contains(">Grace Hopper</a>"), "the header still shows the signed-in user")
            #expect(lesson.text.contains("name=\"_csrf\" value=\"\(try #require(student.cookie("lyceum_csrf")))\""), "sign-out works")
            #expect(lesson.text.contains("<a href=\"/courses/no-such-course\">Back to the course</a>"))
            #expect(lesson.text.contains("<a href=\"/\">Home</a>"))

            let unknown = try await student.get("/no/such/page")
            #expect(unknown.status == .notFound)
            #expect(unknown.text.contains(">Grace Hopper</a>"), "the router's own 404 keeps the header too")
            #expect(unknown.text.contains("<a href=\"/no/such\">Back to the previous page</a>"))

            let teaching = try await student.get("/teach/courses/missing/lessons/x/edit")
            #expect(teaching.text.contains("href=\"/teach/courses/missing\""))

            let referred = try await Self.get("/courses/gone", as: student, referer: "http://localhost/courses?q=moon")
            #expect(referred.text.contains("<a href=\"/courses?q=moon\">Back to the courses</a>"))
            for foreign in ["https://evil.example/courses", "//evil.example/courses", "http://localhost.evil.example/x",
                            "javascript:alert(1)", "http://user@localhost/courses", "/\\evil.example"] {
                let page = try await Self.get("/courses/gone", as: student, referer: foreign)
                #expect(!page.text.contains("evil.example"), "Referer \(foreign)")
                #expect(!page.text.contains("javascript:"), "Referer \(foreign)")
                #expect(page.text.contains("<a href=\"/courses\">Back to the courses</a>"), "Referer \(foreign)")
            }

            let forbidden = try await student.get("/admin/users")
            #expect(forbidden.status == .forbidden)
            #expect(Self.title(forbidden.text) == "Not allowed · Lyceum")
            #expect(forbidden.text.contains("You do not have access"))
            #expect(forbidden.text.contains(">Grace Hopper</a>"))

            let expired = try await student.post("/profile", form: ["displayName": "X"], csrf: String(repeating: "A", count: 43))
            #expect(expired.status == .forbidden)
            #expect(expired.text.contains("This form has expired"))
            #expect(expired.text.contains(">Grace Hopper</a>"))
            #expect(expired.text.contains("<a href=\"/\">Home</a>"))

            let (admin, adminUser) = try await Self.signedIn(app, role: .admin, name: "Root Admin")
            let own = try await admin.post("/admin/users/\(adminUser.id)", form: ["action": "deactivate", "confirm": "yes"])
            #expect(own.status == .conflict)
            #expect(Self.title(own.text) == "That did not work · Lyceum")
            #expect(own.text.contains("You cannot demote or deactivate your own account."))
            #expect(own.text.contains("<a href=\"/admin/users\">Back to the users</a>"))
            #expect(own.text.contains(">Root Admin</a>"))

            let anonymous = Browser(app)
            _ = try await anonymous.get("/signin")
            let signIn = try await anonymous.post("/admin/users/x", form: ["action": "role"])
            #expect(signIn.status == .unauthorized)
            #expect(signIn.text.contains("Please sign in"))
            #expect(signIn.text.contains("href=\"/signin?next=/admin/users\">Sign in</a>"))
            #expect(signIn.text.contains("<a href=\"/signin\">Sign in</a>"), "the signed-out header")

            let api = try await app.raw(.get, "/api/v1/nothing", headers: [.accept: "text/html"])
            #expect(api.headers[.contentType]?.hasPrefix("application/json") == true, "the API still answers in JSON")
            let head = try await student.app.raw(.head, "/no/such/page", headers: [.accept: "text/html"])
            #expect(head.status == .notFound)
            #expect(head.text.isEmpty)
        }
    }

    @Test("the pages Identity serves have titles that name what is on them")
    func titles() async throws {
        try await TestApp.run(.sqlite) { app in
            let visitor = Browser(app)
            #expect(Self.title(try await visitor.get("/signin").text) == "Sign in · Lyceum")
            #expect(Self.title(try await visitor.get("/signup").text) == "Create your account · Lyceum")
            #expect(Self.title(try await visitor.get("/reset-password").text) == "Reset your password · Lyceum")
            #expect(Self.title(try await visitor.get("/reset-password?token=x").text) == "Choose a new password · Lyceum")
            let (student, _) = try await Self.signedIn(app)
            #expect(Self.title(try await student.get("/profile").text) == "Your profile · Lyceum")
            let (admin, _) = try await Self.signedIn(app, role: .admin, name: "Root Admin")
            #expect(Self.title(try await admin.get("/admin/users").text) == "Users · Lyceum")
            #expect(Self.title(try await admin.get("/admin/users?q=ada&role=student").text) == "Users matching “ada”, student · Lyceum")
            let target = try await app.services.identity().createAccount(
                email: "grace@example.org", password: Self.password, displayName: "Grace Hopper", role: .student, emailVerified: true
            )
            #expect(Self.title(try await admin.get("/admin/users/\(target.id)").text) == "Grace Hopper (grace@example.org) · Lyceum")
            #expect(Self.title(try await admin.get("/admin/users/\(target.id)/deactivate").text) == "Deactivate Grace Hopper? · Lyceum")
        }
    }

    @Test("every input has a label, and a field's error is tied to it and marks it invalid", arguments: TestEngine.available)
    func formFields(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let visitor = Browser(app)
            _ = try await visitor.get("/signup")
            let signUp = try await visitor.post("/signup", form: ["email": "not an email", "displayName": "", "password": "short"])
            #expect(signUp.status == .unprocessableContent)
            for field in ["email", "displayName"] {
                #expect(signUp.text.contains("id=\"\(field)\""))
                #expect(signUp.text.contains("aria-invalid=\"true\" aria-describedby=\"\(field)-error\""), "\(field) is marked invalid")
                #expect(signUp.text.contains("<p class=\"field-error\" id=\"\(field)-error\">"))
            }
            #expect(signUp.text.contains("aria-describedby=\"password-hint password-error\" aria-invalid=\"true\""))
            #expect(signUp.text.contains("value=\"not an email\""), "what was typed is kept")
            Self.expectLabelledInputs(signUp.text, page: "/signup with errors")

            let wrong = try await visitor.post("/signin", form: ["email": "nobody@example.org", "password": "wrong password"])
            #expect(wrong.status == .unauthorized)
            #expect(wrong.text.contains("aria-invalid=\"true\" aria-describedby=\"signin-error\""))
            #expect(wrong.text.contains("id=\"signin-error\">The email or password is incorrect.</p>"))
            #expect(wrong.text.contains("value=\"nobody@example.org\""))
            Self.expectLabelledInputs(wrong.text, page: "/signin with errors")

            for path in ["/signin", "/signup", "/reset-password", "/reset-password?token=x"] {
                Self.expectLabelledInputs(try await visitor.get(path).text, page: path)
            }
            let (student, _) = try await Self.signedIn(app)
            let profile = try await student.post("/profile", form: ["displayName": "", "bio": String(repeating: "b", count: 2001)])
            #expect(profile.text.contains("aria-invalid=\"true\" aria-describedby=\"displayName-error\""))
            #expect(profile.text.contains("aria-describedby=\"bio-hint bio-error\" aria-invalid=\"true\""))
            Self.expectLabelledInputs(profile.text, page: "/profile with errors")
            let (admin, _) = try await Self.signedIn(app, role: .admin)
            Self.expectLabelledInputs(try await admin.get("/admin/users").text, page: "/admin/users")
        }
    }

    /// Every visible input, select and textarea has a `<label for>` naming its id, or an `aria-label`.
    static func expectLabelledInputs(_ html: String, page: String) {
        let labels = Set(html.matches(of: /<label for="([^"]+)"/).map { String($0.1) })
        for control in html.matches(of: /<(input|select|textarea)\b[^>]*>/) {
            let tag = String(control.0)
            if tag.contains("type=\"hidden\"") || tag.contains("aria-label=") { continue }
            let id = tag.firstMatch(of: /\bid="([^"]+)"/).map { String($0.1) }
            #expect(id.map(labels.contains) == true, "\(page): \(tag) has no label")
        }
    }

    @Test("changing the password asks for it twice and refuses the current one, on the page and the API", arguments: TestEngine.available)
    func passwordChange(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let (browser, user) = try await Self.signedIn(app)
            let form = try await browser.get("/profile")
            #expect(form.text.contains("<label for=\"confirmPassword\">New password again</label>"))

            let mismatch = try await browser.post(
                "/profile/password",
                form: ["currentPassword": Self.password, "newPassword": "a brand new password", "confirmPassword": "a brand new passw0rd"]
            )
            #expect(mismatch.status == .unprocessableContent)
            #expect(mismatch.text.contains("id=\"confirmPassword-error\">New password again does not match the new password.</p>"))
            #expect(mismatch.text.contains("aria-invalid=\"true\" aria-describedby=\"confirmPassword-error\""))

            let same = try await browser.post(
                "/profile/password", form: ["currentPassword": Self.password, "newPassword": Self.password, "confirmPassword": Self.password]
            )
            #expect(same.status == .unprocessableContent)
            #expect(same.text.contains("New password must differ from your current password."))
            #expect(same.text.contains("aria-describedby=\"newPassword-hint newPassword-error\" aria-invalid=\"true\""))
            _ = try await app.login(user.email, password: Self.password)

            let changed = try await browser.post(
                "/profile/password",
                form: ["currentPassword": Self.password, "newPassword": "a brand new password", "confirmPassword": "a brand new password"]
            )
            #expect(changed.status == .ok)
            #expect(changed.text.contains("Your password is changed."))
            let session = try await app.login(user.email, password: "a brand new password")

            let apiSame = try await app.request(
                .put, "/api/v1/me/password", json: ["currentPassword": "a brand new password", "newPassword": "a brand new password"],
                token: session.accessToken
            )
            #expect(apiSame.status == .unprocessableContent)
            #expect(apiSame.errorFields == ["newPassword": "must differ from your current password"])
            let apiChanged = try await app.request(
                .put, "/api/v1/me/password", json: ["currentPassword": "a brand new password", "newPassword": "yet another password"],
                token: session.accessToken
            )
            #expect(apiChanged.status == .noContent)
        }
    }

    @Test("admin pages: one email per user, a detail page, a confirmed deactivation that names the user, filters kept", arguments: TestEngine.available)
    func adminUsers(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let identity = try app.services.identity()
            let ada = try await identity.createAccount(
                email: "ada@example.com", password: Self.password, displayName: "Ada Lovelace", role: .student, emailVerified: true
            )
            let (admin, _) = try await Self.signedIn(app, role: .admin, name: "Root Admin")

            let list = try await admin.get("/admin/users?q=ada%40example&role=student")
            #expect(list.status == .ok)
            #expect(list.text.components(separatedBy: "ada@example.com").count - 1 == 1, "each email shows once")
            #expect(list.text.contains("<a href=\"/admin/users/\(ada.id)\">Ada Lovelace</a>"))
            #expect(list.text.contains("<input type=\"hidden\" name=\"q\" value=\"ada@example\">"))
            #expect(list.text.contains("href=\"/admin/users/\(ada.id)/deactivate?q=ada@example&amp;role=student\""))

            let detail = try await admin.get("/admin/users/\(ada.id)")
            #expect(detail.status == .ok)
            #expect(detail.text.contains("<h1>Ada Lovelace</h1>"))
            #expect(detail.text.contains("ada@example.com"))

            let confirm = try await admin.get("/admin/users/\(ada.id)/deactivate?q=ada%40example&role=student")
            #expect(confirm.status == .ok)
            #expect(confirm.text.contains("Deactivate Ada Lovelace?"))
            #expect(confirm.text.contains("<input type=\"hidden\" name=\"confirm\" value=\"yes\">"))

            let unconfirmed = try await admin.post("/admin/users/\(ada.id)", form: ["action": "deactivate", "q": "ada@example"])
            #expect(unconfirmed.status == .seeOther)
            #expect(unconfirmed.headers[.location] == "/admin/users/\(ada.id)/deactivate?q=ada@example")
            #expect(try await identity.user(id: ada.id).isActive, "nothing happens without the confirmation")

            let done = try await admin.post(
                "/admin/users/\(ada.id)", form: ["action": "deactivate", "confirm": "yes", "q": "ada@example", "role": "student"]
            )
            #expect(done.status == .seeOther)
            let location = try #require(done.headers[.location])
            #expect(location == "/admin/users?q=ada@example&role=student&done=deactivate&user=\(ada.id)")
            let after = try await admin.get(location)
            #expect(after.text.contains("Deactivated Ada Lovelace (ada@example.com) and signed them out everywhere."))
            #expect(after.text.contains("value=\"ada@example\""), "the search is kept")
            #expect(after.text.contains("<option value=\"student\" selected>"), "the role filter is kept")
            #expect(try await identity.user(id: ada.id).isActive == false)

            let role = try await admin.post("/admin/users/\(ada.id)", form: ["action": "role", "newRole": "instructor", "from": "detail"])
            #expect(role.headers[.location] == "/admin/users/\(ada.id)?done=role")
            let renamed = try await admin.get(try #require(role.headers[.location]))
            #expect(renamed.text.contains("Changed the role of Ada Lovelace (ada@example.com) to instructor."))

            let reactivated = try await admin.post("/admin/users/\(ada.id)", form: ["action": "reactivate"])
            let back = try await admin.get(try #require(reactivated.headers[.location]))
            #expect(back.text.contains("Reactivated Ada Lovelace (ada@example.com)."))

            for index in 0..<52 {
                _ = try await identity.createAccount(
                    email: "pupil\(index)@example.org", password: Self.password, displayName: "Pupil \(index)", role: .student,
                    emailVerified: false
                )
            }
            let first = try await admin.get("/admin/users?q=pupil")
            let next = try #require(first.text.firstMatch(of: /href="(\/admin\/users\?q=pupil&amp;cursor=[^"]+)">Next page/)).1
            let second = try await admin.get(String(next).replacingOccurrences(of: "&amp;", with: "&"))
            #expect(second.status == .ok)
            #expect(second.text.contains("<a href=\"/admin/users?q=pupil\">← First page</a>"))
            #expect(second.text.components(separatedBy: "@example.org</div>").count - 1 == 2, "the second page holds the last two")
        }
    }
}
