import Foundation
import Logging
import LyceumContracts
import LyceumCore
import LyceumPlatform
import NIOCore
import SQLKit

extension NotificationsService {
    /// Recipients handled per statement, well under both engines' limits on bound values (10 per row).
    static let recipientsPerStatement = 500
    /// Longest title and body kept; longer ones are cut, since a notification is a pointer, not the content.
    static let titleLimit = 200
    static let bodyLimit = 300

    /// Creates one notification per recipient of `request`, leaving out the actor, repeated recipients,
    /// recipients who switched the kind's in-app channel off, and recipients who already have a notification
    /// with this source key; then announces each new one on `NotificationChannel` with the recipient's unread
    /// count, exact even when deliveries to one recipient run at once (they take turns per recipient).
    ///
    /// In the same transaction it queues one email per recipient whose email channel for the kind is on (and
    /// who did not switch off all non-essential email, and is active with an address), keyed by the source key
    /// and the recipient, so a repeated delivery queues nothing new. All rows and jobs commit together, so a
    /// delivery cut short leaves nothing, and running it again (the job's retry) notifies and emails each
    /// recipient exactly once.
    /// - Parameter inApp: `false` sends only the emails (an enrollment the student made themselves).
    /// - Returns: how many notifications were created.
    @discardableResult
    public func deliver(_ request: NotificationRequested, inApp: Bool = true) async throws -> Int {
        var seen: Set<String> = []
        let recipients = request.recipientIDs.filter { !$0.isEmpty && $0 != request.actorID && seen.insert($0).inserted }
        guard !recipients.isEmpty else { return 0 }
        let stored = Self.sanitized(request)
        let now = clock.nowForStorage()
        let database = database
        let people = try await users.summaries(ids: recipients)
        let written = try await database.transaction { sql in
            // One delivery per recipient at a time, so each announced count includes every earlier delivery's.
            try await database.lockUntilCommit(recipients.map { "notifications.unread:\($0)" }, on: sql)
            var written: [(id: String, recipientID: String, unread: Int)] = []
            var start = recipients.startIndex
            while start < recipients.endIndex {
                let chunk = Array(recipients[start..<min(start + Self.recipientsPerStatement, recipients.endIndex)])
                start += chunk.count
                let channels = try await NotificationPreferenceStore.channels(for: stored.kind, among: chunk, on: sql)
                let rows = chunk.filter { inApp && channels[$0]?.inApp == true }.map {
                    NewNotification(id: UUID().uuidString.lowercased(), recipientID: $0, request: stored, createdAt: now)
                }
                let inserted = try await NotificationStore.insert(rows, on: sql)
                let emailed = chunk.filter { channels[$0]?.email == true }
                try await queueEmails(stored, to: emailed, people: people, on: sql)
                let counts = try await NotificationStore.unreadCounts(recipientIDs: inserted.map(\.recipientID), on: sql)
                written += inserted.map { ($0.id, $0.recipientID, counts[$0.recipientID] ?? 1) }
            }
            return written
        }
        for item in written {
            await announce(id: item.id, recipientID: item.recipientID, unread: item.unread)
        }
        return written.count
    }

    /// Queues `request`'s email to each of `recipientIDs` who did not switch off non-essential email and is
    /// active with an address.
    private func queueEmails(_ request: NotificationRequested, to recipientIDs: [String], people: [String: UserSummary], on sql: any SQLDatabase)
        async throws
    {
        let muted = try await NotificationPreferenceStore.nonEssentialEmailOff(among: recipientIDs, on: sql)
        for id in recipientIDs where !muted.contains(id) {
            guard let person = people[id], person.isActive, let address = person.email else { continue }
            let message = try mail.message(for: request, to: person, address: address)
            try await jobs.enqueue(
                SendMail(message), options: JobOptions(queue: "mail", uniqueKey: "mail:notification:\(id):\(request.sourceKey)"), on: sql
            )
        }
    }

    private func announce(id: String, recipientID: String, unread: Int) async {
        var writer = JSONWriter(capacity: 128)
        writer.beginObject()
        writer.key("recipientId")
        writer.string(recipientID)
        writer.key("id")
        writer.string(id)
        writer.key("unread")
        writer.int(unread)
        writer.endObject()
        do {
            try await pubSub.publish(String(buffer: writer.buffer), on: NotificationChannel.name)
        } catch {
            // The notification is stored; a listener that missed this recounts on its next look.
            logger.warning("Could not announce a notification", metadata: ["notification": "\(id)", "error": "\(error)"])
        }
    }

    /// The request as stored: title and body cut to their limits, and a link that stays on this site
    /// (a path, never `//host` or a scheme), else the notifications page.
    static func sanitized(_ request: NotificationRequested) -> NotificationRequested {
        let link = request.link
        let isSitePath = link.hasPrefix("/") && !link.hasPrefix("//") && !link.contains("\\") && link.utf8.count <= 500
        return NotificationRequested(
            recipientIDs: [], kind: request.kind, title: String(request.title.prefix(titleLimit)),
            body: String(request.body.prefix(bodyLimit)), link: isSitePath ? link : "/notifications", actorID: request.actorID,
            sourceKey: request.sourceKey
        )
    }
}
