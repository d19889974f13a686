import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import NIOConcurrencyHelpers
import NIOCore

/// Encoded responses of hot shared reads (catalog pages, course outlines), kept in memory as bytes.
///
/// Entries die when the owning domain reports a change (`invalidateAll`, immediate on this replica) or after
/// `lifetime`, which bounds staleness on other replicas until cross-replica invalidation exists. Answers carry
/// an `ETag`, so a client that already has the bytes gets `304 Not Modified`.
public final class ResponseCache: Sendable {
    private struct Entry {
        let body: ByteBuffer
        let contentType: String
        let etag: String
        let storedAt: ContinuousClock.Instant
    }

    private struct State {
        var entries: [String: Entry] = [:]
        /// Bumped by every invalidation, so a render that began before a change is not stored after it.
        var generation = 0
    }

    private let state = NIOLockedValueBox(State())
    private let lifetime: Duration
    private let capacity: Int

    /// Creates a cache holding at most `capacity` responses for at most `lifetime` each.
    public init(lifetime: Duration = .seconds(5), capacity: Int = 2_000) {
        self.lifetime = lifetime
        self.capacity = capacity
    }

    /// Forgets everything (called after any write that could change a cached answer).
    public func invalidateAll() {
        state.withLockedValue { state in
            state.entries.removeAll(keepingCapacity: true)
            state.generation += 1
        }
    }

    /// Answers from the cache, or with the bytes `produce` makes (which are then cached).
    /// Errors from `produce` propagate and nothing is cached.
    public func response(
        for key: String, contentType: String, request: Request, produce: () async throws -> ByteBuffer
    ) async throws -> Response {
        let now = ContinuousClock.now
        let (cached, generation) = state.withLockedValue { ($0.entries[key], $0.generation) }
        if let cached, now - cached.storedAt < lifetime {
            return Self.answer(cached, request: request)
        }
        let body = try await produce()
        let digest = SHA256.hash(data: Data(body.readableBytesView)).prefix(12).map { String(format: "%02x", $0) }.joined()
        let entry = Entry(body: body, contentType: contentType, etag: "\"\(digest)\"", storedAt: now)
        state.withLockedValue { state in
            guard state.generation == generation else { return }
            if state.entries.count >= capacity { state.entries.removeAll(keepingCapacity: true) }
            state.entries[key] = entry
        }
        return Self.answer(entry, request: request)
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
