import Foundation
import HTTPTypes
import Hummingbird
import LyceumCore
import NIOCore

/// Builds JSON responses, either from `Encodable` values or from bytes a `JSONWriter` produced.
public enum JSONResponse {
    /// Encodes `value` with the shared encoder.
    public static func encode(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        bytes(try bytes(value), status: status)
    }

    /// The bytes of `value` encoded with the shared encoder, for caching.
    public static func bytes(_ value: some Encodable) throws -> ByteBuffer {
        ByteBuffer(bytes: try JSONCoding.encoder.encode(value))
    }

    /// Writes `value` with its hand-written fast path.
    public static func write(_ value: some JSONWritable, status: HTTPResponse.Status = .ok) -> Response {
        bytes(JSONWriter.encode(value), status: status)
    }

    /// Answers with already-encoded JSON bytes.
    public static func bytes(_ buffer: ByteBuffer, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status,
            headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"],
            body: .init(byteBuffer: buffer)
        )
    }

    /// 204 No Content.
    public static func noContent() -> Response {
        Response(status: .noContent)
    }

    /// The error envelope `{"error": {"code", "message", "fields"?}}` for `error`.
    public static func error(_ error: AppError) -> Response {
        var writer = JSONWriter(capacity: 256)
        writer.beginObject()
        writer.key("error")
        writer.beginObject()
        writer.errorDetails(error)
        writer.endObject()
        writer.endObject()
        var response = bytes(writer.buffer, status: HTTPResponse.Status(code: error.status))
        if let retryAfter = error.retryAfter {
            response.headers[.retryAfter] = String(retryAfter)
        }
        return response
    }
}
