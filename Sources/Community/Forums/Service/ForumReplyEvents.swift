import LyceumContracts

/// The domain event a new reply publishes in its transaction, for readers following the thread live
/// (Realtime's `thread:` topics). An anonymous author is not named.
enum ForumReplyEvents {
    static func posted(_ reply: ForumPost, threadID: String, authorName: String) -> ForumReplyPosted {
        ForumReplyPosted(
            threadID: threadID, replyID: reply.id, authorID: reply.anonymous ? nil : reply.authorID,
            authorName: reply.anonymous ? "Anonymous" : authorName, excerpt: ForumNotifications.excerpt(reply.body),
            link: "/threads/\(threadID)#reply-\(reply.id)", postedAt: reply.createdAt
        )
    }
}
