import Foundation
import LyceumCore
import LyceumPlatform

/// Removes abandoned uploads: pending ones older than the configured lifetime (a direct upload never
/// completed, a stream cut off by a crash) and failed ones whose object could not be deleted at the time.
struct RemoveAbandonedUploads: JobPayload {
    static let jobName = "media.remove-abandoned"
}

extension MediaService {
    /// Deletes the objects and records of abandoned uploads; returns how many were removed.
    @discardableResult
    public func removeAbandoned() async throws -> Int {
        let cutoff = clock.nowForStorage().addingTimeInterval(-Double(configuration.pendingLifetime.components.seconds))
        var removed = 0
        while true {
            let batch = try await database.read { sql in try await UploadStore.abandoned(pendingBefore: cutoff, limit: 100, on: sql) }
            for upload in batch {
                try await store.delete(try ObjectKey(upload.storageKey))
                try await database.write { sql in try await UploadStore.delete(id: upload.id, on: sql) }
                removed += 1
            }
            if batch.count < 100 { return removed }
        }
    }

    /// Registers the cleanup job and runs it every hour.
    static func registerCleanup(in registry: JobRegistry, service: MediaService) {
        registry.register(RemoveAbandonedUploads.self, queue: "maintenance") { _, _ in
            try await service.removeAbandoned()
        }
        do {
            try registry.schedule(RemoveAbandonedUploads.jobName, try CronSchedule("23 * * * *"), payload: RemoveAbandonedUploads())
        } catch {
            preconditionFailure("The upload cleanup schedule does not parse: \(error)")
        }
    }
}
