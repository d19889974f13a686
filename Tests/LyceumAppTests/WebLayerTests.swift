import Foundation
import HTTPTypes
import Hummingbird
import Identity
@testable import LyceumApp
import LyceumContracts
import LyceumCore
import LyceumHTTP
import LyceumPlatform
import LyceumTestSupport
import LyceumWeb
import NIOCore
import NIOEmbedded
import SQLKit
import Testing

@Suite("Web layer")
struct WebLayerTests {
    @Test("every state-changing page route rejects a post without a valid CSRF token with 403", arguments: TestEngine.available)
    func csrfOnEveryFormRoute(engine: TestEngine) async throws {
        // Signed object URLs (`/objects/…`) and unsubscribe links (`/unsubscribe/…`, posted by mail clients, RFC 8058)
        // are not forms: the URL's signature is their only credential.
        let formRoutes = try await RouterRoutes.all().filter {
            !$0.isAPI && $0.method != .get && $0.method != .head && !$0.path.hasPrefix("/objects/") && !$0.path.hasPrefix("/unsubscribe/")
        }
        #expect(formRoutes.count >= 23, "the walk found only \(formRoutes.count) form routes")
        try await TestApp.run(engine) { app in
            let student = try await app.register()
            let browser = Browser(app)
            _ = try await browser.get("/signin")
            let signedIn = try await browser.post("/signin", form: ["email": student.email, "password": student.password])
            try #require(signedIn.status == .seeOther)
            for route in formRoutes {
                let path = route.path.split(separator: "/").map { $0.hasPrefix("{") ? "x" : String($0) }.joined(separator: "/")
                let missing = try await browser.post("/" + path, form: ["title": "t"], csrf: "")
                #expect(missing.status == .forbidden, "\(route) accepted a post without a token: \(missing.status)")
                #expect(missing.text.contains("expired or did not come from Lyceum"), "\(route) did not explain the refusal")
                let forged = try await browser.post("/" + path, form: ["title": "t"], csrf: String(repeating: "A", count: 43))
                #expect(forged.status == .forbidden, "\(route) accepted a forged token: \(forged.status)")
            }
        }
    }

    @Test("HEAD answers wherever GET does, with the same status and headers and no body", arguments: TestEngine.available)
    func headRequests(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            for path in ["/health/live", "/", "/courses", "/signin", "/api/v1/openapi.json", "/favicon.ico", "/no-such-page"] {
                let get = try await app.raw(.get, path)
                let head = try await app.raw(.head, path)
                #expect(head.status == get.status, "HEAD \(path) answered \(head.status), GET \(get.status)")
                #expect(head.body.readableBytes == 0, "HEAD \(path) carried a body")
                #expect(head.headers[.contentType] == get.headers[.contentType], "HEAD \(path) changed the content type")
                if get.status == .ok {
                    #expect(head.headers[.contentLength] == String(get.body.readableBytes), "HEAD \(path) lost Content-Length")
                }
            }
        }
    }

    @Test("a known path with another method is 405 with Allow, in JSON for the API and a page for browsers")
    func methodNotAllowed() async throws {
        try await TestApp.run(.sqlite) { app in
            let api = try await app.raw(.delete, "/api/v1/me")
            #expect(api.status == .methodNotAllowed)
            #expect(api.headers[.allow] == "GET, HEAD, PATCH")
            #expect(api.errorCode == "method_not_allowed")
            let page = try await app.raw(.get, "/signout", headers: [.accept: "text/html"])
            #expect(page.status == .methodNotAllowed)
            #expect(page.headers[.allow] == "POST")
            #expect(page.headers[.contentType]?.hasPrefix("text/html") == true)
            let withParameter = try await app.raw(.put, "/api/v1/courses/some-course")
            #expect(withParameter.headers[.allow] == "DELETE, GET, HEAD, PATCH")
            #expect(try await app.raw(.get, "/api/v1/no-such-thing").status == .notFound)
        }
    }

    @Test("a command's failure is one sentence with one full stop")
    func commandFailureSentence() {
        #expect(CommandFailure("The administrator was not created: password must be at least 10 characters").message
            == "The administrator was not created: password must be at least 10 characters.")
        #expect(CommandFailure("Done.").message == "Done.")
        #expect(StartupFailure.describe(CommandFailure("Not created."), configuration: nil) == "Not created.")
    }

    @Test("/favicon.ico is a real icon, and pages link the SVG icon")
    func favicon() async throws {
        try await TestApp.run(.sqlite) { app in
            let icon = try await app.raw(.get, "/favicon.ico")
            #expect(icon.status == .ok)
            #expect(icon.headers[.contentType] == "image/x-icon")
            #expect(Array(icon.body.readableBytesView.prefix(4)) == [0, 0, 1, 0], "not an ICO header")
            let home = try await Browser(app).get("/")
            let match = try #require(home.text.firstMatch(of: /href="(\/static\/icon\.svg\?v=[0-9a-f]+)"/))
            let svg = try await app.raw(.get, String(match.1))
            #expect(svg.status == .ok)
            #expect(svg.headers[.contentType] == "image/svg+xml")
        }
    }

    @Test("every response carries the security headers; HSTS only over HTTPS", arguments: TestEngine.available)
    func securityHeaders(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let browser = Browser(app)
            for path in ["/", "/courses", "/courses/none", "/signin", "/api/v1/courses"] {
                let reply = try await browser.get(path)
                #expect(reply.headers[.contentSecurityPolicy]?.contains("default-src 'self'") == true, "\(path) has no CSP")
                #expect(reply.headers[.xContentTypeOptions] == "nosniff", "\(path) has no nosniff")
                #expect(reply.headers[HTTPField.Name("Referrer-Policy")!] == "same-origin", "\(path) has no Referrer-Policy")
                #expect(reply.headers[.strictTransportSecurity] == nil, "\(path) sent HSTS over plain HTTP")
            }
            let cachedTwice = try await app.raw(.get, "/courses", headers: [.accept: "text/html"])
            #expect(cachedTwice.headers[.contentSecurityPolicy] != nil, "a cached page lost its CSP")
            let secure = try await app.raw(.get, "/signin", headers: [.accept: "text/html", .forwardedProto: "https"])
            #expect(secure.headers[.strictTransportSecurity] == SecurityHeadersMiddleware.strictTransportSecurity)
        }
        try await TestApp.run(.sqlite, configure: { $0.publicURL = "https://lyceum.example.org" }) { app in
            let reply = try await app.raw(.get, "/health/live")
            #expect(reply.headers[.strictTransportSecurity] == SecurityHeadersMiddleware.strictTransportSecurity)
        }
    }

    @Test("a missing template is a 500 error, never an empty 200 page")
    func missingTemplate() async throws {
        let renderer = try PageRenderer(templates: [], assets: try StaticAssets())
        let context = AppRequestContext(source: .init(channel: EmbeddedChannel(), logger: TestDatabases.logger))
        #expect(throws: AppError.internalError) {
            _ = try renderer.render(Page("no-such-template", title: "Nothing", content: NoContent()), context: context)
        }
        #expect(throws: PageTemplateError.self) {
            _ = try PageRenderer(templates: [PageTemplate("layout", "{{title}}")], assets: try StaticAssets())
        }
    }

    @Test("bad form bodies get a clear 4xx, never a 500", arguments: TestEngine.available)
    func badFormBodies(engine: TestEngine) async throws {
        try await TestApp.run(engine, configure: { $0.maxBodyBytes = 1024 }) { app in
            let browser = Browser(app)
            _ = try await browser.get("/signin")
            let token = try #require(browser.cookie("lyceum_csrf"))
            let cookie = "lyceum_csrf=\(token)"
            let cases: [(String, HTTPFields, String, HTTPResponse.Status)] = [
                ("JSON instead of a form", [.contentType: "application/json", .cookie: cookie], "{\"a\":1}", .unsupportedMediaType),
                ("multipart", [.contentType: "multipart/form-data; boundary=x", .cookie: cookie], "--x--", .unsupportedMediaType),
                ("too large", [.contentType: "application/x-www-form-urlencoded", .cookie: cookie], "_csrf=\(token)&b=" + String(repeating: "a", count: 2000), .contentTooLarge),
                ("broken percent-encoding", [.contentType: "application/x-www-form-urlencoded", .cookie: cookie], "_csrf=\(token)&email=%E0%A4%A&password=%ZZ", .unauthorized),
                ("invalid UTF-8", [.contentType: "application/x-www-form-urlencoded", .cookie: cookie], "_csrf=\(token)&email=\u{FFFD}", .unauthorized),
                ("no fields at all", [.contentType: "application/x-www-form-urlencoded", .cookie: cookie], "&&&=", .forbidden),
            ]
            for (name, headers, body, expected) in cases {
                var all = headers
                all[.accept] = "text/html"
                let reply = try await app.raw(.post, "/signin", headers: all, body: ByteBuffer(string: body))
                #expect(reply.status == expected, "\(name): \(reply.status)")
                #expect(reply.status.code < 500, "\(name) became a server error")
            }
        }
    }

    @Test("a foreign-key violation from the database is a 409 stale_reference, not a 500")
    func foreignKeyViolationIsClassified() async throws {
        try await TestDatabases.withDatabase(.sqlite, migrations: []) { database in
            let failure: (any Error)? = await {
                do {
                    try await database.transaction { sql in
                        try await sql.raw("CREATE TABLE parent (id TEXT PRIMARY KEY)").run()
                        try await sql.raw("CREATE TABLE child (parent_id TEXT NOT NULL REFERENCES parent (id))").run()
                        try await sql.raw("INSERT INTO child (parent_id) VALUES ('gone')").run()
                    }
                    return nil
                } catch {
                    return error
                }
            }()
            let error = try #require(failure)
            #expect(classifyLowerLayerError(error) == AppError.staleReference)
            #expect(classifyLowerLayerError(AppError.notFound()) == nil)
        }
    }
}
