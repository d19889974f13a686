import Foundation

/// What the forum templates show, shaped from the service's read models.
enum ForumPageContent {
    /// A board as a link.
    struct BoardLink: Sendable {
        let id: String
        let title: String
        let description: String
        let kind: String
        let isStaff: Bool

        init(_ access: BoardAccess) {
            id = access.board.id
            title = access.board.title
            description = access.board.description
            kind = access.board.scope.kind
            isStaff = access.isStaff
        }
    }

    /// The board list.
    struct Boards: Sendable {
        let boards: [BoardLink]
        let isAdmin: Bool
        /// The admins' new-board form, filled again after an error.
        let newBoard: BoardForm
    }

    /// The new-board form's values and the reason it was refused, if it was.
    struct BoardForm: Sendable {
        let title: String
        let description: String
        let allowAnonymous: Bool
        let error: String?
    }

    /// A user suspended from a board, as its staff see them.
    struct SuspendedUser: Sendable {
        let name: String
        let suspendedBy: String
        let since: String
        let sinceISO: String
        /// Where the lift form posts.
        let liftAction: String

        init(_ suspension: BoardSuspension, boardID: String) {
            name = suspension.userName
            suspendedBy = suspension.suspendedByName
            sinceISO = suspension.record.createdAt.formatted(.iso8601)
            since = String(sinceISO.prefix(16)).replacingOccurrences(of: "T", with: " ")
            liftAction = "/boards/\(boardID)/suspensions/\(suspension.record.userID)/lift"
        }
    }

    /// A file on a post: a link through the thread's attachment route, and a thumbnail for pictures.
    struct Attachment: Sendable {
        let href: String
        let filename: String
        let size: String
        let isImage: Bool

        init(_ attachment: PostAttachment, threadID: String) {
            href = "/threads/\(threadID)/attachments/\(attachment.uploadID)"
            filename = attachment.filename
            size = attachment.humanSize
            isImage = attachment.isImage
        }
    }

    /// One post (thread or reply) as the thread page shows it.
    struct Post: Sendable {
        let id: String
        let title: String?
        let bodyHtml: String
        let authorName: String
        let score: Int
        let votedUp: Bool
        let votedDown: Bool
        let removed: Bool
        let created: String
        let createdISO: String
        let edited: Bool
        let canEdit: Bool
        let canDelete: Bool
        let accepted: Bool
        let tags: [String]
        let pinned: Bool
        let locked: Bool
        let isQuestion: Bool
        let replyCount: Int
        let children: [Post]
        /// Its files; none once it is removed.
        let attachments: [Attachment]
        let hasAttachments: Bool
        /// The thread page's form answering this post (the main reply form for the thread), filled again after a 422.
        let replyForm: TypedForm
        /// The thread page's form reporting this post, filled again after a 422.
        let reportForm: TypedForm

        init(_ view: PostView, acceptedReplyID: String? = nil, children: [Post] = [], refused: RefusedForm? = nil) {
            let post = view.post
            id = post.id
            title = post.title
            bodyHtml = view.bodyHTML
            authorName = view.author.displayName
            score = post.score
            votedUp = view.myVote == 1
            votedDown = view.myVote == -1
            removed = post.isRemoved
            createdISO = post.createdAt.formatted(.iso8601)
            created = String(createdISO.prefix(16)).replacingOccurrences(of: "T", with: " ")
            edited = post.editedAt != nil
            canEdit = view.canEdit
            canDelete = view.canDelete
            accepted = acceptedReplyID == post.id
            tags = post.tags
            pinned = post.pinned
            locked = post.locked
            isQuestion = post.kind == .question
            replyCount = post.replyCount
            self.children = children
            attachments = view.attachments.map { Attachment($0, threadID: post.rootID) }
            hasAttachments = !attachments.isEmpty
            replyForm = refused?.form(.reply, for: post.id) ?? .blank
            reportForm = refused?.form(.report, for: post.id) ?? .blank
        }
    }

    /// What was typed into a post form and why it was refused, to fill the form again after a 422; blank on a fresh form.
    struct TypedForm: Sendable {
        let title: String
        /// The main text: a post's body, or a report's reason.
        let body: String
        let tags: String
        let anonymous: Bool
        /// Why the form was refused; `nil` on a fresh form.
        let error: String?
        /// The refused fields by name, which the templates mark `aria-invalid`.
        let fields: [String: String]

        static let blank = TypedForm(title: "", body: "", tags: "", anonymous: false, error: nil, fields: [:])
    }

    /// A refused form of the thread page: which form, for which post, and what was typed.
    struct RefusedForm: Sendable {
        /// The thread page's per-post forms.
        enum Kind: Sendable {
            case reply, report
        }

        let kind: Kind
        /// The post the form answers or reports: the thread itself for the main reply form.
        let postID: String
        let form: TypedForm

        /// The typed form if it is the `kind` form of post `id`.
        func form(_ kind: Kind, for id: String) -> TypedForm? {
            kind == self.kind && id == postID ? form : nil
        }
    }

    /// A board's thread list with its filters.
    struct ThreadList: Sendable {
        let board: BoardLink
        let threads: [Post]
        let sorts: [SortChoice]
        let tag: String
        let query: String
        let nextURL: String?
        let canPost: Bool
        let newThreadURL: String
        /// Where the group feed's inline post form posts; `nil` on other boards.
        let postAction: String?
        /// Whether the page lists the board's suspensions: on a board's own page, to its staff.
        let showsSuspensions: Bool
        /// The users suspended from the board; empty unless the page shows them.
        let suspensions: [SuspendedUser]
        /// The group feed's post form, filled again after a 422.
        let postForm: TypedForm
    }

    /// One choice of the sort menu.
    struct SortChoice: Sendable {
        let value: String
        let label: String
        let selected: Bool
    }

    /// The thread page.
    struct Thread: Sendable {
        let board: BoardLink
        let thread: Post
        let replies: [Post]
        let canReply: Bool
        let canAccept: Bool
        let isStaff: Bool
        let suspended: Bool
        let allowAnonymous: Bool
        let moveTargets: [BoardLink]
        /// Stored, not computed: pages reach templates through reflection, which sees stored properties only.
        let canMove: Bool
    }

    /// The new-thread form, filled again after an error.
    struct NewThread: Sendable {
        let board: BoardLink
        let title: String
        let body: String
        let tags: String
        let question: Bool
        let allowAnonymous: Bool
        let error: String?
    }

    /// The edit form of a thread (title, text and tags) or reply (text), filled again after a 422.
    struct EditPost: Sendable {
        let action: String
        let threadID: String
        let isThread: Bool
        let form: TypedForm
    }

    /// A staff view of a thread's earlier versions.
    struct History: Sendable {
        struct Revision: Sendable {
            let title: String?
            let body: String
            let edited: String
        }

        let threadID: String
        let title: String
        let revisions: [Revision]
    }

    /// The moderation queue.
    struct Queue: Sendable {
        struct Entry: Sendable {
            let id: String
            let boardTitle: String
            let threadID: String
            let postTitle: String?
            let excerpt: String
            let authorName: String
            let reporterName: String
            let reason: String
        }

        let entries: [Entry]
        let isAdmin: Bool
    }

    /// The blocked-words page.
    struct BlockedWords: Sendable {
        let words: String
        let count: Int
    }
}
