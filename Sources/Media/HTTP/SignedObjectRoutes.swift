import Foundation
import HTTPTypes
import Hummingbird
import LyceumCore
import LyceumHTTP
import LyceumPlatform

/// `/objects/<key>?expires=…&signature=…`: the disk store's signed URLs (S3 serves its own). A `GET` streams
/// a ready upload with ranges, validators and headers that keep a browser from running it as a page of ours;
/// a `PUT` stores the file of a pending direct upload. The URL is the only credential: no session, no token.
struct SignedObjectRoutes: Sendable {
    let media: MediaService
    let store: DiskObjectStore

    func addRoutes(to router: RouterGroup<AppRequestContext>) {
        router.get("objects/**", use: download)
        router.put("objects/**", use: upload)
    }

    static let invalidLink = AppError(status: 403, code: "invalid_link", message: "This link is not valid.")
    static let expiredLink = AppError(status: 403, code: "link_expired", message: "This link has expired; ask for a new one.")

    /// The verified key and expiry of the request's signed URL.
    private func verify(_ request: Request, context: AppRequestContext) throws(AppError) -> (key: ObjectKey, expires: Date) {
        let query = request.uri.queryParameters
        do {
            return try store.verifySignedRequest(
                method: request.method.rawValue, key: context.parameters.getCatchAll().joined(separator: "/"),
                expires: query.get("expires"), signature: query.get("signature"), contentType: request.headers[.contentType]
            )
        } catch .expired {
            throw Self.expiredLink
        } catch {
            throw Self.invalidLink
        }
    }

    @Sendable func download(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (key, expires) = try verify(request, context: context)
        guard let upload = try await media.servedUpload(key: key) else { throw AppError.notFound("file") }
        let remaining = max(0, Int(expires.timeIntervalSince(media.clock.now()).rounded(.down)))
        var headers: HTTPFields = [
            .acceptRanges: "bytes",
            .cacheControl: "private, max-age=\(remaining)",
            .contentDisposition: ContentDisposition.value(for: upload.fileType, filename: upload.filename),
            .xContentTypeOptions: "nosniff",
        ]
        let range = request.headers[.range].flatMap(ByteRange.init(header:))
        let download: ObjectDownload
        do {
            download = try await store.get(key, range: range)
        } catch ObjectStoreError.rangeNotSatisfiable(let size) {
            headers[.contentRange] = "bytes */\(size)"
            return Response(status: .rangeNotSatisfiable, headers: headers)
        } catch ObjectStoreError.notFound {
            throw AppError.notFound("file")
        }
        headers[.eTag] = download.info.etag
        if let tags = request.headers[.ifNoneMatch], Self.matches(tags, download.info.etag) {
            return Response(status: .notModified, headers: headers)
        }
        headers[.contentType] = download.info.contentType
        headers[.contentLength] = String(download.contentLength)
        if let contentRange = download.contentRange { headers[.contentRange] = contentRange }
        let body = download.body
        return Response(
            status: download.range == nil ? .ok : .partialContent, headers: headers,
            body: ResponseBody(contentLength: Int(download.contentLength)) { writer in
                for try await chunk in body { try await writer.write(chunk) }
                try await writer.finish(nil)
            }
        )
    }

    @Sendable func upload(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (key, _) = try verify(request, context: context)
        let info = try await media.receiveDirect(key: key, contentType: request.headers[.contentType] ?? "", body: request.body)
        return Response(status: .ok, headers: [.eTag: info.etag])
    }

    /// Whether an `If-None-Match` list names `etag` (weak comparison, as RFC 9110 asks for this header).
    static func matches(_ header: String, _ etag: String) -> Bool {
        let plain = { (tag: Substring) in tag.hasPrefix("W/") ? tag.dropFirst(2) : tag }
        return header.split(separator: ",").contains { candidate in
            let tag = candidate.trimmingCharacters(in: .whitespaces)
            return tag == "*" || plain(tag[...]) == plain(etag[...])
        }
    }
}
