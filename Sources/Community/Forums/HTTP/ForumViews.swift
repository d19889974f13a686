import Foundation

/// `ForumBoard` in the API.
struct BoardView: Encodable {
    let id: String
    let kind: String
    let courseId: String?
    let groupId: String?
    let title: String
    let description: String
    let allowAnonymous: Bool
    let role: BoardRole
    let suspended: Bool

    init(_ access: BoardAccess) {
        let board = access.board
        id = board.id
        kind = board.scope.kind
        switch board.scope {
        case .site: (courseId, groupId) = (nil, nil)
        case .course(let course): (courseId, groupId) = (course, nil)
        case .group(let group): (courseId, groupId) = (nil, group)
        }
        title = board.title
        description = board.description
        allowAnonymous = board.allowAnonymous
        role = access.role
        suspended = access.suspended
    }
}

/// `ForumAuthor` in the API: `id` is null when the author posted anonymously and the caller may not know them.
struct AuthorView: Encodable {
    let id: String?
    let displayName: String
}

/// `ForumAttachment` in the API: a file on a post and where a reader fetches it.
struct AttachmentView: Encodable {
    let id: String
    let filename: String
    let size: Int64
    let contentType: String
    let contentPath: String

    init(_ attachment: PostAttachment) {
        id = attachment.uploadID
        filename = attachment.filename
        size = attachment.size
        contentType = attachment.contentType
        contentPath = attachment.contentPath
    }
}

/// `ForumThread` in the API. A removed thread keeps its title but shows no body and no files.
struct ThreadView: Encodable {
    let id: String
    let boardId: String
    let kind: String
    let title: String
    let body: String?
    let bodyHtml: String
    let tags: [String]
    let lessonId: String?
    let author: AuthorView
    let anonymous: Bool
    let score: Int
    let myVote: Int
    let replyCount: Int
    let acceptedReplyId: String?
    let pinned: Bool
    let locked: Bool
    let removed: Bool
    let canEdit: Bool
    let canDelete: Bool
    let createdAt: Date
    let editedAt: Date?
    let lastActivityAt: Date
    let attachments: [AttachmentView]

    init(_ view: PostView) {
        let post = view.post
        id = post.id
        boardId = post.boardID
        kind = (post.kind ?? .discussion).rawValue
        title = post.title ?? ""
        body = post.isRemoved ? nil : post.body
        bodyHtml = view.bodyHTML
        tags = post.tags
        lessonId = post.lessonID
        author = AuthorView(id: view.author.id, displayName: view.author.displayName)
        anonymous = post.anonymous
        score = post.score
        myVote = view.myVote
        replyCount = post.replyCount
        acceptedReplyId = post.acceptedReplyID
        pinned = post.pinned
        locked = post.locked
        removed = post.isRemoved
        canEdit = view.canEdit
        canDelete = view.canDelete
        createdAt = post.createdAt
        editedAt = post.editedAt
        lastActivityAt = post.lastActivityAt
        attachments = view.attachments.map(AttachmentView.init)
    }
}

/// `ForumReply` in the API; `parentId` names the top-level reply a nested reply is shown under.
struct ReplyView: Encodable {
    let id: String
    let threadId: String
    let parentId: String?
    let body: String?
    let bodyHtml: String
    let author: AuthorView
    let anonymous: Bool
    let score: Int
    let myVote: Int
    let accepted: Bool
    let removed: Bool
    let canEdit: Bool
    let canDelete: Bool
    let createdAt: Date
    let editedAt: Date?
    let attachments: [AttachmentView]

    init(_ view: PostView, acceptedReplyID: String?) {
        let post = view.post
        id = post.id
        threadId = post.threadID ?? ""
        parentId = post.parentID
        body = post.isRemoved ? nil : post.body
        bodyHtml = view.bodyHTML
        author = AuthorView(id: view.author.id, displayName: view.author.displayName)
        anonymous = post.anonymous
        score = post.score
        myVote = view.myVote
        accepted = post.id == acceptedReplyID
        removed = post.isRemoved
        canEdit = view.canEdit
        canDelete = view.canDelete
        createdAt = post.createdAt
        editedAt = post.editedAt
        attachments = view.attachments.map(AttachmentView.init)
    }
}

/// `ForumThreadDetail`: a thread, its board and its replies.
struct ThreadDetailView: Encodable {
    let thread: ThreadView
    let board: BoardView
    let replies: [ReplyView]
    let canAccept: Bool

    init(_ detail: ThreadDetail) {
        thread = ThreadView(detail.thread)
        board = BoardView(detail.access)
        replies = detail.replies.map { ReplyView($0, acceptedReplyID: detail.thread.post.acceptedReplyID) }
        canAccept = detail.canAccept
    }
}

/// `ForumThreadPage`: a page of threads and the cursor of the next one.
struct ThreadPageView: Encodable {
    let board: BoardView
    let items: [ThreadView]
    let nextCursor: String?

    init(_ page: ThreadPage) {
        board = BoardView(page.access)
        items = page.threads.map(ThreadView.init)
        nextCursor = page.nextCursor
    }
}

/// `ForumRevision`: an earlier version of a post.
struct RevisionView: Encodable {
    let title: String?
    let body: String
    let tags: [String]
    let editorId: String
    let editedAt: Date

    init(_ revision: PostRevision) {
        title = revision.title
        body = revision.body
        tags = revision.tags
        editorId = revision.editorID
        editedAt = revision.editedAt
    }
}

/// `ForumReport` in the API.
struct ReportView: Encodable {
    let id: String
    let postId: String
    let boardId: String
    let reason: String
    let status: ReportStatus
    let createdAt: Date
    let resolvedAt: Date?

    init(_ report: ForumReport) {
        id = report.id
        postId = report.postID
        boardId = report.boardID
        reason = report.reason
        status = report.status
        createdAt = report.createdAt
        resolvedAt = report.resolvedAt
    }
}

/// `ForumQueueEntry`: an open report with the post and people involved.
struct QueueEntryView: Encodable {
    let report: ReportView
    let boardTitle: String
    let threadId: String
    let postTitle: String?
    let postBody: String
    let authorId: String
    let authorName: String
    let reporterName: String

    init(_ entry: ReportEntry) {
        report = ReportView(entry.report)
        boardTitle = entry.boardTitle
        threadId = entry.post.rootID
        postTitle = entry.post.title
        postBody = entry.post.body
        authorId = entry.post.authorID
        authorName = entry.authorName
        reporterName = entry.reporterName
    }
}

/// `ForumSuspension`: a user suspended from a board, who suspended them and when.
struct SuspensionView: Encodable {
    let userId: String
    let displayName: String
    let suspendedById: String
    let suspendedByName: String
    let suspendedAt: Date

    init(_ suspension: BoardSuspension) {
        userId = suspension.record.userID
        displayName = suspension.userName
        suspendedById = suspension.record.suspendedByID
        suspendedByName = suspension.suspendedByName
        suspendedAt = suspension.record.createdAt
    }
}
