import Crypto
import NIOCore
import Synchronization

/// A body grew past the bytes it was allowed.
struct BodyLimitExceeded: Error {}

/// Counts and hashes the bytes of a body as they pass, and stops the body once it grows past `limit`, so a
/// store's `put` fails (leaving nothing behind) instead of storing more than may be kept.
final class BodyMeter: Sendable {
    private struct Reading {
        var size: Int64 = 0
        var hasher = SHA256()
    }

    /// The most bytes the body may have.
    let limit: Int64
    private let reading = Mutex(Reading())

    init(limit: Int64) {
        self.limit = limit
    }

    fileprivate func record(_ chunk: ByteBuffer) throws(BodyLimitExceeded) {
        try reading.withLock { (reading: inout Reading) throws(BodyLimitExceeded) in
            reading.size += Int64(chunk.readableBytes)
            guard reading.size <= limit else { throw BodyLimitExceeded() }
            chunk.withUnsafeReadableBytes { reading.hasher.update(bufferPointer: $0) }
        }
    }

    /// The bytes seen so far.
    var size: Int64 { reading.withLock { $0.size } }

    /// The SHA-256 of the bytes seen, lowercase hex.
    var sha256: String {
        reading.withLock { $0.hasher.finalize() }.map { byte in
            let hex = String(byte, radix: 16)
            return byte < 0x10 ? "0" + hex : hex
        }.joined()
    }
}

/// `base`, read through a `BodyMeter`.
struct MeteredBody<Base: AsyncSequence & Sendable>: AsyncSequence, Sendable where Base.Element == ByteBuffer {
    typealias Element = ByteBuffer

    let base: Base
    let meter: BodyMeter

    func makeAsyncIterator() -> AsyncIterator { AsyncIterator(base: base.makeAsyncIterator(), meter: meter) }

    struct AsyncIterator: AsyncIteratorProtocol {
        var base: Base.AsyncIterator
        let meter: BodyMeter

        mutating func next() async throws -> ByteBuffer? {
            guard let chunk = try await base.next() else { return nil }
            try meter.record(chunk)
            return chunk
        }
    }
}

/// The bytes already read from a body (`head`), then the rest of it.
struct PrefixedBody<Rest: AsyncSequence & Sendable>: AsyncSequence, Sendable where Rest.Element == ByteBuffer {
    typealias Element = ByteBuffer

    let head: ByteBuffer
    let rest: Rest

    func makeAsyncIterator() -> AsyncIterator { AsyncIterator(head: head.readableBytes > 0 ? head : nil, rest: rest.makeAsyncIterator()) }

    struct AsyncIterator: AsyncIteratorProtocol {
        var head: ByteBuffer?
        var rest: Rest.AsyncIterator

        mutating func next() async throws -> ByteBuffer? {
            if let head {
                self.head = nil
                return head
            }
            return try await rest.next()
        }
    }
}
