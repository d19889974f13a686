import Foundation
import HTTPTypes
import Identity
import LyceumApp
import LyceumContracts
import LyceumCore
import LyceumPlatform
import LyceumTestSupport
import Testing

@Suite("Web pages")
struct WebPagesTests {
    @Test("sign up, edit the profile, sign out and sign in again in the browser", arguments: TestEngine.available)
    func accountJourney(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let browser = Browser(app)
            let form = try await browser.get("/signup")
            #expect(form.status == .ok)
            #expect(form.text.contains("Create your account"))
            let csrfHeader = try #require(form.headers[values: .setCookie].first { $0.hasPrefix("lyceum_csrf=") })
            #expect(csrfHeader.contains("HttpOnly"))
            #expect(form.headers[.cacheControl] == "no-store")
            let sharedPage = try await Browser(app).get("/courses")
            #expect(sharedPage.headers[.cacheControl] == "private, no-cache")
            #expect(csrfHeader.contains("SameSite=Lax"))
            #expect(!csrfHeader.contains("Secure"))
            #expect(form.text.contains("name=\"_csrf\" value=\"\(browser.cookie("lyceum_csrf")!)\""))

            let signup = try await browser.post(
                "/signup", form: ["email": "page@example.org", "displayName": "Page Turner", "password": "a long enough password"]
            )
            #expect(signup.status == .seeOther)
            #expect(signup.headers[.location] == "/profile?welcome=1")
            let session = try #require(signup.headers[values: .setCookie].first { $0.hasPrefix("lyceum_session=") })
            #expect(session.contains("HttpOnly") && session.contains("SameSite=Lax") && session.contains("Path=/"))

            let profile = try await browser.get("/profile?welcome=1")
            #expect(profile.status == .ok)
            #expect(profile.text.contains("Page Turner"))
            #expect(profile.text.contains("page@example.org"))

            let saved = try await browser.post("/profile", form: ["displayName": "<script>alert(1)</script>", "bio": "Reads a lot."])
            #expect(saved.status == .seeOther)
            let escaped = try await browser.get("/profile")
            #expect(escaped.text.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
            #expect(!escaped.text.contains("<script>alert(1)</script>"))

            let invalid = try await browser.post("/profile", form: ["displayName": "", "bio": ""])
            #expect(invalid.status == .unprocessableContent)
            #expect(invalid.text.contains("Name is required"))

            let out = try await browser.post("/signout", form: [:])
            #expect(out.status == .seeOther)
            let afterOut = try await browser.get("/profile")
            #expect(afterOut.status == .seeOther)
            #expect(afterOut.headers[.location] == "/signin?next=/profile")

            let wrong = try await browser.post("/signin", form: ["email": "page@example.org", "password": "not my password"])
            #expect(wrong.status == .unauthorized)
            #expect(wrong.text.contains("The email or password is incorrect."))
            let signin = try await browser.post("/signin", form: ["email": "page@example.org", "password": "a long enough password", "next": "/profile"])
            #expect(signin.status == .seeOther)
            #expect(signin.headers[.location] == "/profile")
            for hostile in ["//evil.example", "/\t/evil.example", "/\\evil.example", "https://evil.example"] {
                let offsite = try await browser.post("/signin", form: ["email": "page@example.org", "password": "a long enough password", "next": hostile])
                #expect(offsite.headers[.location] == "/", "next=\(hostile)")
            }
        }
    }

    @Test("every form post without the matching CSRF token is rejected with 403", arguments: TestEngine.available)
    func csrf(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let browser = Browser(app)
            _ = try await browser.get("/signin")
            let paths = ["/signup", "/signin", "/signout", "/profile", "/profile/password", "/verify-email", "/reset-password",
                         "/reset-password/confirm", "/admin/users/x"]
            for path in paths {
                let missing = try await browser.post(path, form: ["email": "a@example.org"], csrf: "")
                #expect(missing.status == .forbidden, "\(path) accepted a post without a token")
                let forged = try await browser.post(path, form: ["email": "a@example.org"], csrf: String(repeating: "A", count: 43))
                #expect(forged.status == .forbidden, "\(path) accepted a forged token")
            }
            let token = try #require(browser.cookie("lyceum_csrf"))
            browser.drop("lyceum_csrf")
            let noCookie = try await browser.post("/signup", form: ["email": "x@example.org", "displayName": "X", "password": "a long enough password"], csrf: token)
            #expect(noCookie.status == .forbidden)
            #expect(try await app.mail(to: "x@example.org").isEmpty)
        }
    }

    @Test("the admin page lists users for admins only and deactivates accounts", arguments: TestEngine.available)
    func adminPage(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let target = try await app.register("target@example.org", name: "Target Person")
            _ = try await app.services.identity().createAccount(
                email: "boss@example.org", password: "a long enough password", displayName: "Boss", role: .admin, emailVerified: true
            )
            let anonymous = Browser(app)
            #expect(try await anonymous.get("/admin/users").status == .seeOther)

            let student = Browser(app)
            _ = try await student.get("/signin")
            _ = try await student.post("/signin", form: ["email": target.email, "password": target.password])
            let forbidden = try await student.get("/admin/users")
            #expect(forbidden.status == .forbidden)
            #expect(!forbidden.text.contains("boss@example.org"))

            let admin = Browser(app)
            _ = try await admin.get("/signin")
            _ = try await admin.post("/signin", form: ["email": "boss@example.org", "password": "a long enough password"])
            let list = try await admin.get("/admin/users?q=target")
            #expect(list.status == .ok)
            #expect(list.text.contains("Target Person"))
            #expect(!list.text.contains("boss@example.org"))
            let deactivate = try await admin.post("/admin/users/\(target.id)", form: ["action": "deactivate", "confirm": "yes"])
            #expect(deactivate.status == .seeOther)
            #expect(try await student.get("/profile").status == .seeOther)
            #expect(try await app.request(.get, "/api/v1/me", token: target.accessToken).status == .unauthorized)
        }
    }

    @Test("email links open pages that confirm the address and reset the password")
    func emailLinkPages() async throws {
        try await TestApp.run(.sqlite) { app in
            let user = try await app.register("links@example.org")
            let browser = Browser(app)
            let verifyToken = try await app.tokenFromMail(to: user.email, path: "/verify-email")
            let verifyPage = try await browser.get("/verify-email?token=\(verifyToken)")
            #expect(verifyPage.text.contains("Confirm my email address"))
            let verified = try await browser.post("/verify-email", form: ["token": verifyToken])
            #expect(verified.status == .ok)
            #expect(verified.text.contains("your email address is confirmed"))

            let requested = try await browser.post("/reset-password", form: ["email": user.email])
            #expect(requested.status == .accepted)
            let resetToken = try await app.tokenFromMail(to: user.email, path: "/reset-password")
            #expect(try await browser.get("/reset-password?token=\(resetToken)").text.contains("Choose a new password"))
            let reset = try await browser.post("/reset-password/confirm", form: ["token": resetToken, "password": "my new long password"])
            #expect(reset.status == .ok)
            _ = try await app.login(user.email, password: "my new long password")
        }
    }

    @Test("cookies are Secure when the public URL is HTTPS")
    func secureCookies() async throws {
        try await TestApp.run(.sqlite, configure: { $0.publicURL = "https://learn.example.org" }) { app in
            let page = try await Browser(app).get("/signin")
            let cookie = try #require(page.headers[values: .setCookie].first)
            #expect(cookie.contains("Secure"))
        }
    }

    @Test("the stylesheet is served with long-lived cache headers and revalidates")
    func staticAssets() async throws {
        try await TestApp.run(.sqlite) { app in
            let home = try await app.raw(.get, "/", headers: [.accept: "text/html"])
            #expect(home.status == .ok)
            let href = try #require(home.text.range(of: #"/static/app\.css\?v=[0-9a-f]+"#, options: .regularExpression))
            let css = try await app.raw(.get, String(home.text[href]))
            #expect(css.status == .ok)
            #expect(css.headers[.contentType] == "text/css; charset=utf-8")
            #expect(css.headers[.cacheControl] == "public, max-age=31536000, immutable")
            let etag = try #require(css.headers[.eTag])
            let again = try await app.raw(.get, String(home.text[href]), headers: [.ifNoneMatch: etag])
            #expect(again.status == .notModified)
            #expect(try await app.raw(.get, "/static/missing.css").status == .notFound)
        }
    }
}
