import AsyncHTTPClient
import Foundation
import Hummingbird
import HummingbirdTesting
import LyceumCore
import LyceumPlatform
import Synchronization
import Testing

/// The ECS/EKS container credentials provider against a tiny local credentials endpoint.
@Suite("Container credentials")
struct ContainerCredentialProviderTests {
    /// A clock the test moves by hand.
    final class ManualClock: Sendable {
        let current = Mutex(Date(timeIntervalSince1970: 1_800_000_000))
        var wallClock: WallClock { WallClock { self.current.withLock { $0 } } }
        func advance(_ seconds: TimeInterval) { current.withLock { $0 += seconds } }
    }

    /// What the endpoint saw and will answer.
    final class Endpoint: Sendable {
        let calls = Mutex<[String?]>([])
        let failing = Mutex(false)
        let clock: ManualClock
        init(clock: ManualClock) { self.clock = clock }

        var router: Router<BasicRequestContext> {
            let router = Router()
            router.get("/v2/credentials") { request, _ -> Response in
                let call = self.calls.withLock { calls -> Int in
                    calls.append(request.headers[.authorization])
                    return calls.count
                }
                if self.failing.withLock({ $0 }) { return Response(status: .internalServerError) }
                let expiration = ISO8601DateFormatter().string(from: self.clock.current.withLock { $0 }.addingTimeInterval(3_600))
                let json = #"{"AccessKeyId":"ASIA\#(call)","SecretAccessKey":"secret\#(call)","Token":"token\#(call)","Expiration":"\#(expiration)"}"#
                return Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: json)))
            }
            return router
        }
    }

    static func withEndpoint(_ body: @escaping @Sendable (ManualClock, Endpoint, URL) async throws -> Void) async throws {
        let clock = ManualClock()
        let endpoint = Endpoint(clock: clock)
        let app = Application(router: endpoint.router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await app.test(.live) { client in
            let port = try #require(client.port)
            try await body(clock, endpoint, try #require(URL(string: "http://127.0.0.1:\(port)/v2/credentials")))
        }
    }

    @Test("fetches with the authorization token, caches, and refreshes five minutes before expiry")
    func refreshes() async throws {
        try await Self.withEndpoint { clock, endpoint, url in
            let environment = ["AWS_CONTAINER_CREDENTIALS_FULL_URI": url.absoluteString, "AWS_CONTAINER_AUTHORIZATION_TOKEN": "Bearer abc"]
            let resolved = try AWSCredentialSource.resolve(configured: nil, environment: environment, httpClient: .shared)
            #expect(resolved is ContainerCredentialProvider)
            let provider = ContainerCredentialProvider(
                endpoint: url, authorizationToken: "Bearer abc", authorizationTokenFile: nil, httpClient: .shared, clock: clock.wallClock
            )
            let first = try await provider.credentials()
            #expect(first.accessKeyId == "ASIA1" && first.secretAccessKey == "secret1" && first.sessionToken == "token1")
            #expect(first.expiration == clock.current.withLock { $0 }.addingTimeInterval(3_600))
            clock.advance(54 * 60)
            #expect(try await provider.credentials().accessKeyId == "ASIA1")
            clock.advance(2 * 60)
            #expect(try await provider.credentials().accessKeyId == "ASIA2")
            #expect(endpoint.calls.withLock { $0 } == ["Bearer abc", "Bearer abc"])
        }
    }

    @Test("concurrent callers share one fetch")
    func sharesFetch() async throws {
        try await Self.withEndpoint { clock, endpoint, url in
            let provider = ContainerCredentialProvider(
                endpoint: url, authorizationToken: nil, authorizationTokenFile: nil, httpClient: .shared, clock: clock.wallClock
            )
            let keys = try await withThrowingTaskGroup(of: String.self) { group in
                for _ in 0..<20 { group.addTask { try await provider.credentials().accessKeyId } }
                return try await group.reduce(into: Set<String>()) { $0.insert($1) }
            }
            #expect(keys == ["ASIA1"])
            #expect(endpoint.calls.withLock { $0.count } == 1)
        }
    }

    @Test("the token file is read at each fetch (EKS rotates it)")
    func tokenFile() async throws {
        try await Self.withEndpoint { clock, endpoint, url in
            let file = NSTemporaryDirectory() + "lyceum-token-" + UUID().uuidString
            defer { try? FileManager.default.removeItem(atPath: file) }
            try "first-token\n".write(toFile: file, atomically: true, encoding: .utf8)
            let provider = ContainerCredentialProvider(
                endpoint: url, authorizationToken: nil, authorizationTokenFile: file, httpClient: .shared, clock: clock.wallClock
            )
            _ = try await provider.credentials()
            try "second-token".write(toFile: file, atomically: true, encoding: .utf8)
            clock.advance(3_600)
            _ = try await provider.credentials()
            #expect(endpoint.calls.withLock { $0 } == ["first-token", "second-token"])
        }
    }

    @Test("a failed refresh keeps credentials that still work, and fails once they expire")
    func failedRefresh() async throws {
        try await Self.withEndpoint { clock, endpoint, url in
            let provider = ContainerCredentialProvider(
                endpoint: url, authorizationToken: nil, authorizationTokenFile: nil, httpClient: .shared, clock: clock.wallClock
            )
            _ = try await provider.credentials()
            endpoint.failing.withLock { $0 = true }
            clock.advance(58 * 60)
            #expect(try await provider.credentials().accessKeyId == "ASIA1")
            clock.advance(3 * 60)
            await #expect(throws: ObjectStoreError.credentials("the container credentials endpoint answered 500")) {
                try await provider.credentials()
            }
        }
    }

    @Test("credentials come from configuration, then AWS_* variables, then the container endpoint")
    func resolutionOrder() throws {
        let configured = AWSCredentials(accessKeyId: "CONFIGURED", secretAccessKey: "s")
        let environment = [
            "AWS_ACCESS_KEY_ID": "ENVIRONMENT", "AWS_SECRET_ACCESS_KEY": "s", "AWS_SESSION_TOKEN": "t",
            "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI": "/v2/credentials/abc",
        ]
        #expect(try AWSCredentialSource.resolve(configured: configured, environment: environment, httpClient: .shared) is StaticCredentialProvider)
        #expect(try AWSCredentialSource.resolve(configured: nil, environment: environment, httpClient: .shared) is StaticCredentialProvider)
        var containerOnly = environment
        containerOnly["AWS_ACCESS_KEY_ID"] = nil
        #expect(try AWSCredentialSource.resolve(configured: nil, environment: containerOnly, httpClient: .shared) is ContainerCredentialProvider)
        #expect(throws: ConfigurationError.self) { try AWSCredentialSource.resolve(configured: nil, environment: [:], httpClient: .shared) }
    }

    @Test("a full URI must be HTTPS, or HTTP to loopback or the ECS/EKS addresses", arguments: [
        ("https://credentials.example/v1", true), ("http://127.0.0.1:9000/c", true), ("http://localhost/c", true),
        ("http://169.254.170.23/v1/credentials", true), ("http://example.com/c", false), ("http://10.0.0.1/c", false),
        ("ftp://127.0.0.1/c", false),
    ])
    func fullURIHosts(uri: String, allowed: Bool) {
        let result = Result { try AWSCredentialSource.resolve(configured: nil, environment: ["AWS_CONTAINER_CREDENTIALS_FULL_URI": uri], httpClient: .shared) }
        #expect(((try? result.get()) != nil) == allowed)
    }
}
