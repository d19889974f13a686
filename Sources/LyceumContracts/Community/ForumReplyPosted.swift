import Foundation
import LyceumCore

/// Someone replied in a forum thread. Published by Community in the transaction that stores the reply, for
/// readers following the thread live. An anonymous author is not named.
public struct ForumReplyPosted: DomainEvent {
    public static let eventName = "community.forum-reply-posted"

    /// The thread.
    public let threadID: String
    /// The reply.
    public let replyID: String
    /// The author; `nil` when they posted anonymously.
    public let authorID: String?
    /// The author's display name, or "Anonymous".
    public let authorName: String
    /// The start of the reply's text (Markdown source, at most 140 characters).
    public let excerpt: String
    /// The site path that shows the reply ("/threads/…#reply-…").
    public let link: String
    /// When it was posted.
    public let postedAt: Date

    /// Creates the event.
    public init(threadID: String, replyID: String, authorID: String?, authorName: String, excerpt: String, link: String, postedAt: Date) {
        self.threadID = threadID
        self.replyID = replyID
        self.authorID = authorID
        self.authorName = authorName
        self.excerpt = excerpt
        self.link = link
        self.postedAt = postedAt
    }
}
