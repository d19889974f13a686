import Foundation
import LyceumContracts
import LyceumCore
import LyceumPlatform

extension MediaService {
    /// How long a download link lasts: long enough for a video or recording to be watched and sought through
    /// with one link, short for everything else.
    static func downloadLifetime(for fileType: FileType) -> Duration {
        switch fileType {
        case .mp4, .webm, .mp3, .wav, .ogg, .m4a: .seconds(3 * 3_600)
        default: .seconds(15 * 60)
        }
    }

    /// The upload's record, for its owner, administrators and whoever its attachments let read it.
    public func upload(_ principal: Principal, id: String) async throws -> Upload {
        try await readable(principal, id)
    }

    /// A short-lived link to the upload's bytes, for whoever may read it. Where the store lets the link choose
    /// them (S3), its answer carries the same type, `Content-Disposition` and caching as Lyceum's disk route.
    /// - Throws: 404 when the caller may not read it, 409 `upload_not_ready` before it is complete.
    public func downloadLink(_ principal: Principal, id: String) async throws -> SignedRequest {
        let upload = try await readable(principal, id)
        guard upload.status == .ready else { throw UploadRefusal.notReady }
        let lifetime = Self.downloadLifetime(for: upload.fileType)
        let served = ServedHeaders(
            contentType: upload.fileType.contentType, contentDisposition: ContentDisposition.value(for: upload.fileType, filename: upload.filename),
            cacheControl: "private, max-age=\(lifetime.components.seconds)"
        )
        return try await store.signedRequest(.download(served), for: try ObjectKey(upload.storageKey), expiresIn: lifetime)
    }

    /// Deletes the upload and its object; its owner or an administrator may.
    /// - Throws: 404 when the caller may not read it, 403 when they may read but not delete it.
    public func delete(_ principal: Principal, id: String) async throws {
        let upload = try await readable(principal, id)
        guard upload.ownerID == principal.userID || principal.isAdmin else { throw UploadRefusal.notOwner }
        await discard(upload)
    }

    /// The ready upload whose object has `key`, for the disk store's signed download route.
    public func servedUpload(key: ObjectKey) async throws -> Upload? {
        let upload = try await database.read { sql in try await UploadStore.find(storageKey: key.value, on: sql) }
        return upload?.status == .ready ? upload : nil
    }
}
