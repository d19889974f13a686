import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Identity
import LyceumApp
import LyceumContracts
import LyceumCore
import LyceumHTTP
import LyceumPlatform
import LyceumTestSupport
import NIOCore
import SQLKit
import Synchronization
import Testing

/// A settable clock for tests of expiry.
final class TestClock: Sendable {
    private let offset = Mutex(0.0)

    /// Moves time forward.
    func advance(by seconds: TimeInterval) { offset.withLock { $0 += seconds } }

    var wallClock: WallClock {
        WallClock { [self] in Date().addingTimeInterval(self.offset.withLock { $0 }) }
    }
}

/// The application under test, built by the same `buildApplication` as production, on a fresh database.
struct TestApp {
    let client: any TestClientProtocol
    let services: LyceumServices
    let clock: TestClock

    /// Builds the app on a fresh database of `engine` and runs `body` against its router (`.live`: its server).
    static func run(
        _ engine: TestEngine,
        mode: TestingSetup = .router,
        configure: (inout LyceumConfiguration) -> Void = { _ in },
        _ body: @Sendable (TestApp) async throws -> Void
    ) async throws {
        let objects = NSTemporaryDirectory() + "lyceum-objects-" + UUID().uuidString.lowercased()
        defer { try? FileManager.default.removeItem(atPath: objects) }
        try await TestDatabases.withFreshLocation(engine) { location in
            var configuration: LyceumConfiguration
            switch location {
            case .sqlite(let directory):
                configuration = LyceumConfiguration(dataDirectory: directory)
            case .postgres(let url):
                configuration = LyceumConfiguration(dataDirectory: NSTemporaryDirectory())
                // Uploaded files of each app apart, as its database is.
                configuration.objectStorage = .disk(path: objects)
                configuration.storage = .postgres(try DatabaseURL(url))
                configuration.databasePoolSize = TestDatabases.postgresPoolSize
                configuration.jwtSecret = "test-secret-test-secret-test-secret-0123"
            }
            configuration.bcryptCost = 4
            configuration.port = 0
            // Suites sign in hundreds of times from one address; the rate-limit suite turns budgets back on.
            configuration.apiRateLimit = nil
            configuration.actionLimits = .unlimited
            configure(&configuration)
            let clock = TestClock()
            let (application, services) = try await buildApplication(
                configuration: configuration, logger: TestDatabases.logger, clock: clock.wallClock
            )
            do {
                try await application.test(mode) { client in
                    try await waitUntilListening(services)
                    try await body(TestApp(client: client, services: services, clock: clock))
                }
            } catch {
                await services.database.shutdown()
                throw error
            }
            await services.database.shutdown()
        }
    }
}

/// On PostgreSQL, waits until the response cache has heard its `LISTEN` begin: it then drops everything cached
/// before (messages may have been missed), which would race a test's first reads.
private func waitUntilListening(_ services: LyceumServices) async throws {
    guard services.database.engine == .postgres else { return }
    try await withDeadline(.seconds(20), "the cache listening for invalidations") {
        while services.responseCache.subscriptionsHeard == 0 {
            try await Task.sleep(for: .milliseconds(5))
        }
    }
}

/// A decoded response, for assertions.
struct Reply: Sendable {
    let status: HTTPResponse.Status
    let headers: HTTPFields
    let body: ByteBuffer

    /// The body parsed as a JSON object (empty when it is not one).
    var json: [String: any Sendable] {
        (try? JSONSerialization.jsonObject(with: Data(body.readableBytesView))) as? [String: any Sendable] ?? [:]
    }

    var text: String { String(buffer: body) }

    /// `error.code` of an error envelope.
    var errorCode: String? { (json["error"] as? [String: Any])?["code"] as? String }

    /// `error.fields` of an error envelope.
    var errorFields: [String: String] { (json["error"] as? [String: Any])?["fields"] as? [String: String] ?? [:] }

    /// `user` of a response that carries one.
    var user: [String: Any] { json["user"] as? [String: Any] ?? [:] }
}

/// A signed-in API user.
struct APIUser: Sendable {
    let id: String
    let email: String
    let password: String
    let accessToken: String
    let refreshToken: String
}

extension TestApp {
    /// Sends a request with an optional JSON body and bearer token.
    func request(
        _ method: HTTPRequest.Method, _ path: String, json: [String: any Sendable]? = nil, token: String? = nil,
        headers extra: HTTPFields = [:]
    ) async throws -> Reply {
        var headers = extra
        var body: ByteBuffer?
        if let json {
            headers[.contentType] = "application/json"
            body = ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: json))
        }
        if let token { headers[.authorization] = "Bearer \(token)" }
        return try await raw(method, path, headers: headers, body: body)
    }

    /// Sends raw bytes.
    func raw(_ method: HTTPRequest.Method, _ path: String, headers: HTTPFields = [:], body: ByteBuffer? = nil) async throws -> Reply {
        try await client.execute(uri: path, method: method, headers: headers, body: body) { response in
            Reply(status: response.status, headers: response.headers, body: response.body)
        }
    }

    /// Registers a student through the API and returns its credentials.
    @discardableResult
    func register(
        _ email: String = "student-\(UUID().uuidString.prefix(8))@example.org", name: String = "Test Student",
        password: String = "a long enough password"
    ) async throws -> APIUser {
        let reply = try await request(.post, "/api/v1/auth/register", json: ["email": email, "password": password, "displayName": name])
        try #require(reply.status == .created, "registration failed: \(reply.text)")
        return try user(from: reply, password: password)
    }

    /// Creates an account with `role` directly in Identity (as the CLI does) and signs it in through the API.
    func account(role: Role, email: String? = nil) async throws -> APIUser {
        let email = email ?? "\(role.rawValue)-\(UUID().uuidString.prefix(8))@example.org"
        let password = "a long enough password"
        _ = try await services.identity().createAccount(
            email: email, password: password, displayName: "Test \(role.rawValue)", role: role, emailVerified: true
        )
        return try await login(email, password: password)
    }

    /// Signs in through the API.
    func login(_ email: String, password: String) async throws -> APIUser {
        let reply = try await request(.post, "/api/v1/auth/login", json: ["email": email, "password": password])
        try #require(reply.status == .ok, "login failed: \(reply.text)")
        return try user(from: reply, password: password)
    }

    private func user(from reply: Reply, password: String) throws -> APIUser {
        let json = reply.json
        let user = try #require(json["user"] as? [String: Any])
        return APIUser(
            id: try #require(user["id"] as? String),
            email: try #require(user["email"] as? String),
            password: password,
            accessToken: try #require(json["accessToken"] as? String),
            refreshToken: try #require(json["refreshToken"] as? String)
        )
    }

    /// The messages sent to `recipient`, newest first, once the mail and event queues have no job left to run
    /// (mail is sent by a job, after the request that caused it).
    func mail(to recipient: String) async throws -> [MailMessage] {
        let deadline = ContinuousClock.now + .seconds(10)
        while ContinuousClock.now < deadline {
            let pending = try await services.jobs.summary().filter { ["mail", "events"].contains($0.queue) }
                .reduce(0) { $0 + $1.due + $1.scheduled + $1.running + $1.retrying }
            if pending == 0 { break }
            try await Task.sleep(for: .milliseconds(20))
        }
        return try await services.mailer.messages(to: recipient)
    }

    /// The token in the newest email to `recipient` whose link contains `path`.
    func tokenFromMail(to recipient: String, path: String) async throws -> String {
        let messages = try await mail(to: recipient)
        let body = try #require(messages.first { $0.body.contains(path) }?.body, "no mail with \(path) to \(recipient)")
        let start = try #require(body.range(of: "\(path)?token="))
        return String(body[start.upperBound...].prefix { !$0.isWhitespace })
    }
}
