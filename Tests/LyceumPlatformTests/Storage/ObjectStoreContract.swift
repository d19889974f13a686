import Crypto
import Foundation
import LyceumPlatform
import NIOCore
import Testing

/// A body of `chunkCount` chunks of `chunkSize` deterministic bytes, failing after `failAfter` chunks if set.
struct GeneratedBody: AsyncSequence, Sendable {
    typealias Element = ByteBuffer
    let chunkSize: Int
    let chunkCount: Int
    var failAfter: Int?

    struct Broken: Error {}

    var totalSize: Int64 { Int64(chunkSize) * Int64(chunkCount) }

    static func chunk(_ index: Int, size: Int) -> ByteBuffer {
        ByteBuffer(bytes: (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ index &* 7) })
    }

    /// The SHA-256 of the whole body, computed without keeping it.
    var digest: SHA256.Digest {
        var hasher = SHA256()
        for index in 0..<chunkCount { hasher.update(data: Array(buffer: Self.chunk(index, size: chunkSize))) }
        return hasher.finalize()
    }

    func makeAsyncIterator() -> AsyncIterator { AsyncIterator(body: self) }

    struct AsyncIterator: AsyncIteratorProtocol {
        let body: GeneratedBody
        var index = 0

        mutating func next() async throws -> ByteBuffer? {
            if let failAfter = body.failAfter, index == failAfter { throw Broken() }
            guard index < body.chunkCount else { return nil }
            defer { index += 1 }
            return GeneratedBody.chunk(index, size: body.chunkSize)
        }
    }
}

extension ObjectBody {
    /// Reads the whole body (small test objects only).
    func collect() async throws -> String {
        var bytes = ByteBuffer()
        for try await var chunk in self { bytes.writeBuffer(&chunk) }
        return String(buffer: bytes)
    }
}

/// What every `ObjectStore` must do, run against the disk store always and against S3 when a server is
/// configured. `prefix` isolates one run's keys.
enum ObjectStoreContract {
    static func key(_ prefix: String, _ name: String) throws -> ObjectKey { try ObjectKey(prefix + "/" + name) }

    static func putGetHeadRanges(_ store: any ObjectStore, prefix: String) async throws {
        let key = try key(prefix, "notes/hello.txt")
        let stored = try await store.put(key, bytes: ByteBuffer(string: "hello world"), contentType: "text/plain; charset=utf-8")
        #expect(stored.size == 11)
        let info = try await store.head(key)
        #expect(info.size == 11)
        #expect(info.contentType == "text/plain; charset=utf-8")
        #expect(info.etag.count > 2 && info.etag.hasPrefix("\""))

        let whole = try await store.get(key, range: nil)
        #expect(whole.range == nil && whole.contentLength == 11)
        #expect(try await whole.body.collect() == "hello world")

        let first = try await store.get(key, range: .bounded(first: 0, last: 4))
        #expect(first.range == 0...4 && first.contentRange == "bytes 0-4/11" && first.info.size == 11)
        #expect(try await first.body.collect() == "hello")
        #expect(try await store.get(key, range: .suffix(length: 5)).body.collect() == "world")
        #expect(try await store.get(key, range: .from(first: 6)).body.collect() == "world")
        #expect(try await store.get(key, range: .bounded(first: 6, last: 500)).body.collect() == "world")
        await #expect(throws: ObjectStoreError.rangeNotSatisfiable(size: 11)) { try await store.get(key, range: .from(first: 11)) }

        _ = try await store.put(key, bytes: ByteBuffer(string: "replaced"), contentType: "text/markdown")
        let replaced = try await store.head(key)
        #expect(replaced.size == 8 && replaced.contentType == "text/markdown" && replaced.etag != info.etag)
        #expect(try await store.get(key, range: nil).body.collect() == "replaced")
    }

    static func missingObjects(_ store: any ObjectStore, prefix: String) async throws {
        let key = try key(prefix, "never-stored")
        await #expect(throws: ObjectStoreError.notFound) { try await store.head(key) }
        await #expect(throws: ObjectStoreError.notFound) { try await store.get(key, range: nil) }
        try await store.delete(key)
    }

    static func deleteRemoves(_ store: any ObjectStore, prefix: String) async throws {
        let key = try key(prefix, "a/b/c.bin")
        _ = try await store.put(key, bytes: ByteBuffer(string: "x"), contentType: "application/octet-stream")
        try await store.delete(key)
        await #expect(throws: ObjectStoreError.notFound) { try await store.head(key) }
        try await store.delete(key)
    }

    static func listsByPrefixInPages(_ store: any ObjectStore, prefix: String) async throws {
        for name in ["list/b.txt", "list/a.txt", "list/sub/c.txt", "listing-not/d.txt", "other/e.txt"] {
            _ = try await store.put(try key(prefix, name), bytes: ByteBuffer(string: name), contentType: "text/plain")
        }
        let first = try await store.list(prefix: prefix + "/list/", continuation: nil, limit: 2)
        #expect(first.objects.map(\.key.value) == [prefix + "/list/a.txt", prefix + "/list/b.txt"])
        #expect(first.objects.map(\.size) == [10, 10])
        let continuation = try #require(first.continuation)
        let second = try await store.list(prefix: prefix + "/list/", continuation: continuation, limit: 2)
        #expect(second.objects.map(\.key.value) == [prefix + "/list/sub/c.txt"])
        #expect(second.continuation == nil)
        let partial = try await store.list(prefix: prefix + "/list", continuation: nil, limit: 10)
        #expect(partial.objects.map(\.key.value) == [
            prefix + "/list/a.txt", prefix + "/list/b.txt", prefix + "/list/sub/c.txt", prefix + "/listing-not/d.txt",
        ])
        #expect(try await store.list(prefix: prefix + "/nothing-here/", continuation: nil, limit: 10).objects.isEmpty)
    }

    static func refusesWrongSize(_ store: any ObjectStore, prefix: String) async throws {
        let key = try key(prefix, "sized.bin")
        let body = GeneratedBody(chunkSize: 1_000, chunkCount: 3)
        await #expect(throws: ObjectStoreError.sizeMismatch(expected: 2_000, actual: 3_000)) {
            try await store.put(key, body: body, size: 2_000, contentType: "application/octet-stream")
        }
        await #expect(throws: ObjectStoreError.sizeMismatch(expected: 4_000, actual: 3_000)) {
            try await store.put(key, body: body, size: 4_000, contentType: "application/octet-stream")
        }
        await #expect(throws: ObjectStoreError.notFound) { try await store.head(key) }
    }

    static func failedBodyLeavesNothing(_ store: any ObjectStore, prefix: String, chunkSize: Int) async throws {
        let key = try key(prefix, "broken.bin")
        let body = GeneratedBody(chunkSize: chunkSize, chunkCount: 10, failAfter: 5)
        await #expect(throws: GeneratedBody.Broken.self) {
            try await store.put(key, body: body, size: nil, contentType: "application/octet-stream")
        }
        await #expect(throws: ObjectStoreError.notFound) { try await store.head(key) }
    }

    /// A body larger than one part (S3) or write chunk (disk), streamed in and out and compared by digest.
    static func streamsLargeObjects(_ store: any ObjectStore, prefix: String, chunkSize: Int, chunkCount: Int) async throws {
        let key = try key(prefix, "large.bin")
        let body = GeneratedBody(chunkSize: chunkSize, chunkCount: chunkCount)
        let stored = try await store.put(key, body: body, size: body.totalSize, contentType: "video/mp4")
        #expect(stored.size == body.totalSize)
        #expect(try await store.head(key).size == body.totalSize)
        let download = try await store.get(key, range: nil)
        var hasher = SHA256()
        var received: Int64 = 0
        for try await chunk in download.body {
            received += Int64(chunk.readableBytes)
            hasher.update(data: Array(buffer: chunk))
        }
        #expect(received == body.totalSize)
        #expect(hasher.finalize() == body.digest)
        let tail = try await store.get(key, range: .suffix(length: 10))
        var expectedTail = GeneratedBody.chunk(chunkCount - 1, size: chunkSize)
        expectedTail.moveReaderIndex(forwardBy: chunkSize - 10)
        #expect(try await tail.body.collect() == String(buffer: expectedTail))
    }
}
