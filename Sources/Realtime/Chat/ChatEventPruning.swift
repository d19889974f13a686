import Foundation
import LyceumCore
import LyceumPlatform
import SQLKit

/// Deletes room events no resume can ask for any more: those more than the resume window (500) behind their
/// room's newest event and older than a day (so a frame published by reference is always still there when a
/// replica loads it). Messages live in their own table, so history is untouched; a client that was away for
/// longer than the window gets `recovered: false` and reloads the history, as it would anyway.
struct PruneRoomEvents: JobPayload {
    static let jobName = "realtime.prune-room-events"
    /// How old an event must be before it may go, in hours.
    let minimumAgeHours: Int
}

extension ChatService {
    /// Deletes the events more than `ChatRules.resumeLimit` behind their room's newest and older than
    /// `hours` hours; returns how many went.
    @discardableResult
    func pruneRoomEvents(olderThanHours hours: Int) async throws -> Int {
        let cutoff = clock.nowForStorage().addingTimeInterval(-Double(hours) * 3_600)
        return try await database.transaction { sql in
            try await RoomEventStore.prune(keepingLast: ChatRules.resumeLimit, before: cutoff, on: sql)
        }
    }

    /// Registers the daily pruning job and its schedule.
    static func registerEventPruning(in registry: JobRegistry, chat: ChatService) {
        registry.register(PruneRoomEvents.self, queue: "maintenance") { job, _ in
            try await chat.pruneRoomEvents(olderThanHours: job.minimumAgeHours)
        }
        do {
            try registry.schedule(PruneRoomEvents.jobName, try CronSchedule("17 4 * * *"), payload: PruneRoomEvents(minimumAgeHours: 24))
        } catch {
            preconditionFailure("The room event pruning schedule does not parse: \(error)")
        }
    }
}
