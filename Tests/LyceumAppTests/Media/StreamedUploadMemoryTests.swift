import AsyncHTTPClient
import Crypto
import Foundation
import HTTPTypes
import HummingbirdTesting
import LyceumApp
import LyceumTestSupport
import Media
import NIOCore
import NIOHTTP1
import Testing

/// Uploads sent by a real HTTP client to a listening server, streamed with no `Content-Length`, as a browser
/// sending a large file (or a client hiding its size) would.
@Suite("Uploads: streamed through a live server")
struct StreamedUploadMemoryTests {
    /// A multipart body made on the fly: the form's fields, then `fileSize` bytes of a video (an MP4 header,
    /// then a repeating pattern), then the closing boundary; one 64 KiB buffer is sent again and again.
    struct GeneratedUpload: AsyncSequence, Sendable {
        typealias Element = ByteBuffer
        let purpose: String
        let head: [UInt8]
        let fileSize: Int

        static let pattern: ByteBuffer = ByteBuffer(bytes: (0..<(64 * 1024)).map { UInt8($0 % 251) })

        func makeAsyncIterator() -> AsyncIterator {
            var opening = ByteBuffer()
            opening.writeString("--\(MultipartBody.boundary)\r\nContent-Disposition: form-data; name=\"purpose\"\r\n\r\n\(purpose)\r\n")
            opening.writeString("--\(MultipartBody.boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"lecture.mp4\"\r\n\r\n")
            opening.writeBytes(head)
            return AsyncIterator(opening: opening, remaining: fileSize - head.count)
        }

        struct AsyncIterator: AsyncIteratorProtocol {
            var opening: ByteBuffer?
            var remaining: Int
            var closed = false

            mutating func next() async throws -> ByteBuffer? {
                if let opening {
                    self.opening = nil
                    return opening
                }
                if remaining > 0 {
                    let count = Swift.min(remaining, GeneratedUpload.pattern.readableBytes)
                    remaining -= count
                    return GeneratedUpload.pattern.getSlice(at: 0, length: count)
                }
                guard !closed else { return nil }
                closed = true
                return ByteBuffer(string: "\r\n--\(MultipartBody.boundary)--\r\n")
            }
        }

        /// The SHA-256 of the file part, computed the same way.
        var sha256: String {
            var hasher = SHA256()
            hasher.update(data: head)
            var remaining = fileSize - head.count
            while remaining > 0 {
                let count = Swift.min(remaining, Self.pattern.readableBytes)
                Self.pattern.withUnsafeReadableBytes { hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: $0.prefix(count))) }
                remaining -= count
            }
            return hasher.finalize().map { String(format: "%02x", $0) }.joined()
        }
    }

    static let mp4Head: [UInt8] = [0, 0, 0, 0x18] + Array("ftypisom".utf8) + [0, 0, 2, 0] + Array("isomiso2".utf8)

    static func send(_ upload: GeneratedUpload, port: Int, token: String) async throws -> (status: UInt, body: String) {
        var request = HTTPClientRequest(url: "http://127.0.0.1:\(port)/api/v1/uploads")
        request.method = .POST
        request.headers.add(name: "Content-Type", value: MultipartBody.contentType)
        request.headers.add(name: "Authorization", value: "Bearer \(token)")
        request.body = .stream(upload, length: .unknown)
        let response = try await HTTPClient.shared.execute(request, timeout: .minutes(10))
        return (response.status.code, String(buffer: try await response.body.collect(upTo: 1 << 20)))
    }

    /// A line of `/proc/self/status` in bytes (`VmRSS`, `VmHWM`); `nil` off Linux.
    static func memory(_ field: String) -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix(field + ":") }),
            let kilobytes = Int(line.split(separator: " ").dropFirst().first ?? "")
        else { return nil }
        return kilobytes * 1_024
    }

    @Test("a 200 MB upload streams into the store with bounded memory")
    func twoHundredMegabytes() async throws {
        try await TestApp.run(.sqlite, mode: .live) { app in
            let user = try await app.register()
            let port = try #require(app.client.port)
            let upload = GeneratedUpload(purpose: "video", head: Self.mp4Head, fileSize: 200 * 1_000_000)
            // Writing 5 to clear_refs resets the peak (VmHWM) to the current resident size.
            try? "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8)
            let before = Self.memory("VmRSS")
            let started = ContinuousClock.now
            let reply = try await Self.send(upload, port: port, token: user.accessToken)
            let elapsed = ContinuousClock.now - started
            let peak = Self.memory("VmHWM")
            #expect(reply.status == 201, "\(reply.body)")
            let json = try #require(try JSONSerialization.jsonObject(with: Data(reply.body.utf8)) as? [String: Any])
            #expect(json["size"] as? Int == 200 * 1_000_000)
            #expect(json["contentType"] as? String == "video/mp4")
            #expect(json["sha256"] as? String == upload.sha256)
            if let before, let peak {
                let growth = peak - before
                print("200 MB streamed upload: resident memory before \(before >> 20) MiB, peak \(peak >> 20) MiB, growth \(growth >> 20) MiB, in \(elapsed)")
                #expect(growth < 64 << 20, "the upload grew resident memory by \(growth >> 20) MiB")
            }
            let id = try #require(json["id"] as? String)
            #expect(try await app.request(.delete, "/api/v1/uploads/\(id)", token: user.accessToken).status == .noContent)
            #expect(try await app.storedMediaKeys().isEmpty)
        }
    }

    @Test("without a Content-Length, the limit stops the stream: 413 and nothing left")
    func limitWhileStreaming() async throws {
        try await TestApp.run(.sqlite, mode: .live, configure: { $0.media.maxVideoBytes = 1 << 20; $0.media.quotaBytes = 3 << 20 }) { app in
            let user = try await app.register()
            let port = try #require(app.client.port)
            let over = try await Self.send(GeneratedUpload(purpose: "video", head: Self.mp4Head, fileSize: (1 << 20) + 1), port: port, token: user.accessToken)
            #expect(over.status == 413 && over.body.contains("file_too_large"), "\(over.body)")
            for _ in 0..<3 {
                #expect(try await Self.send(GeneratedUpload(purpose: "video", head: Self.mp4Head, fileSize: 900_000), port: port, token: user.accessToken).status == 201)
            }
            let quota = try await Self.send(GeneratedUpload(purpose: "video", head: Self.mp4Head, fileSize: 900_000), port: port, token: user.accessToken)
            #expect(quota.status == 413 && quota.body.contains("quota_exceeded"), "\(quota.body)")
            #expect(try await app.storedMediaKeys().count == 3)
            #expect(try await app.uploadRows().count == 3)
        }
    }
}
