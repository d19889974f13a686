import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import LyceumPlatform
import NIOConcurrencyHelpers
import NIOCore
import ServiceLifecycle

/// The bytes of a cacheable answer and the tags a change drops it by (`course:<id>`, `catalog`).
public struct CachedBody: Sendable {
    /// The encoded answer.
    public let bytes: ByteBuffer
    /// What the answer shows; invalidating any of these drops it.
    public let tags: Set<String>

    /// Creates a cacheable body.
    public init(_ bytes: ByteBuffer, tags: Set<String>) {
        self.bytes = bytes
        self.tags = tags
    }
}

/// A cached answer the router gave an anonymous caller for one request target (path and query, as sent), so
/// the next anonymous request for that target can be answered ahead of the router (`CacheFastPathHandler`).
public struct SharedAnswer: Sendable {
    /// The encoded answer.
    public let body: ByteBuffer
    /// Its `Content-Type`.
    public let contentType: String
    /// Its quoted `ETag`.
    public let etag: String
    /// The route that answered, as the router names it (`/api/v1/courses/{course}`), for metrics.
    public let route: String
    /// Whether a page answered (the web layer hands new visitors a CSRF cookie) rather than the API.
    public let isPage: Bool
}

/// Encoded responses of hot shared reads (catalog pages, course outlines), answered with an `ETag` so a
/// client that already has the bytes gets `304 Not Modified`.
public protocol ResponseCache: Sendable {
    /// Answers from the cache, or with what `produce` makes (then cached). Errors from `produce` propagate
    /// and nothing is cached. `context` tells whether the caller is anonymous and which route answers.
    func response(
        for key: String, contentType: String, request: Request, context: AppRequestContext,
        produce: () async throws -> CachedBody
    ) async throws -> Response
    /// Drops every answer carrying one of `tags` (`nil`: every answer), here and on every other replica.
    func invalidate(_ tags: Set<String>?) async
}

/// The response cache of one process, kept in step across replicas through pub/sub: an invalidation drops
/// the tagged entries here at once and is published, and every process (this one included) drops what each
/// published invalidation names. Run it as a service so it listens.
///
/// When the subscription was lost and restored, or publishing fails, messages may be missing, so the cache
/// drops everything; `lifetime` is the last bound on staleness should a message never arrive.
public final class InMemoryResponseCache: ResponseCache, Service {
    /// The pub/sub channel invalidations travel on.
    public static let channel = "lyceum_cache"

    private struct Entry {
        let body: ByteBuffer
        let contentType: String
        let etag: String
        let tags: Set<String>
        let storedAt: ContinuousClock.Instant
    }

    /// Which entry the router answered an anonymous request target with, and through which route.
    private struct Target: Equatable {
        let key: String
        let route: String
        let isPage: Bool
    }

    private struct State {
        var entries: [String: Entry] = [:]
        var targets: [String: Target] = [:]
        /// Bumped by every invalidation, so a render that began before a change is not stored after it.
        var generation = 0
        /// How many (re)subscriptions to invalidations this cache has heard of.
        var subscriptionsHeard = 0
    }

    private let state = NIOLockedValueBox(State())
    private let pubSub: any PubSub
    private let logger: Logger
    private let lifetime: Duration
    private let capacity: Int
    /// Marks this cache's own invalidation messages, which it has already applied before publishing, so their
    /// echo does not drop entries stored since (`@origin` first; older replicas read it as an unknown tag).
    private let origin = "@" + UUID().uuidString.lowercased()

    /// Creates a cache holding at most `capacity` responses for at most `lifetime` each.
    public init(pubSub: any PubSub, logger: Logger, lifetime: Duration = .seconds(60), capacity: Int = 2_000) {
        self.pubSub = pubSub
        self.logger = logger
        self.lifetime = lifetime
        self.capacity = capacity
    }

    public func invalidate(_ tags: Set<String>?) async {
        drop(tags)
        do {
            try await pubSub.publish(origin + " " + (tags.map { $0.sorted().joined(separator: " ") } ?? "*"), on: Self.channel)
        } catch {
            logger.error("Could not publish a cache invalidation; other replicas refresh within the cache lifetime",
                         metadata: ["error": "\(error)"])
        }
    }

    /// Listens for invalidations from every process until shutdown.
    public func run() async throws {
        let events = pubSub.subscribe(to: Self.channel)
        // Anything cached before the subscription existed may have missed an invalidation.
        drop(nil)
        await cancelWhenGracefulShutdown {
            for await event in events {
                switch event {
                case .message(let text): self.apply(text)
                case .resubscribed:
                    self.drop(nil)
                    self.state.withLockedValue { $0.subscriptionsHeard += 1 }
                }
            }
        }
    }

    /// How many times the invalidation subscription has begun listening (PostgreSQL's `LISTEN`; in-process
    /// pub/sub never loses messages and never reports it). Each time drops everything cached before, so a
    /// caller that must not race that drop waits until this is at least 1.
    public var subscriptionsHeard: Int { state.withLockedValue { $0.subscriptionsHeard } }

    /// Applies an invalidation message from any process: `[@origin] tag tag …` or `[@origin] *`. Its own
    /// messages were applied when sent and are ignored.
    func apply(_ message: String) {
        var words = message.split(separator: " ")
        if let first = words.first, first.hasPrefix("@") {
            if first == origin { return }
            words.removeFirst()
        }
        drop(words == ["*"] ? nil : Set(words.map(String.init)))
    }

    /// Drops the entries carrying any of `tags`, or every entry.
    func drop(_ tags: Set<String>?) {
        state.withLockedValue { state in
            if let tags {
                state.entries = state.entries.filter { $0.value.tags.isDisjoint(with: tags) }
            } else {
                state.entries.removeAll(keepingCapacity: true)
                state.targets.removeAll(keepingCapacity: true)
            }
            state.generation += 1
        }
    }

    public func response(
        for key: String, contentType: String, request: Request, context: AppRequestContext,
        produce: () async throws -> CachedBody
    ) async throws -> Response {
        let now = ContinuousClock.now
        let target = Self.target(of: request, key: key, context: context)
        let (cached, generation) = state.withLockedValue { state in
            if let target, state.entries[key] != nil { Self.remember(target, in: &state, capacity: capacity) }
            return (state.entries[key], state.generation)
        }
        if let cached, now - cached.storedAt < lifetime {
            return Self.answer(cached, request: request)
        }
        let produced = try await produce()
        let body = produced.bytes
        let digest = SHA256.hash(data: Data(body.readableBytesView)).prefix(12).map { String(format: "%02x", $0) }.joined()
        let entry = Entry(body: body, contentType: contentType, etag: "\"\(digest)\"", tags: produced.tags, storedAt: now)
        state.withLockedValue { state in
            guard state.generation == generation else { return }
            if state.entries.count >= capacity { state.entries.removeAll(keepingCapacity: true) }
            state.entries[key] = entry
            if let target { Self.remember(target, in: &state, capacity: capacity) }
        }
        return Self.answer(entry, request: request)
    }

    /// The fresh answer the router last gave an anonymous request for `target` (path and query as sent).
    public func sharedAnswer(forTarget target: String) -> SharedAnswer? {
        let now = ContinuousClock.now
        return state.withLockedValue { state in
            guard let target = state.targets[target], let entry = state.entries[target.key], now - entry.storedAt < lifetime
            else { return nil }
            return SharedAnswer(
                body: entry.body, contentType: entry.contentType, etag: entry.etag, route: target.route, isPage: target.isPage
            )
        }
    }

    /// The target to remember for an anonymous caller (no principal, no rejected credentials) on a known route.
    private static func target(of request: Request, key: String, context: AppRequestContext) -> (path: String, Target)? {
        guard context.principal == nil, context.credentialError == nil, let path = request.head.path,
            let route = context.endpointPath
        else { return nil }
        return (path, Target(key: key, route: route, isPage: context.csrfToken != nil))
    }

    private static func remember(_ target: (path: String, Target), in state: inout State, capacity: Int) {
        guard state.targets[target.path] != target.1 else { return }
        if state.targets.count >= capacity { state.targets.removeAll(keepingCapacity: true) }
        state.targets[target.path] = target.1
    }

    private static func answer(_ entry: Entry, request: Request) -> Response {
        if request.headers[.ifNoneMatch] == entry.etag {
            return Response(status: .notModified, headers: [.eTag: entry.etag, .cacheControl: "no-cache"])
        }
        return Response(
            status: .ok,
            headers: [.contentType: entry.contentType, .eTag: entry.etag, .cacheControl: "no-cache"],
            body: .init(byteBuffer: entry.body)
        )
    }
}
