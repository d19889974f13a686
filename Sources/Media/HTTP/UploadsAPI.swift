import Foundation
import HTTPTypes
import Hummingbird
import LyceumCore
import LyceumHTTP
import LyceumPlatform
import NIOCore

/// `/api/v1/uploads`: streamed multipart uploads, direct uploads (presign, then complete), metadata, download
/// links and deletion. Handlers decode and encode; `MediaService` decides.
struct UploadsAPI: Sendable {
    let media: MediaService

    func addRoutes(to api: RouterGroup<AppRequestContext>) {
        api.post("uploads", use: create)
        api.post("uploads/presign", use: presign)
        api.get("uploads/:id", use: show)
        api.get("uploads/:id/content", use: content)
        api.post("uploads/:id/complete", use: complete)
        api.delete("uploads/:id", use: delete)
    }

    /// `{"purpose", "filename", "size", "contentType"}`.
    struct PresignBody: Decodable {
        let purpose: String
        let filename: String
        let size: Int64
        let contentType: String
    }

    /// `multipart/form-data` with the field `purpose`, then the field `file` (the last part). The file streams
    /// into the store as it arrives; only its first bytes are held, to decide its type.
    @Sendable func create(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        guard let contentType = request.headers[.contentType],
            let boundary = MultipartParser<RequestBody.AsyncIterator>.boundary(ofContentType: contentType)
        else { throw AppError.unsupportedMediaType("multipart/form-data with a boundary") }
        let stream = MultipartStream(body: request.body, boundary: boundary)
        guard let first = try await stream.nextPart(), first.name == "purpose", first.filename == nil else {
            throw AppError.validation(["purpose": "send the purpose field first, then the file"])
        }
        guard let text = try await stream.text(limit: 64), let purpose = UploadPurpose(rawValue: text.trimmingCharacters(in: .whitespacesAndNewlines))
        else { throw Self.invalidPurpose }
        guard let part = try await stream.nextPart(), part.name == "file", let filename = part.filename else {
            throw AppError.validation(["file": "send the file in the field named file, with a file name"])
        }
        var head = ByteBuffer()
        var headIsWholeFile = false
        while head.readableBytes < FileSniffer.headLength {
            guard var chunk = try await stream.nextChunk() else {
                headIsWholeFile = true
                break
            }
            head.writeBuffer(&chunk)
        }
        // The file is the last part, so the request's length bounds it from below (less the closing boundary).
        let bytesRead = try stream.bytesRead
        let minimumSize = request.headers[.contentLength].flatMap(Int64.init).map {
            $0 - bytesRead + Int64(head.readableBytes) - Int64(boundary.utf8.count + 8)
        }
        let upload = try await media.receive(
            principal,
            IncomingFile(
                purpose: purpose, filename: filename, head: head, headIsWholeFile: headIsWholeFile,
                rest: ObjectBody(MultipartStream.FilePart(stream: stream)), minimumSize: minimumSize
            )
        )
        var response = try JSONResponse.encode(UploadView(upload), status: .created)
        response.headers[.location] = "/api/v1/uploads/\(upload.id)"
        return response
    }

    @Sendable func presign(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let body = try await request.decodeJSON(PresignBody.self, context: context)
        guard let purpose = UploadPurpose(rawValue: body.purpose) else { throw Self.invalidPurpose }
        guard !body.filename.isEmpty, body.filename.utf8.count <= 1_024 else {
            throw AppError.validation(["filename": "must be 1 to 1024 bytes"])
        }
        guard body.size >= 0 else { throw AppError.validation(["size": "must not be negative"]) }
        let prepared = try await media.prepare(
            principal, purpose: purpose, filename: body.filename, size: body.size, contentType: body.contentType
        )
        var response = try JSONResponse.encode(PreparedUploadView(prepared), status: .created)
        response.headers[.location] = "/api/v1/uploads/\(prepared.upload.id)"
        return response
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        let upload = try await media.upload(try context.requirePrincipal(), id: try context.parameters.require("id"))
        return try JSONResponse.encode(UploadView(upload))
    }

    /// 302 to a short-lived signed URL of the bytes.
    @Sendable func content(_ request: Request, context: AppRequestContext) async throws -> Response {
        let link = try await media.downloadLink(try context.requirePrincipal(), id: try context.parameters.require("id"))
        return Response(status: .found, headers: [.location: link.url.absoluteString, .cacheControl: "no-store"])
    }

    @Sendable func complete(_ request: Request, context: AppRequestContext) async throws -> Response {
        let upload = try await media.complete(try context.requirePrincipal(), id: try context.parameters.require("id"))
        return try JSONResponse.encode(UploadView(upload))
    }

    @Sendable func delete(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await media.delete(try context.requirePrincipal(), id: try context.parameters.require("id"))
        return JSONResponse.noContent()
    }

    static let invalidPurpose = AppError.validation(["purpose": "must be one of \(UploadPurpose.allCases.map(\.rawValue).joined(separator: ", "))"])
}
