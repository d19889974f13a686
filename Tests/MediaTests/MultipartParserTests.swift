import LyceumCore
import NIOCore
import Testing
@testable import Media

@Suite("Streaming multipart parser")
struct MultipartParserTests {
    /// A body split into chunks of `size` bytes, as a network might deliver it.
    struct Chunked: AsyncSequence, Sendable {
        typealias Element = ByteBuffer
        let bytes: [UInt8]
        let size: Int

        func makeAsyncIterator() -> AsyncIterator { AsyncIterator(bytes: bytes[...], size: size) }

        struct AsyncIterator: AsyncIteratorProtocol {
            var bytes: ArraySlice<UInt8>
            let size: Int
            mutating func next() async throws -> ByteBuffer? {
                guard !bytes.isEmpty else { return nil }
                let chunk = bytes.prefix(size)
                bytes = bytes.dropFirst(size)
                return ByteBuffer(bytes: chunk)
            }
        }
    }

    static let boundary = "----LyceumBoundary7MA4YWxkTrZu0gW"
    /// File bytes that contain near-boundaries: a line break and dashes, and the boundary without its line break.
    static let file = Array("first line\r\n--\r\n----LyceumBoundary7MA4YWxkTrZu0g\r\n-".utf8) + [0, 0xFF, 0x0D] + Array("--\(boundary)".utf8) + [0x0D]

    static func body() -> [UInt8] {
        Array("preamble to ignore\r\n--\(boundary)\r\nContent-Disposition: form-data; name=\"purpose\"\r\n\r\nattachment\r\n--\(boundary)\r\n".utf8)
            + Array("Content-Disposition: form-data; name=\"file\"; filename=\"my \\\"notes\\\".txt\"\r\nContent-Type: text/plain\r\n\r\n".utf8)
            + file + Array("\r\n--\(boundary)--\r\n".utf8)
    }

    @Test("fields and a file with near-boundaries in it come out whole, however the body is chunked", arguments: [1, 2, 3, 7, 41, 64, 4096])
    func parses(chunkSize: Int) async throws {
        let stream = MultipartStream(body: Chunked(bytes: Self.body(), size: chunkSize), boundary: Self.boundary)
        let purpose = try #require(try await stream.nextPart())
        #expect(purpose == MultipartPartHead(name: "purpose", filename: nil, contentType: nil))
        #expect(try await stream.text(limit: 64) == "attachment")
        let file = try #require(try await stream.nextPart())
        #expect(file == MultipartPartHead(name: "file", filename: "my \"notes\".txt", contentType: "text/plain"))
        var received: [UInt8] = []
        for try await chunk in MultipartStream.FilePart(stream: stream) { received += chunk.readableBytesView }
        #expect(received == Self.file)
        #expect(try await stream.nextPart() == nil)
    }

    @Test("a body cut inside the file is malformed")
    func truncated() async throws {
        let body = Array(Self.body().dropLast(30))
        let stream = MultipartStream(body: Chunked(bytes: body, size: 16), boundary: Self.boundary)
        _ = try await stream.nextPart()
        _ = try await stream.text(limit: 64)
        _ = try await stream.nextPart()
        await #expect(throws: AppError.self) {
            for try await _ in MultipartStream.FilePart(stream: stream) {}
        }
    }

    @Test("a field longer than its limit is refused, and the boundary comes from the content type")
    func limitsAndBoundary() async throws {
        let stream = MultipartStream(body: Chunked(bytes: Self.body(), size: 5), boundary: Self.boundary)
        _ = try await stream.nextPart()
        #expect(try await stream.text(limit: 4) == nil)
        #expect(MultipartParser<Chunked.AsyncIterator>.boundary(ofContentType: "multipart/form-data; boundary=\"abc def\"") == "abc def")
        #expect(MultipartParser<Chunked.AsyncIterator>.boundary(ofContentType: "Multipart/Form-Data;charset=utf-8; boundary=xyz") == "xyz")
        #expect(MultipartParser<Chunked.AsyncIterator>.boundary(ofContentType: "application/json") == nil)
        #expect(MultipartParser<Chunked.AsyncIterator>.boundary(ofContentType: "multipart/form-data") == nil)
    }
}
