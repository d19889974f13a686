import NIOCore
import Synchronization

/// A `MultipartParser` that can be handed across tasks: the object store reads the file part's bytes
/// through `FilePart` while the route reads the fields around it.
///
/// `@unchecked Sendable` because the parser holds the request body's iterator, which is not `Sendable`. The
/// parser is only touched between an acquiring exchange and a releasing store of `busy`, so calls from
/// different threads are ordered, and a second caller while one is running gets an error, never a race.
final class MultipartStream<Body: AsyncSequence & Sendable>: @unchecked Sendable where Body.Element == ByteBuffer {
    private var parser: MultipartParser<Body.AsyncIterator>
    private let busy = Atomic<Bool>(false)

    /// Parses `body`, whose parts are separated by `boundary`.
    init(body: Body, boundary: String) {
        parser = MultipartParser(source: body.makeAsyncIterator(), boundary: boundary)
    }

    /// The next part's headers, or `nil` after the last part.
    func nextPart() async throws -> MultipartPartHead? {
        try enter()
        defer { leave() }
        return try await parser.nextPart()
    }

    /// The next bytes of the current part, or `nil` at its end.
    func nextChunk() async throws -> ByteBuffer? {
        try enter()
        defer { leave() }
        return try await parser.nextChunk()
    }

    /// The offset in the body of the first byte not yet handed out or skipped.
    var bytesRead: Int64 {
        get throws {
            try enter()
            defer { leave() }
            return parser.position
        }
    }

    /// The current part's value as text, refused when longer than `limit` bytes.
    func text(limit: Int) async throws -> String? {
        var value = ByteBuffer()
        while var chunk = try await nextChunk() {
            guard value.readableBytes + chunk.readableBytes <= limit else { return nil }
            value.writeBuffer(&chunk)
        }
        return String(buffer: value)
    }

    private func enter() throws(ConcurrentUse) {
        guard busy.compareExchange(expected: false, desired: true, ordering: .acquiring).exchanged else { throw ConcurrentUse() }
    }

    private func leave() {
        busy.store(false, ordering: .releasing)
    }

    /// The stream was read by two callers at once, a programming error.
    struct ConcurrentUse: Error {}

    /// The current part's bytes, as a body an object store can read.
    struct FilePart: AsyncSequence, Sendable {
        typealias Element = ByteBuffer
        let stream: MultipartStream

        func makeAsyncIterator() -> AsyncIterator { AsyncIterator(stream: stream) }

        struct AsyncIterator: AsyncIteratorProtocol {
            let stream: MultipartStream
            func next() async throws -> ByteBuffer? { try await stream.nextChunk() }
        }
    }
}
