import NIOCore

/// The bytes of an object as an asynchronous sequence of buffers, whatever the store behind it.
/// A body is read once: iterating it a second time continues where the first iteration stopped.
public struct ObjectBody: AsyncSequence, Sendable {
    public typealias Element = ByteBuffer

    private let makeIterator: @Sendable () -> AsyncIterator

    /// Wraps any sequence of buffers.
    public init<Base: AsyncSequence & Sendable>(_ base: Base) where Base.Element == ByteBuffer {
        makeIterator = {
            var iterator = base.makeAsyncIterator()
            return AsyncIterator { try await iterator.next() }
        }
    }

    /// A body of the bytes already in memory.
    public init(bytes: ByteBuffer) {
        makeIterator = {
            var pending: ByteBuffer? = bytes
            return AsyncIterator {
                defer { pending = nil }
                return pending
            }
        }
    }

    init(next: @escaping @Sendable () async throws -> ByteBuffer?) {
        makeIterator = { AsyncIterator(nextChunk: next) }
    }

    public func makeAsyncIterator() -> AsyncIterator { makeIterator() }

    /// Iterates the body's buffers.
    public struct AsyncIterator: AsyncIteratorProtocol {
        private let nextChunk: () async throws -> ByteBuffer?

        init(nextChunk: @escaping () async throws -> ByteBuffer?) {
            self.nextChunk = nextChunk
        }

        public mutating func next() async throws -> ByteBuffer? { try await nextChunk() }
    }
}
