import AsyncHTTPClient
import Foundation
import LyceumCore
import NIOCore
import NIOHTTP1
import NIOPosix

/// Temporary credentials from the ECS or EKS container credentials endpoint (the task's or pod's IAM role),
/// fetched on first use and again five minutes before they expire. Concurrent callers share one fetch; if a
/// refresh fails while the old credentials still work, they are used until they expire.
public actor ContainerCredentialProvider: AWSCredentialProvider {
    /// How long before expiry credentials are renewed.
    public static let refreshMargin: TimeInterval = 5 * 60
    /// The endpoint ECS serves `AWS_CONTAINER_CREDENTIALS_RELATIVE_URI` on.
    static let ecsHost = "http://169.254.170.2"

    private let endpoint: URL
    private let authorizationToken: String?
    private let authorizationTokenFile: String?
    private let httpClient: HTTPClient
    private let clock: WallClock
    private var cached: AWSCredentials?
    private var refresh: Task<AWSCredentials, any Error>?

    /// Creates a provider for `endpoint`; the `Authorization` header is `authorizationToken`, or the contents
    /// of `authorizationTokenFile` read at each fetch (EKS rotates it).
    public init(
        endpoint: URL, authorizationToken: String?, authorizationTokenFile: String?, httpClient: HTTPClient, clock: WallClock = .system
    ) {
        self.endpoint = endpoint
        self.authorizationToken = authorizationToken
        self.authorizationTokenFile = authorizationTokenFile
        self.httpClient = httpClient
        self.clock = clock
    }

    /// The endpoint the environment names, if any. A full URI must be HTTPS, or HTTP to loopback or to the
    /// ECS and EKS link-local addresses, as AWS SDKs require.
    static func endpoint(environment: [String: String]) throws(ConfigurationError) -> URL? {
        if let relative = environment["AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"], !relative.isEmpty {
            guard relative.hasPrefix("/"), let url = URL(string: ecsHost + relative) else {
                throw ConfigurationError("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI must be a path starting with / (got \(relative)).")
            }
            return url
        }
        guard let full = environment["AWS_CONTAINER_CREDENTIALS_FULL_URI"], !full.isEmpty else { return nil }
        guard let url = URL(string: full), let scheme = url.scheme?.lowercased(), let host = url.host?.lowercased() else {
            throw ConfigurationError("AWS_CONTAINER_CREDENTIALS_FULL_URI is not a URL (got \(full)).")
        }
        let allowedHTTPHosts = ["localhost", "::1", "[::1]", "169.254.170.2", "169.254.170.23", "fd00:ec2::23", "[fd00:ec2::23]"]
        guard scheme == "https" || (scheme == "http" && (allowedHTTPHosts.contains(host) || host.hasPrefix("127."))) else {
            throw ConfigurationError(
                "AWS_CONTAINER_CREDENTIALS_FULL_URI must be https://, or http:// to loopback or the ECS/EKS credential addresses (got \(full))."
            )
        }
        return url
    }

    public func credentials() async throws -> AWSCredentials {
        let now = clock.now()
        if let cached, !Self.needsRefresh(cached, now: now) { return cached }
        let task: Task<AWSCredentials, any Error>
        if let refresh {
            task = refresh
        } else {
            task = Task { try await self.fetch() }
            refresh = task
        }
        do {
            let fresh = try await task.value
            if refresh == task { refresh = nil }
            cached = fresh
            return fresh
        } catch {
            if refresh == task { refresh = nil }
            if let cached, (cached.expiration ?? .distantFuture) > clock.now() { return cached }
            throw error
        }
    }

    private static func needsRefresh(_ credentials: AWSCredentials, now: Date) -> Bool {
        guard let expiration = credentials.expiration else { return false }
        return expiration.timeIntervalSince(now) < refreshMargin
    }

    private struct Answer: Decodable {
        let AccessKeyId: String
        let SecretAccessKey: String
        let Token: String?
        let Expiration: String?
    }

    private func fetch() async throws -> AWSCredentials {
        var request = HTTPClientRequest(url: endpoint.absoluteString)
        if let token = try await authorization() { request.headers.add(name: "Authorization", value: token) }
        let response: HTTPClientResponse
        let body: ByteBuffer
        do {
            response = try await httpClient.execute(request, timeout: .seconds(5))
            body = try await response.body.collect(upTo: 64 * 1024)
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            throw ObjectStoreError.credentials("the container credentials endpoint cannot be reached")
        }
        guard response.status == .ok else {
            throw ObjectStoreError.credentials("the container credentials endpoint answered \(response.status.code)")
        }
        guard let answer = try? JSONDecoder().decode(Answer.self, from: Data(body.readableBytesView)) else {
            throw ObjectStoreError.credentials("the container credentials endpoint's answer is not credentials")
        }
        let expiration = try answer.Expiration.map { text throws(ObjectStoreError) -> Date in
            guard let date = Self.parseTimestamp(text) else { throw .credentials("the credentials' expiration \(text) is not a timestamp") }
            return date
        }
        return AWSCredentials(
            accessKeyId: answer.AccessKeyId, secretAccessKey: answer.SecretAccessKey, sessionToken: answer.Token, expiration: expiration
        )
    }

    private func authorization() async throws -> String? {
        if let authorizationToken { return authorizationToken }
        guard let path = authorizationTokenFile else { return nil }
        do {
            return try await NIOThreadPool.singleton.runIfActive {
                try String(contentsOfFile: path, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
            }
        } catch {
            throw ObjectStoreError.credentials("AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE \(path) cannot be read")
        }
    }

    static func parseTimestamp(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.date(from: text)
    }
}
