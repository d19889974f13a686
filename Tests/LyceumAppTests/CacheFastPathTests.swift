import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LyceumApp
import LyceumContracts
import LyceumCore
import LyceumHTTP
import LyceumPlatform
import LyceumTestSupport
import LyceumWeb
import Logging
import NIOCore
import NIOEmbedded
import NIOHTTPTypes
import Synchronization
import Testing

/// The cache fast path as a unit: a channel handler in an `EmbeddedChannel`, beside the router it must agree with.
@Suite("Cache fast path")
struct CacheFastPathTests {
    /// What the fast path wrote, or `nil` when it passed the request on to the router.
    struct FastReply {
        let status: HTTPResponse.Status
        let headers: HTTPFields
        let body: ByteBuffer?
    }

    static let ignored: Set<HTTPField.Name> = [.date, .server]

    static func fastPath(_ app: TestApp, budget: RateBudget? = nil, logger: Logger = TestDatabases.logger) -> CacheFastPath {
        CacheFastPath(
            cache: app.services.responseCache, secureByDefault: false, trustedProxies: .none,
            apiBudget: budget.map { .init(limiter: app.services.context.rateLimiter, budget: $0, clock: app.services.context.clock) },
            serverName: "Lyceum", logger: logger, metrics: RequestMetrics()
        )
    }

    static func request(_ target: String, _ headers: HTTPFields = [:], method: HTTPRequest.Method = .get) -> HTTPRequest {
        HTTPRequest(method: method, scheme: "http", authority: "localhost", path: target, headerFields: headers)
    }

    /// Sends one request through `channel`.
    static func exchange(_ channel: EmbeddedChannel, _ request: HTTPRequest) throws -> FastReply? {
        try channel.writeInbound(HTTPRequestPart.head(request))
        try channel.writeInbound(HTTPRequestPart.end(nil))
        if let passed = try channel.readInbound(as: HTTPRequestPart.self) {
            guard case .head = passed else { Issue.record("the head was not passed on first"); return nil }
            #expect(try channel.readInbound(as: HTTPRequestPart.self) == .end(nil))
            return nil
        }
        guard case .head(let head) = try channel.readOutbound(as: HTTPResponsePart.self) else {
            Issue.record("no answer and nothing passed on")
            return nil
        }
        var body: ByteBuffer?
        while let part = try channel.readOutbound(as: HTTPResponsePart.self) {
            switch part {
            case .body(let bytes): body = bytes
            case .end: return FastReply(status: head.status, headers: head.headerFields, body: body)
            case .head: Issue.record("a second head")
            }
        }
        Issue.record("the answer did not end")
        return nil
    }

    /// Sends one request on a fresh connection.
    static func exchange(_ fastPath: CacheFastPath, _ request: HTTPRequest) throws -> FastReply? {
        try exchange(EmbeddedChannel(handler: fastPath.makeHandler()), request)
    }

    /// The header names of a reply, less those only a real server adds.
    static func names(_ headers: HTTPFields) -> Set<HTTPField.Name> {
        Set(headers.map(\.name)).subtracting(ignored)
    }

    @Test("a repeated anonymous read is answered as the router answered it: same status, bytes and headers", arguments: TestEngine.available)
    func sameAnswerAsRouter(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let owner = try await app.account(role: .instructor)
            let course = try await app.buildCourse(owner: owner, title: "Fast Course", modules: 1, lessonsPerModule: 1)
            let fastPath = Self.fastPath(app)
            let html: HTTPFields = [.accept: "text/html"]
            for (target, headers) in [
                ("/api/v1/courses?q=fast", HTTPFields()), ("/api/v1/courses/\(course.slug)", HTTPFields()),
                ("/courses?q=fast", html), ("/courses/\(course.slug)", html),
            ] {
                #expect(try Self.exchange(fastPath, Self.request(target, headers)) == nil, "\(target) answered before the router cached it")
                let router = try await app.raw(.get, target, headers: headers)
                #expect(router.status == .ok)
                let fast = try #require(try Self.exchange(fastPath, Self.request(target, headers)), "\(target) was not answered")
                #expect(fast.status == router.status)
                #expect(fast.body == router.body)
                #expect(Self.names(fast.headers) == Self.names(router.headers), "\(target)")
                for field in router.headers where ![.requestID, .setCookie].contains(field.name) {
                    #expect(fast.headers[field.name] == field.value, "\(target): \(field.name)")
                }
                #expect(fast.headers[.requestID]?.count == 32)
                #expect(fast.headers[.date] != nil && fast.headers[.server] == "Lyceum")
            }
        }
    }

    @Test("HEAD has the GET answer's headers and no body; a matching If-None-Match gets 304 without a body")
    func headAndNotModified() async throws {
        try await TestApp.run(.sqlite) { app in
            let owner = try await app.account(role: .instructor)
            let course = try await app.buildCourse(owner: owner, modules: 1, lessonsPerModule: 1)
            let fastPath = Self.fastPath(app)
            for target in ["/api/v1/courses/\(course.slug)", "/courses/\(course.slug)"] {
                let get = try await app.raw(.get, target)
                let etag = try #require(get.headers[.eTag])

                let routerHead = try await app.raw(.head, target)
                let head = try #require(try Self.exchange(fastPath, Self.request(target, method: .head)))
                #expect(head.status == .ok && head.body == nil)
                #expect(head.headers[.contentLength] == String(get.body.readableBytes))
                #expect(Self.names(head.headers) == Self.names(routerHead.headers))

                let routerNotModified = try await app.raw(.get, target, headers: [.ifNoneMatch: etag])
                #expect(routerNotModified.status == .notModified)
                for method in [HTTPRequest.Method.get, .head] {
                    let notModified = try #require(try Self.exchange(fastPath, Self.request(target, [.ifNoneMatch: etag], method: method)))
                    #expect(notModified.status == .notModified && notModified.body == nil)
                    #expect(notModified.headers[.eTag] == etag && notModified.headers[.contentLength] == "0")
                    #expect(Self.names(notModified.headers) == Self.names(routerNotModified.headers))
                }
                let changed = try #require(try Self.exchange(fastPath, Self.request(target, [.ifNoneMatch: "\"other\""])))
                #expect(changed.status == .ok && changed.body == get.body)
            }
        }
    }

    @Test("signed-in, credentialed, stateful and unknown requests go to the router")
    func passesOn() async throws {
        try await TestApp.run(.sqlite) { app in
            let owner = try await app.account(role: .instructor)
            let course = try await app.buildCourse(owner: owner, modules: 1, lessonsPerModule: 1)
            let outline = "/api/v1/courses/\(course.slug)"
            let page = "/courses/\(course.slug)"
            _ = try await app.raw(.get, outline)
            _ = try await app.raw(.get, page)
            let fastPath = Self.fastPath(app)
            #expect(try Self.exchange(fastPath, Self.request(outline)) != nil)
            #expect(try Self.exchange(fastPath, Self.request(outline, [.authorization: "Bearer \(owner.accessToken)"])) == nil)
            #expect(try Self.exchange(fastPath, Self.request(outline, [.authorization: "Basic eDp5"])) == nil)
            #expect(try Self.exchange(fastPath, Self.request(page, [.cookie: "lyceum_session=abc"])) == nil)
            #expect(try Self.exchange(fastPath, Self.request(page, [.cookie: "theme=dark; lyceum_session="])) == nil)
            #expect(try Self.exchange(fastPath, Self.request(page, [.cookie: "theme=dark; other=lyceum_session"])) != nil)
            #expect(try Self.exchange(fastPath, Self.request(outline, method: .post)) == nil)
            #expect(try Self.exchange(fastPath, Self.request(outline, method: .delete)) == nil)
            #expect(try Self.exchange(fastPath, Self.request(outline, [.connection: "close"])) == nil)
            #expect(try Self.exchange(fastPath, Self.request(outline, [.contentLength: "2"])) == nil)
            #expect(try Self.exchange(fastPath, Self.request(outline, [.transferEncoding: "chunked"])) == nil)
            #expect(try Self.exchange(fastPath, Self.request("/api/v1/courses/another-course")) == nil)
            #expect(try Self.exchange(fastPath, Self.request("/api/v1/courses?q=never-asked")) == nil)
            // A signed-in read through the router does not teach the fast path to answer that target.
            _ = try await app.raw(.get, "/api/v1/courses?q=signed", headers: [.authorization: "Bearer \(owner.accessToken)"])
            #expect(try Self.exchange(fastPath, Self.request("/api/v1/courses?q=signed")) == nil)
        }
    }

    @Test("a change drops the fast answer at once, and the router's fresh answer is what it repeats next", arguments: TestEngine.available)
    func neverStale(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let owner = try await app.account(role: .instructor)
            let course = try await app.buildCourse(owner: owner, title: "Old Title", modules: 1, lessonsPerModule: 1)
            let targets = ["/api/v1/courses/\(course.slug)", "/courses/\(course.slug)", "/api/v1/courses?q=title", "/courses?q=title"]
            let fastPath = Self.fastPath(app)
            var before: [String: ByteBuffer] = [:]
            for target in targets {
                // The invalidations of building the course come back through LISTEN a moment later on PostgreSQL
                // and may drop a first answer: read through the router until the fast path holds the target.
                for _ in 0..<50 where before[target] == nil {
                    _ = try await app.raw(.get, target)
                    before[target] = try Self.exchange(fastPath, Self.request(target))?.body
                    if before[target] == nil { try await Task.sleep(for: .milliseconds(20)) }
                }
                _ = try #require(before[target])
                #expect(String(buffer: try #require(before[target])).contains("Old Title"))
            }
            let renamed = try await app.request(.patch, "/api/v1/courses/\(course.id)", json: ["title": "New Title"], token: owner.accessToken)
            #expect(renamed.status == .ok)
            for target in targets {
                #expect(try Self.exchange(fastPath, Self.request(target)) == nil, "\(target) served a dropped answer")
                // The PATCH's own invalidation comes back through LISTEN later on PostgreSQL, as above.
                _ = try await app.raw(.get, target)
                var answer = try Self.exchange(fastPath, Self.request(target))
                for _ in 0..<50 where answer == nil {
                    try await Task.sleep(for: .milliseconds(20))
                    _ = try await app.raw(.get, target)
                    answer = try Self.exchange(fastPath, Self.request(target))
                }
                let after = try #require(answer)
                #expect(after.body != before[target], "\(target)")
                #expect(String(buffer: try #require(after.body)).contains("New Title"), "\(target)")
            }
            await app.services.responseCache.invalidate(nil)
            for target in targets { #expect(try Self.exchange(fastPath, Self.request(target)) == nil) }
        }
    }

    @Test("pages hand new visitors the CSRF cookie as the web layer does; HTTPS adds HSTS and Secure")
    func pageCookies() async throws {
        try await TestApp.run(.sqlite) { app in
            let owner = try await app.account(role: .instructor)
            let course = try await app.buildCourse(owner: owner, modules: 1, lessonsPerModule: 1)
            let page = "/courses/\(course.slug)"
            let router = try await app.raw(.get, page)
            let fastPath = Self.fastPath(app)

            let visitor = try #require(try Self.exchange(fastPath, Self.request(page)))
            let cookie = try #require(visitor.headers[.setCookie])
            let routerCookie = try #require(router.headers[.setCookie])
            #expect(cookie.hasPrefix("lyceum_csrf=") && cookie.count == routerCookie.count)
            // Hummingbird writes a cookie's attributes in no fixed order.
            #expect(Set(cookie.split(separator: ";").dropFirst()) == Set(routerCookie.split(separator: ";").dropFirst()))
            #expect(visitor.headers[.cacheControl] == "private, no-cache")
            #expect(visitor.headers[.strictTransportSecurity] == nil)

            let token = String(cookie.dropFirst("lyceum_csrf=".count).prefix { $0 != ";" })
            let returning = try #require(try Self.exchange(fastPath, Self.request(page, [.cookie: "lyceum_csrf=\(token)"])))
            #expect(returning.headers[.setCookie] == nil)
            #expect(returning.headers[.cacheControl] == "no-cache")

            let secure = try #require(try Self.exchange(fastPath, Self.request(page, [.forwardedProto: "https"])))
            #expect(secure.headers[.strictTransportSecurity] == SecurityHeadersMiddleware.strictTransportSecurity)
            #expect(secure.headers[.setCookie]?.contains("Secure") == true)

            _ = try await app.raw(.get, "/api/v1/courses/\(course.slug)")
            let api = try #require(try Self.exchange(fastPath, Self.request("/api/v1/courses/\(course.slug)", [.cookie: "lyceum_csrf=\(token)"])))
            #expect(api.headers[.setCookie] == nil)
        }
    }

    @Test("request ids: a well-formed client id is kept, else a new one; the access line carries it")
    func requestIDs() async throws {
        try await TestApp.run(.sqlite) { app in
            let owner = try await app.account(role: .instructor)
            let course = try await app.buildCourse(owner: owner, modules: 1, lessonsPerModule: 1)
            let outline = "/api/v1/courses/\(course.slug)"
            _ = try await app.raw(.get, outline)
            let lines = CapturedLines()
            var logger = Logger(label: "test") { _ in CapturingLogHandler(lines: lines) }
            logger.logLevel = .info
            let fastPath = Self.fastPath(app, logger: logger)
            #expect(try Self.exchange(fastPath, Self.request(outline, [.requestID: "client-id_42.a:b"]))?.headers[.requestID] == "client-id_42.a:b")
            let replaced = try #require(try Self.exchange(fastPath, Self.request(outline, [.requestID: "bad id <script>"])))
            let id = try #require(replaced.headers[.requestID])
            #expect(id.count == 32 && id != "bad id <script>")
            let logged = lines.all
            #expect(logged.count == 2)
            #expect(logged.last?.message == "GET \(outline) 200")
            #expect(logged.last?.metadata["request.id"] == id)
            #expect(logged.last?.metadata["http.duration_ms"] != nil)
        }
    }

    @Test("API answers draw from the general budget and show it; an empty budget is left to the router's 429")
    func apiBudget() async throws {
        // Setting up the course draws from the same address's budget, so it must be roomy; it refills slowly.
        let budget = RateBudget(capacity: 400, period: 3600)
        try await TestApp.run(.sqlite, configure: { $0.apiRateLimit = budget }) { app in
            let owner = try await app.account(role: .instructor)
            let course = try await app.buildCourse(owner: owner, modules: 1, lessonsPerModule: 1)
            let outline = "/api/v1/courses/\(course.slug)"
            let page = "/courses/\(course.slug)"
            let router = try await app.raw(.get, outline)
            _ = try await app.raw(.get, page)
            #expect(router.headers[.rateLimitRemaining] != nil)
            let fastPath = Self.fastPath(app, budget: budget)
            var remaining: [String] = []
            while let reply = try Self.exchange(fastPath, Self.request(outline)) {
                #expect(reply.headers[.rateLimitLimit] == "400")
                remaining.append(try #require(reply.headers[.rateLimitRemaining]))
            }
            #expect(!remaining.isEmpty && remaining.last == "0")
            #expect(try await app.raw(.get, outline).status == .tooManyRequests)
            // Pages are not drawn from the API's budget.
            #expect(try Self.exchange(fastPath, Self.request(page))?.headers[.rateLimitLimit] == nil)
        }
    }

    @Test("while a request passed on is unanswered, later requests are passed on too, so answers keep their order")
    func pipelining() async throws {
        try await TestApp.run(.sqlite) { app in
            let owner = try await app.account(role: .instructor)
            let course = try await app.buildCourse(owner: owner, modules: 1, lessonsPerModule: 1)
            let outline = "/api/v1/courses/\(course.slug)"
            _ = try await app.raw(.get, outline)
            let channel = EmbeddedChannel(handler: Self.fastPath(app).makeHandler())
            #expect(try Self.exchange(channel, Self.request("/api/v1/me")) == nil)
            #expect(try Self.exchange(channel, Self.request(outline)) == nil)
            for _ in 0..<2 {
                try channel.writeOutbound(HTTPResponsePart.head(HTTPResponse(status: .ok)))
                try channel.writeOutbound(HTTPResponsePart.end(nil))
            }
            while try channel.readOutbound(as: HTTPResponsePart.self) != nil {}
            #expect(try Self.exchange(channel, Self.request(outline))?.status == .ok)
        }
    }

    @Test("through the live server: hits, HEAD, 304, signed-in callers and changes", arguments: TestEngine.available)
    func live(engine: TestEngine) async throws {
        try await TestApp.run(engine, mode: .live) { app in
            let owner = try await app.account(role: .instructor)
            let course = try await app.buildCourse(owner: owner, title: "Live Course", modules: 1, lessonsPerModule: 1)
            let outline = "/api/v1/courses/\(course.slug)"
            let first = try await app.request(.get, outline)
            let second = try await app.request(.get, outline)
            #expect(second.status == .ok && second.body == first.body)
            #expect(second.headers[.contentSecurityPolicy] != nil && second.headers[.requestID] != first.headers[.requestID])
            let etag = try #require(second.headers[.eTag])
            #expect(try await app.request(.get, outline, headers: [.ifNoneMatch: etag]).status == .notModified)
            let head = try await app.raw(.head, outline)
            #expect(head.status == .ok && head.body.readableBytes == 0)

            let student = try await app.register()
            _ = try await app.request(.post, "/api/v1/courses/\(course.id)/enrollment", token: student.accessToken)
            let personal = try await app.request(.get, outline, token: student.accessToken)
            #expect((personal.json["access"] as? [String: Any])?["isEnrolled"] as? Bool == true)
            let anonymous = try await app.request(.get, outline)
            #expect((anonymous.json["access"] as? [String: Any])?["isEnrolled"] as? Bool == false)

            let page = try await app.raw(.get, "/courses/\(course.slug)", headers: [.accept: "text/html"])
            #expect(page.text.contains("Live Course"))
            _ = try await app.request(.patch, "/api/v1/courses/\(course.id)", json: ["title": "Renamed Live"], token: owner.accessToken)
            #expect((try await app.request(.get, outline).json["course"] as? [String: Any])?["title"] as? String == "Renamed Live")
            #expect(try await app.raw(.get, "/courses/\(course.slug)", headers: [.accept: "text/html"]).text.contains("Renamed Live"))
        }
    }
}

/// Log lines kept for assertions.
final class CapturedLines: Sendable {
    struct Line: Sendable {
        let message: String
        let metadata: [String: String]
    }

    private let lines = Mutex<[Line]>([])

    var all: [Line] { lines.withLock { $0 } }

    func append(_ line: Line) { lines.withLock { $0.append(line) } }
}

/// A log handler that keeps every line.
struct CapturingLogHandler: LogHandler {
    let lines: CapturedLines
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let merged = metadata.merging(event.metadata ?? [:]) { _, new in new }
        lines.append(.init(message: event.message.description, metadata: merged.mapValues(\.description)))
    }
}
