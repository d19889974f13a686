import LyceumContracts
import LyceumPlatform
import SQLKit

/// The notification requests forum actions publish, in the transaction of their cause. An anonymous
/// author is never named in them.
struct ForumNotifications {
    let jobs: JobQueue
    /// The acting user's display name, shown unless they post anonymously.
    var actorName = "Someone"

    /// A new thread: tells the users it mentions.
    func threadStarted(_ thread: ForumPost, mentioned: [UserSummary], on sql: any SQLDatabase) async throws {
        try await mentions(in: thread, threadTitle: thread.title ?? "", mentioned: mentioned, on: sql)
    }

    /// A new reply: the asker hears of the first answer to their question; otherwise the thread's author hears
    /// of a reply; the author of the reply answered hears of it too; mentioned users hear they were mentioned.
    func replied(_ reply: ForumPost, thread: ForumPost, parent: ForumPost?, mentioned: [UserSummary], on sql: any SQLDatabase) async throws {
        let who = reply.anonymous ? "Anonymous" : actorName
        let title = thread.title ?? ""
        let link = "/threads/\(thread.id)#reply-\(reply.id)"
        if thread.kind == .question && thread.replyCount == 0 {
            try await publish([thread.authorID], .answered, "\(who) answered your question “\(title)”", reply, link, "answered:\(reply.id)", on: sql)
        } else {
            try await publish([thread.authorID], .reply, "\(who) replied to “\(title)”", reply, link, "reply:\(reply.id)", on: sql)
        }
        if let parent, parent.authorID != thread.authorID {
            try await publish([parent.authorID], .reply, "\(who) replied to your reply in “\(title)”", reply, link, "reply-to-reply:\(reply.id)", on: sql)
        }
        let alreadyTold = Set([thread.authorID, parent?.authorID].compactMap { $0 })
        try await mentions(in: reply, threadTitle: title, mentioned: mentioned.filter { !alreadyTold.contains($0.id) }, on: sql)
    }

    /// The asker (or staff) accepted a reply: its author hears of it.
    func accepted(_ reply: ForumPost, thread: ForumPost, actorID: String, on sql: any SQLDatabase) async throws {
        try await jobs.publish(
            NotificationRequested(
                recipientIDs: [reply.authorID], kind: .answered, title: "Your answer to “\(thread.title ?? "")” was accepted",
                body: Self.excerpt(reply.body), link: "/threads/\(thread.id)#reply-\(reply.id)", actorID: actorID,
                sourceKey: "accepted:\(thread.id):\(reply.id)"
            ),
            on: sql
        )
    }

    /// Staff resolved a report: the reporter hears how.
    func reportResolved(_ report: ForumReport, resolution: ReportResolution, thread: ForumPost, actorID: String, on sql: any SQLDatabase) async throws {
        let outcome = switch resolution {
        case .dismiss: "was reviewed; the post stays"
        case .remove: "was upheld; the post was removed"
        case .suspend: "was upheld; the author was suspended from the board"
        }
        try await jobs.publish(
            NotificationRequested(
                recipientIDs: [report.reporterID], kind: .report, title: "Your report \(outcome)", body: Self.excerpt(report.reason),
                link: "/threads/\(thread.id)", actorID: actorID, sourceKey: "report:\(report.id)"
            ),
            on: sql
        )
    }

    private func mentions(in post: ForumPost, threadTitle: String, mentioned: [UserSummary], on sql: any SQLDatabase) async throws {
        guard !mentioned.isEmpty else { return }
        let who = post.anonymous ? "Anonymous" : actorName
        let link = post.threadID.map { "/threads/\($0)#reply-\(post.id)" } ?? "/threads/\(post.id)"
        try await publish(mentioned.map(\.id), .mention, "\(who) mentioned you in “\(threadTitle)”", post, link, "mention:\(post.id)", on: sql)
    }

    private func publish(
        _ recipients: [String], _ kind: NotificationKind, _ title: String, _ post: ForumPost, _ link: String, _ key: String,
        on sql: any SQLDatabase
    ) async throws {
        let actor = post.anonymous ? nil : post.authorID
        let recipients = recipients.filter { $0 != post.authorID }
        guard !recipients.isEmpty else { return }
        try await jobs.publish(
            NotificationRequested(recipientIDs: recipients, kind: kind, title: title, body: Self.excerpt(post.body), link: link, actorID: actor, sourceKey: key),
            on: sql
        )
    }

    /// The start of a post's text for a notification or a live event: at most 140 characters.
    static func excerpt(_ text: String) -> String {
        text.count <= 140 ? text : String(text.prefix(139)) + "…"
    }
}
