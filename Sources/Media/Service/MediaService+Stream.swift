import Foundation
import LyceumContracts
import LyceumCore
import LyceumPlatform
import NIOCore

/// A file arriving through Lyceum: its first bytes, already read to decide its type, and the rest, streamed.
public struct IncomingFile: Sendable {
    /// What it is for.
    public let purpose: UploadPurpose
    /// The name the client gave it (sanitised here).
    public let filename: String
    /// Its first `FileSniffer.headLength` bytes, or all of it when shorter.
    public let head: ByteBuffer
    /// Whether `head` is the whole file.
    public let headIsWholeFile: Bool
    /// The bytes after `head`.
    public let rest: ObjectBody
    /// A size the file is known to reach at least (from the request's `Content-Length`), to refuse it before
    /// any byte is stored.
    public let minimumSize: Int64?

    /// Describes an arriving file.
    public init(purpose: UploadPurpose, filename: String, head: ByteBuffer, headIsWholeFile: Bool, rest: ObjectBody, minimumSize: Int64?) {
        self.purpose = purpose
        self.filename = filename
        self.head = head
        self.headIsWholeFile = headIsWholeFile
        self.rest = rest
        self.minimumSize = minimumSize
    }
}

extension MediaService {
    /// Stores a file streamed through Lyceum: its type is decided from its first bytes, then it streams into
    /// the store while it is counted and hashed, stopped as soon as it passes its purpose's limit or the
    /// owner's remaining quota.
    /// - Throws: 415 `unsupported_file_type`, 413 `file_too_large` or `quota_exceeded`, 422 `empty_file`;
    ///   in each case nothing is left in the store or the database.
    public func receive(_ principal: Principal, _ file: IncomingFile) async throws -> Upload {
        guard file.head.readableBytes > 0 else { throw UploadRefusal.empty }
        let filename = UploadFilename.sanitise(file.filename)
        guard let fileType = FileSniffer.detect(Array(file.head.readableBytesView), isWholeFile: file.headIsWholeFile, filename: filename),
            file.purpose.allowedTypes.contains(fileType)
        else { throw UploadRefusal.unsupportedType(file.purpose) }
        let limit = configuration.maxBytes(for: file.purpose)
        if let minimumSize = file.minimumSize, minimumSize > limit { throw UploadRefusal.tooLarge(file.purpose, limit: limit) }

        let (id, key) = Self.newIdentity()
        let now = clock.nowForStorage()
        let pending = Upload(
            id: id, ownerID: principal.userID, purpose: file.purpose, filename: filename, size: 0, fileType: fileType, sha256: nil,
            storageKey: key.value, status: .pending, createdAt: now, updatedAt: now
        )
        let quota = configuration.quotaBytes
        let database = database
        let remaining = try await database.transaction { sql -> Int64 in
            try await database.lockUntilCommit([Self.quotaLock(principal.userID)], on: sql)
            let remaining = quota - (try await UploadStore.usage(ownerID: principal.userID, excluding: nil, on: sql))
            guard remaining > 0, (file.minimumSize ?? 0) <= remaining else { return remaining }
            try await UploadStore.insert(pending, on: sql)
            return remaining
        }
        guard remaining > 0, (file.minimumSize ?? 0) <= remaining else { throw UploadRefusal.quotaExceeded(quota: quota) }

        let meter = BodyMeter(limit: min(limit, remaining))
        do {
            let body = MeteredBody(base: PrefixedBody(head: file.head, rest: file.rest), meter: meter)
            _ = try await store.put(key, body: body, size: nil, contentType: fileType.contentType)
        } catch is BodyLimitExceeded {
            await discard(pending)
            throw limit <= remaining ? UploadRefusal.tooLarge(file.purpose, limit: limit) : UploadRefusal.quotaExceeded(quota: quota)
        } catch {
            await discard(pending)
            throw error
        }
        return try await finish(pending, size: meter.size, fileType: fileType, sha256: meter.sha256)
    }
}
