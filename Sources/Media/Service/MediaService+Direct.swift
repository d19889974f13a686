import Foundation
import LyceumContracts
import LyceumCore
import LyceumPlatform
import NIOCore

/// A prepared direct upload: the pending record and where to send the bytes.
public struct PreparedUpload: Sendable {
    /// The pending upload.
    public let upload: Upload
    /// The request that stores the file: a presigned S3 `PUT`, or a signed Lyceum URL on the disk store.
    public let request: SignedRequest
}

extension MediaService {
    /// How long a direct upload's URL may be used to start sending the file.
    static let uploadURLLifetime: Duration = .seconds(30 * 60)

    /// Prepares a direct upload of a file the client describes: a pending record (its announced size counts
    /// against the quota at once) and a signed `PUT` that stores it with the announced type.
    /// - Throws: 415 for a type the purpose does not allow, 413 over the purpose's limit or the quota, 422 for
    ///   an empty file.
    public func prepare(
        _ principal: Principal, purpose: UploadPurpose, filename: String, size: Int64, contentType: String
    ) async throws -> PreparedUpload {
        guard let fileType = FileType(contentType: contentType), purpose.allowedTypes.contains(fileType) else {
            throw UploadRefusal.unsupportedType(purpose)
        }
        guard size > 0 else { throw UploadRefusal.empty }
        let limit = configuration.maxBytes(for: purpose)
        guard size <= limit else { throw UploadRefusal.tooLarge(purpose, limit: limit) }
        let (id, key) = Self.newIdentity()
        let now = clock.nowForStorage()
        let upload = Upload(
            id: id, ownerID: principal.userID, purpose: purpose, filename: UploadFilename.sanitise(filename), size: size, fileType: fileType,
            sha256: nil, storageKey: key.value, status: .pending, createdAt: now, updatedAt: now
        )
        let quota = configuration.quotaBytes
        let database = database
        let accepted = try await database.transaction { sql -> Bool in
            try await database.lockUntilCommit([Self.quotaLock(principal.userID)], on: sql)
            guard try await UploadStore.usage(ownerID: principal.userID, excluding: nil, on: sql) + size <= quota else { return false }
            try await UploadStore.insert(upload, on: sql)
            return true
        }
        guard accepted else { throw UploadRefusal.quotaExceeded(quota: quota) }
        let request = try await store.signedRequest(.put(contentType: fileType.contentType), for: key, expiresIn: Self.uploadURLLifetime)
        return PreparedUpload(upload: upload, request: request)
    }

    /// Verifies a directly uploaded file and makes it ready: its size within the purpose's limit and the
    /// quota, its first bytes of the type announced, its SHA-256 computed by reading it once. A ready upload
    /// is answered as it is.
    /// - Throws: 409 `upload_incomplete` while nothing is stored (the upload stays pending); 413 or 415, after
    ///   deleting the object and the record, when the file is refused.
    public func complete(_ principal: Principal, id: String) async throws -> Upload {
        let upload = try await owned(principal, id)
        guard upload.status == .pending else { return upload }
        let key = try ObjectKey(upload.storageKey)
        let info: ObjectInfo
        do {
            info = try await store.head(key)
        } catch ObjectStoreError.notFound {
            throw UploadRefusal.notUploaded
        }
        let limit = configuration.maxBytes(for: upload.purpose)
        guard info.size <= limit else {
            await discard(upload)
            throw UploadRefusal.tooLarge(upload.purpose, limit: limit)
        }
        guard info.size > 0 else {
            await discard(upload)
            throw UploadRefusal.empty
        }
        let headLength = Int64(FileSniffer.headLength)
        let head = try await store.get(key, range: .bounded(first: 0, last: min(info.size, headLength) - 1))
        var bytes: [UInt8] = []
        for try await chunk in head.body { bytes += chunk.readableBytesView }
        guard FileSniffer.detect(bytes, isWholeFile: info.size <= headLength, filename: upload.filename) == upload.fileType else {
            await discard(upload)
            throw UploadRefusal.typeMismatch
        }
        let meter = BodyMeter(limit: limit)
        for try await _ in MeteredBody(base: try await store.get(key, range: nil).body, meter: meter) {}
        return try await finish(upload, size: meter.size, fileType: upload.fileType, sha256: meter.sha256)
    }

    /// Stores the body of a signed upload URL of the disk store (`PUT /objects/…`) for the pending upload it
    /// was made for; the signature was checked by the route. The body must have the announced size.
    /// - Throws: 404 when no upload owns the key, 409 `upload_completed` once it has its file, 400
    ///   `size_mismatch` for a body of another size (nothing is stored).
    public func receiveDirect<Body: AsyncSequence & Sendable>(
        key: ObjectKey, contentType: String, body: Body
    ) async throws -> ObjectInfo where Body.Element == ByteBuffer {
        guard let upload = try await database.read({ sql in try await UploadStore.find(storageKey: key.value, on: sql) }),
            upload.status != .failed
        else { throw AppError.notFound("upload") }
        guard upload.status == .pending else { throw UploadRefusal.alreadyStored }
        do {
            return try await store.put(key, body: body, size: upload.size, contentType: contentType)
        } catch ObjectStoreError.sizeMismatch {
            throw UploadRefusal.sizeMismatch
        }
    }
}
