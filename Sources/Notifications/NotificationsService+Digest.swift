import Foundation
import LyceumContracts
import LyceumCore
import LyceumPlatform

/// Emails each user the unread notifications of the past week that no digest listed yet.
struct SendWeeklyDigests: JobPayload {
    static let jobName = "notifications.weekly-digest"
}

extension NotificationsService {
    /// How far back a digest looks, in days.
    static let digestWindowDays = 7
    /// Users handled per page: one query for their preferences, one for their notifications.
    static let digestUsersPerPage = 200
    /// Most notifications one digest lists (the newest); the others wait for the next digest while still recent.
    static let digestItemLimit = 50

    /// Queues one digest email per user with the digest on who has unread notifications from the past week
    /// of kinds whose digest channel is on, none of them listed by an earlier digest; marks those listed in
    /// the same transaction as the email's job, so running it again sends nothing new.
    /// - Returns: how many digests were queued.
    @discardableResult
    public func sendWeeklyDigests() async throws -> Int {
        let now = clock.nowForStorage()
        let since = now.addingTimeInterval(-Double(Self.digestWindowDays) * 86_400)
        var after: String?
        var queued = 0
        while true {
            let cursor = after
            let page = try await database.read { sql in
                try await NotificationDigestStore.recipients(since: since, after: cursor, limit: Self.digestUsersPerPage, on: sql)
            }
            guard let last = page.last else { break }
            after = last
            let people = try await users.summaries(ids: page)
            queued += try await database.transaction { sql in
                let muted = try await NotificationPreferenceStore.nonEssentialEmailOff(among: page, on: sql)
                let channels = try await NotificationPreferenceStore.allChannels(among: page, on: sql)
                var chosen: [String: [InAppNotification]] = [:]
                // Items are marked only for people a digest can reach, so an address added later still gets them.
                let reachable = Set(page.filter { people[$0]?.isActive == true && people[$0]?.email != nil })
                for (recipient, item) in try await NotificationDigestStore.due(recipientIDs: page, since: since, on: sql)
                where reachable.contains(recipient) && !muted.contains(recipient) && channels[recipient]?[item.kind]?.digest == true
                    && (chosen[recipient]?.count ?? 0) < Self.digestItemLimit
                {
                    chosen[recipient, default: []].append(item)
                }
                let marked = try await NotificationDigestStore.markDigested(ids: chosen.values.flatMap { $0.map(\.id) }, at: now, on: sql)
                var count = 0
                for recipient in page {
                    let items = (chosen[recipient] ?? []).filter { marked.contains($0.id) }
                    guard let first = items.first, let person = people[recipient], person.isActive, let address = person.email else { continue }
                    try await jobs.enqueue(
                        SendMail(try mail.digest(items, to: person, address: address)),
                        options: JobOptions(queue: "mail", uniqueKey: "mail:digest:\(recipient):\(first.id)"), on: sql
                    )
                    count += 1
                }
                return count
            }
            if page.count < Self.digestUsersPerPage { break }
        }
        return queued
    }

    /// Registers the digest job and its weekly schedule (Mondays at 08:00 UTC).
    static func registerDigest(in registry: JobRegistry, service: NotificationsService) {
        registry.register(SendWeeklyDigests.self, queue: "maintenance") { _, _ in
            try await service.sendWeeklyDigests()
        }
        do {
            try registry.schedule(SendWeeklyDigests.jobName, try CronSchedule("0 8 * * 1"), payload: SendWeeklyDigests())
        } catch {
            preconditionFailure("The weekly digest schedule does not parse: \(error)")
        }
    }
}
