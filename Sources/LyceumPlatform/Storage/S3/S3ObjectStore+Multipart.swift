import AsyncHTTPClient
import LyceumCore
import NIOHTTP1
import NIOCore

extension S3ObjectStore {
    /// Sends `first` and the rest of `source` as a multipart upload; any failure or cancellation aborts the
    /// upload so the service keeps no parts.
    func multipartPut<Iterator: AsyncIteratorProtocol>(
        _ key: ObjectKey, first: ByteBuffer, source: inout PartReader<Iterator>, contentType: String
    ) async throws -> ObjectInfo where Iterator.Element == ByteBuffer {
        let created = try await send("POST", key: key, query: [("uploads", "")], headers: [("content-type", contentType)])
        let xml = String(buffer: try await created.body.collect(upTo: 64 * 1024))[...]
        guard let uploadId = S3XML.value("UploadId", in: xml) else {
            throw ObjectStoreError.serviceFailure(status: Int(created.status.code), code: "NoUploadId")
        }
        do {
            var etags: [String] = []
            var part: ByteBuffer? = first
            var total: Int64 = 0
            while let bytes = part {
                let number = etags.count + 1
                let response = try await send(
                    "PUT", key: key, query: [("partNumber", String(number)), ("uploadId", uploadId)], body: bytes, timeout: .minutes(5)
                )
                etags.append(response.headers.first(name: "etag") ?? "")
                total += Int64(bytes.readableBytes)
                part = source.finished ? nil : try await source.nextPart()
            }
            try source.checkTotal()
            let parts = etags.enumerated().map { "<Part><PartNumber>\($0.offset + 1)</PartNumber><ETag>\(S3XML.escape($0.element))</ETag></Part>" }
            let document = "<CompleteMultipartUpload>\(parts.joined())</CompleteMultipartUpload>"
            let completed = try await send("POST", key: key, query: [("uploadId", uploadId)], body: ByteBuffer(string: document), timeout: .minutes(5))
            // S3 may answer 200 and still report a failure in the body.
            let answer = String(buffer: try await completed.body.collect(upTo: 64 * 1024))[...]
            if let code = S3XML.value("Code", in: answer) { throw ObjectStoreError.serviceFailure(status: Int(completed.status.code), code: code) }
            return ObjectInfo(
                key: key, size: total, contentType: contentType, etag: S3XML.value("ETag", in: answer) ?? "", lastModified: clock.now()
            )
        } catch {
            // A task of its own, so the abort is sent even when this one was cancelled.
            await Task { _ = try? await send("DELETE", key: key, query: [("uploadId", uploadId)]) }.value
            throw error
        }
    }
}

/// Cuts a stream of buffers into parts of `partSize` bytes (the last one shorter) and checks the total
/// against the announced size as it goes. At most one part and one incoming buffer are held.
struct PartReader<Iterator: AsyncIteratorProtocol> where Iterator.Element == ByteBuffer {
    var iterator: Iterator
    let partSize: Int
    let announced: Int64?
    private var streamEnded = false
    private var pending = ByteBuffer()
    private var total: Int64 = 0

    init(iterator: Iterator, partSize: Int, announced: Int64?) {
        self.iterator = iterator
        self.partSize = partSize
        self.announced = announced
    }

    /// Whether every byte of the stream has been handed out.
    var finished: Bool { streamEnded && pending.readableBytes == 0 }

    /// The next part, or `nil` when the stream had nothing more.
    mutating func nextPart() async throws -> ByteBuffer? {
        while !streamEnded, pending.readableBytes < partSize {
            guard var chunk = try await iterator.next() else {
                streamEnded = true
                break
            }
            total += Int64(chunk.readableBytes)
            if let announced, total > announced { throw ObjectStoreError.sizeMismatch(expected: announced, actual: total) }
            pending.writeBuffer(&chunk)
        }
        try Task.checkCancellation()
        guard let part = pending.readSlice(length: min(partSize, pending.readableBytes)), part.readableBytes > 0 else { return nil }
        pending.discardReadBytes()
        return part
    }

    /// Throws when the stream's size differs from the announced one.
    func checkTotal() throws(ObjectStoreError) {
        if let announced, total != announced { throw .sizeMismatch(expected: announced, actual: total) }
    }
}
