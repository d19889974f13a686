import Foundation
import LyceumCore

/// What a thread is for: a question can have an accepted answer.
enum ThreadKind: String, Sendable, Codable, CaseIterable {
    case question
    case discussion
}

/// A thread or a reply as stored (`community_posts` holds both; a reply has a `threadID`).
struct ForumPost: Sendable, Equatable {
    let id: String
    let boardID: String
    /// The thread a reply belongs to; `nil` for a thread.
    let threadID: String?
    /// The top-level reply a nested reply is shown under; `nil` for threads and top-level replies.
    let parentID: String?
    let authorID: String
    let anonymous: Bool
    /// `question` or `discussion` for threads; `nil` for replies.
    let kind: ThreadKind?
    let title: String?
    let body: String
    let tags: [String]
    let lessonID: String?
    let score: Int
    let replyCount: Int
    let acceptedReplyID: String?
    let pinned: Bool
    let locked: Bool
    let createdAt: Date
    let editedAt: Date?
    let lastActivityAt: Date
    let deletedAt: Date?
    /// The body as safe HTML, as rendered when it was written; `nil` until the post is stored, or for posts
    /// stored before bodies were rendered on write.
    var storedBodyHTML: String? = nil

    /// The body as safe HTML: the stored rendering, or rendered now.
    var bodyHTML: String { storedBodyHTML ?? SafeMarkdown.html(body) }

    var isThread: Bool { threadID == nil }
    var isRemoved: Bool { deletedAt != nil }
    /// The thread this post is or belongs to.
    var rootID: String { threadID ?? id }
}

/// A user as a post shows them: `nil` id and "Anonymous" when the caller may not know the author.
struct PostAuthor: Sendable, Equatable {
    let id: String?
    let displayName: String
}

/// A post shaped for one caller: what they may see of its author, their own vote, what they may do with it.
struct PostView: Sendable {
    let post: ForumPost
    let author: PostAuthor
    /// The caller's vote: -1, 0 or 1.
    let myVote: Int
    /// The body as safe HTML; empty when the post was removed.
    let bodyHTML: String
    /// Whether the caller wrote it.
    let isMine: Bool
    /// Whether the caller may still edit it (its author, within the edit window, not removed).
    let canEdit: Bool
    /// Whether the caller may delete it (its author or staff, not removed).
    let canDelete: Bool
    /// Its files; none once it is removed.
    let attachments: [PostAttachment]
}

/// A thread with its replies, shaped for one caller.
struct ThreadDetail: Sendable {
    let access: BoardAccess
    let thread: PostView
    /// Replies in the order they were written; nested ones name their top-level `parentID`.
    let replies: [PostView]
    /// Whether the caller may mark the accepted answer (the asker or staff, on a question).
    let canAccept: Bool
}

/// One page of a board's threads.
struct ThreadPage: Sendable {
    let access: BoardAccess
    let threads: [PostView]
    let nextCursor: String?
}

/// How a board's thread list is ordered (pinned threads always come first).
enum ThreadSort: String, Sendable, CaseIterable {
    case newest
    case top
    case active
    case unanswered
}

/// What a caller asks of a board's thread list.
struct ThreadQuery: Sendable {
    var sort: ThreadSort = .newest
    var tag: String?
    var text: String?
    var offset = 0
    var limit = 20
}

/// A past version of a post, kept when its author edits it.
struct PostRevision: Sendable, Equatable {
    let title: String?
    let body: String
    let tags: [String]
    let editorID: String
    let editedAt: Date
}
