import HTTPTypes
import Hummingbird
import LyceumCore
@testable import LyceumHTTP
import LyceumPlatform
import LyceumTestSupport
import NIOCore
import NIOEmbedded
import Testing

@Suite("Cache invalidation echoes")
struct CacheEchoTests {
    @Test("a cache ignores the echo of its own invalidation but applies other processes' messages and the older format")
    func ownEchoIgnored() async throws {
        let pubSub = InProcessPubSub()
        let cache = InMemoryResponseCache(pubSub: pubSub, logger: TestDatabases.logger)
        let produced = ProducedCounter()
        let request = Request(head: .init(method: .get, scheme: "http", authority: "x", path: "/"), body: .init(buffer: ByteBuffer()))
        let context = AppRequestContext(source: .init(channel: EmbeddedChannel(), logger: TestDatabases.logger))
        func fetch() async throws -> Int {
            _ = try await cache.response(for: "a", contentType: "text/plain", request: request, context: context) {
                produced.add("a")
                return CachedBody(ByteBuffer(string: "a"), tags: ["course:a"])
            }
            return produced.counts["a"] ?? 0
        }
        let messages = pubSub.subscribe(to: InMemoryResponseCache.channel)
        #expect(try await fetch() == 1)
        await cache.invalidate(["course:a"])
        var iterator = messages.makeAsyncIterator()
        guard case .message(let echo) = await iterator.next() else { Issue.record("nothing was published"); return }
        #expect(try await fetch() == 2, "its own invalidation drops the entry at once")

        // The echo arrives after the entry was stored again (as under load): it must not drop it.
        cache.apply(echo)
        #expect(try await fetch() == 2)
        // Another process's message, and one from a replica still on the older format, do.
        cache.apply("@another-process course:a")
        #expect(try await fetch() == 3)
        cache.apply("course:a")
        #expect(try await fetch() == 4)
        cache.apply("@another-process *")
        #expect(try await fetch() == 5)
        cache.apply("@another-process course:b")
        #expect(try await fetch() == 5)
    }
}
