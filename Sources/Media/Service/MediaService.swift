import Foundation
import Logging
import LyceumContracts
import LyceumCore
import LyceumPlatform

/// Uploads: receiving files (streamed through Lyceum, or straight to storage with a signed URL and then
/// verified), deciding their type from their bytes, holding them to their purpose's limits and their owner's
/// quota, and handing out short-lived links to read them.
///
/// Every refusal leaves nothing behind: a refused file's object is deleted with its record; when the store
/// cannot delete it at that moment, the record stays `failed` (never shown, not counted in the quota) and the
/// cleanup job deletes both later.
public struct MediaService: Sendable {
    let database: any Database
    let store: any ObjectStore
    let clock: WallClock
    let configuration: MediaConfiguration
    let readAccess: UploadReadAccessRegistry
    let jobs: JobQueue
    let logger: Logger

    /// Creates the service.
    /// - Parameters:
    ///   - readAccess: the attachment kinds asked when someone other than the owner or an administrator reads.
    ///   - jobs: the outbox `UploadDeleted` is published through.
    public init(
        database: any Database, store: any ObjectStore, clock: WallClock, configuration: MediaConfiguration,
        readAccess: UploadReadAccessRegistry, jobs: JobQueue, logger: Logger
    ) {
        self.database = database
        self.store = store
        self.clock = clock
        self.configuration = configuration
        self.readAccess = readAccess
        self.jobs = jobs
        self.logger = logger
    }

    /// The lock key that orders quota checks of one owner.
    static func quotaLock(_ ownerID: String) -> String { "media.quota:\(ownerID)" }

    /// A new upload id and its object's key: `media/<first two characters of the id>/<id>`. Keys are never
    /// derived from anything a client sent, and the `media/` prefix is what the S3 task role may write.
    static func newIdentity() -> (id: String, key: ObjectKey) {
        let id = UUID().uuidString.lowercased()
        // A lowercased UUID is always a valid key segment.
        return (id, try! ObjectKey("media/\(id.prefix(2))/\(id)"))
    }

    /// The upload, if it exists and is not failed.
    func live(_ id: String) async throws -> Upload? {
        guard UUID(uuidString: id) != nil else { return nil }
        let upload = try await database.read { sql in try await UploadStore.find(id: id, on: sql) }
        return upload?.status == .failed ? nil : upload
    }

    /// The upload if `principal` may read it: its owner and administrators always, anyone else only once
    /// it is ready and something it is attached to lets them. Otherwise 404, so nobody learns it exists.
    func readable(_ principal: Principal, _ id: String) async throws -> Upload {
        guard let upload = try await live(id) else { throw AppError.notFound("upload") }
        if upload.ownerID == principal.userID || principal.isAdmin { return upload }
        guard upload.status == .ready, try await readAccess.canRead(principal, uploadID: upload.id) else {
            throw AppError.notFound("upload")
        }
        return upload
    }

    /// The upload if `principal` owns it: 404 when they may not read it either, 403 when they may.
    func owned(_ principal: Principal, _ id: String) async throws -> Upload {
        let upload = try await readable(principal, id)
        guard upload.ownerID == principal.userID else { throw UploadRefusal.notOwner }
        return upload
    }

    /// Removes a refused or deleted upload: hidden at once, its object deleted, then its record. When the
    /// store fails, the `failed` record stays for the cleanup job. An upload that was ready may be attached
    /// somewhere: hiding it publishes `UploadDeleted` in the same transaction, so those references go too.
    func discard(_ upload: Upload) async {
        do {
            let now = clock.nowForStorage()
            let jobs = jobs
            _ = try await database.transaction { sql in
                let hidden = try await UploadStore.markFailed(id: upload.id, at: now, on: sql)
                if hidden, upload.status == .ready {
                    try await jobs.publish(UploadDeleted(uploadID: upload.id, ownerID: upload.ownerID, deletedAt: now), on: sql)
                }
            }
            try await store.delete(try ObjectKey(upload.storageKey))
            try await database.write { sql in try await UploadStore.delete(id: upload.id, on: sql) }
        } catch {
            logger.warning("An upload's object could not be removed yet; the cleanup job will retry", metadata: [
                "upload.id": "\(upload.id)", "error": "\(error)",
            ])
        }
    }

    /// Marks a pending upload ready once its bytes are verified, if the owner's quota still holds them.
    func finish(_ upload: Upload, size: Int64, fileType: FileType, sha256: String) async throws -> Upload {
        let quota = configuration.quotaBytes
        let now = clock.nowForStorage()
        let database = database
        let outcome = try await database.transaction { sql -> Bool? in
            try await database.lockUntilCommit([Self.quotaLock(upload.ownerID)], on: sql)
            let used = try await UploadStore.usage(ownerID: upload.ownerID, excluding: upload.id, on: sql)
            guard used + size <= quota else { return nil }
            return try await UploadStore.markReady(id: upload.id, size: size, fileType: fileType, sha256: sha256, at: now, on: sql)
        }
        switch outcome {
        case nil:
            await discard(upload)
            throw UploadRefusal.quotaExceeded(quota: quota)
        case false?:
            // Completed by a concurrent request, or removed by the cleanup job meanwhile.
            if let current = try await live(upload.id), current.status == .ready { return current }
            await discard(upload)
            throw UploadRefusal.abandoned
        case true?:
            return Upload(
                id: upload.id, ownerID: upload.ownerID, purpose: upload.purpose, filename: upload.filename, size: size, fileType: fileType,
                sha256: sha256, storageKey: upload.storageKey, status: .ready, createdAt: upload.createdAt, updatedAt: now
            )
        }
    }
}
