import HTTPTypes
import Hummingbird
import Logging
import LyceumCore
import LyceumHTTP
import LyceumPlatform
import NIOCore

/// Answers an anonymous `GET` or `HEAD` from the response cache ahead of the router, when the router last
/// answered the same target (path and query) for an anonymous caller from a cache entry that is still fresh.
///
/// The answer is the one the router's path would give: the cached bytes with `ETag` and `304 Not Modified`,
/// `HEAD` without a body, the request id, the security headers, the API's rate-limit headers, a CSRF cookie
/// for a page's new visitor, `Date` and `Server`; with its access log line and request metrics. Anything
/// else (credentials or a session cookie, a body, `Connection: close`, a miss, a budget that cannot be drawn
/// without waiting) is left to the router, unchanged.
public struct CacheFastPath: Sendable {
    /// The API's general budget, drawn as `RateLimitMiddleware` draws it for an anonymous caller.
    public struct APIBudget: Sendable {
        let limiter: any RateLimiter
        let budget: RateBudget
        let clock: WallClock

        /// Creates the budget.
        public init(limiter: any RateLimiter, budget: RateBudget, clock: WallClock) {
            self.limiter = limiter
            self.budget = budget
            self.clock = clock
        }
    }

    /// A response to write: its head, and its body unless it is a `HEAD` or `304` answer.
    struct Answer {
        let head: HTTPResponse
        let body: ByteBuffer?
    }

    private let cache: InMemoryResponseCache
    private let secureByDefault: Bool
    private let trustedProxies: TrustedProxies
    private let apiBudget: APIBudget?
    private let serverName: String?
    private let logger: Logger
    private let metrics: RequestMetrics
    private let date = HTTPDate()

    /// Creates the fast path.
    /// - Parameters:
    ///   - cache: the cache whose anonymous answers it repeats.
    ///   - secureByDefault: whether the public URL is HTTPS (HSTS and `Secure` cookies), as for the middleware.
    ///   - trustedProxies: the proxies whose `X-Forwarded-For` names the client, for the API budget.
    ///   - apiBudget: the API's general budget, `nil` when API requests are not limited.
    ///   - serverName: the `Server` header the application sends.
    ///   - logger: the server's logger, for access log lines.
    ///   - metrics: where answered requests are counted.
    public init(
        cache: InMemoryResponseCache, secureByDefault: Bool, trustedProxies: TrustedProxies, apiBudget: APIBudget?,
        serverName: String?, logger: Logger, metrics: RequestMetrics
    ) {
        self.cache = cache
        self.secureByDefault = secureByDefault
        self.trustedProxies = trustedProxies
        self.apiBudget = apiBudget
        self.serverName = serverName
        self.logger = logger
        self.metrics = metrics
    }

    /// A handler for one connection's pipeline.
    public func makeHandler() -> CacheFastPathHandler {
        CacheFastPathHandler(fastPath: self)
    }

    /// Whether any session cookie is present, even an empty or malformed one: such a request is the web
    /// layer's to judge.
    static func carriesSessionCookie(_ headers: [String]) -> Bool {
        headers.contains { header in
            header.split(separator: ";").contains { $0.drop { $0 == " " }.hasPrefix(WebSessionMiddleware.sessionCookie) }
        }
    }

    /// The answer to `request` from the connection's peer, or `nil` when the router must answer it.
    func answer(_ request: HTTPRequest, peer: String?) -> Answer? {
        let started = ContinuousClock.now
        let fields = request.headerFields
        guard request.method == .get || request.method == .head, let target = request.path,
            fields[.authorization] == nil, fields[.transferEncoding] == nil,
            !fields[values: .connection].contains(where: { $0.lowercased().contains("close") }),
            fields[.contentLength] == nil || fields[.contentLength] == "0"
        else { return nil }
        let cookieHeaders = fields[values: .cookie]
        guard !Self.carriesSessionCookie(cookieHeaders), let shared = cache.sharedAnswer(forTarget: target) else { return nil }
        let cookies = Cookies(from: cookieHeaders)
        let secure = secureByDefault || fields[.forwardedProto]?.lowercased() == "https"

        var headers = HTTPFields()
        headers.reserveCapacity(16)
        let notModified = fields[.ifNoneMatch] == shared.etag
        if !notModified { headers[.contentType] = shared.contentType }
        headers[.eTag] = shared.etag
        headers[.cacheControl] = "no-cache"
        headers[.contentLength] = notModified ? "0" : String(shared.body.readableBytes)
        if shared.isPage {
            if cookies[WebSessionMiddleware.csrfCookie]?.value.utf8.count != 43 {
                let cookie = WebSessionMiddleware.cookie(WebSessionMiddleware.csrfCookie, value: SecureToken.generate(), maxAge: nil, secure: secure)
                headers[values: .setCookie].append(cookie.description)
                headers[.cacheControl] = "private, no-cache"
            }
        } else if let apiBudget {
            let client = trustedProxies.client(peer: peer, forwardedFor: fields[.forwardedFor]) ?? "unknown"
            guard let decision = apiBudget.limiter.takeImmediately("api:address:\(client)", budget: apiBudget.budget, now: apiBudget.clock.now()),
                decision.allowed
            else { return nil }
            headers[.rateLimitLimit] = String(decision.limit)
            headers[.rateLimitRemaining] = String(decision.remaining)
            headers[.rateLimitReset] = String(decision.resetSeconds)
        }
        let requestID = RequestEnvelopeMiddleware.requestID(for: fields)
        headers[.requestID] = requestID
        SecurityHeadersMiddleware.apply(to: &headers, secure: secure)
        headers[.date] = date.now
        if let serverName { headers[.server] = serverName }

        let status: HTTPResponse.Status = notModified ? .notModified : .ok
        let elapsed = ContinuousClock.now - started
        metrics.record(route: shared.route, method: request.method, status: status.code, nanoseconds: elapsed.nanoseconds)
        AccessLog.record(
            logger, method: request.method, path: target.prefix { $0 != "?" }, status: status.code, elapsed: elapsed,
            requestID: requestID
        )
        let body = notModified || request.method == .head ? nil : shared.body
        return Answer(head: HTTPResponse(status: status, headerFields: headers), body: body)
    }
}
