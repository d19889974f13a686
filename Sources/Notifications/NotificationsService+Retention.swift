import Foundation
import LyceumCore
import LyceumPlatform

/// Deletes notifications read longer ago than the retention; unread ones stay however old.
struct PruneReadNotifications: JobPayload {
    static let jobName = "notifications.prune-read"
    /// How long a read notification is kept, in days.
    let retentionDays: Int
}

extension NotificationsService {
    /// How long read notifications are kept.
    static let readRetentionDays = 180

    /// Deletes the notifications read more than `days` days ago; returns how many.
    @discardableResult
    func pruneRead(olderThanDays days: Int) async throws -> Int {
        let cutoff = clock.nowForStorage().addingTimeInterval(-Double(days) * 86_400)
        return try await database.transaction { sql in try await NotificationStore.deleteRead(before: cutoff, on: sql) }
    }

    /// Registers the daily pruning job and its schedule.
    static func registerRetention(in registry: JobRegistry, service: NotificationsService) {
        registry.register(PruneReadNotifications.self, queue: "maintenance") { job, _ in
            try await service.pruneRead(olderThanDays: job.retentionDays)
        }
        do {
            try registry.schedule(
                PruneReadNotifications.jobName, try CronSchedule("41 3 * * *"), payload: PruneReadNotifications(retentionDays: readRetentionDays)
            )
        } catch {
            preconditionFailure("The notifications pruning schedule does not parse: \(error)")
        }
    }
}
