import Foundation
import LyceumContracts
import LyceumCore
import LyceumPlatform
import SQLKit

/// Threads and replies: reading, writing, editing within the window, deleting.
extension CommunityService {
    /// How long authors may edit a post after writing it.
    static let editWindow: TimeInterval = 30 * 60

    /// One page of a board's threads for the caller, pinned first.
    func threads(_ principal: Principal?, board boardID: String, query: ThreadQuery) async throws -> ThreadPage {
        let principal = try require(principal)
        let access = try await accessibleBoard(principal, boardID)
        return try await threadPage(principal, access: access, query: query)
    }

    /// One page of threads of a board the caller may already open.
    func threadPage(_ principal: Principal, access: BoardAccess, query: ThreadQuery) async throws -> ThreadPage {
        let (rows, votes) = try await database.read { sql in
            let rows = try await PostStore.threads(boardID: access.board.id, query: query, on: sql)
            let shown = Array(rows.prefix(query.limit))
            return (rows, try await VoteStore.votes(postIDs: shown.map(\.id), userID: principal.userID, on: sql))
        }
        let shown = Array(rows.prefix(query.limit))
        let views = try await views(of: shown, for: principal, access: access, votes: votes)
        let next = rows.count > query.limit ? ThreadListCursor(offset: query.offset + query.limit).encoded : nil
        return ThreadPage(access: access, threads: views, nextCursor: next)
    }

    /// A thread with all its replies, the caller's votes and everyone's names: three database hops
    /// (posts and board facts, votes, names) and the course check, however many replies.
    func thread(_ principal: Principal?, _ threadID: String) async throws -> ThreadDetail {
        let principal = try require(principal)
        let found = try await database.read { sql -> ([ForumPost], BoardFacts, [String: Int])? in
            let posts = try await PostStore.threadWithReplies(id: threadID, on: sql)
            guard let thread = posts.first, thread.isThread,
                let facts = try await BoardFacts.read(boardID: thread.boardID, userID: principal.userID, on: sql)
            else { return nil }
            return (posts, facts, try await VoteStore.votes(threadID: threadID, userID: principal.userID, on: sql))
        }
        guard let (posts, facts, votes) = found else { throw AppError.notFound("thread") }
        let access = try await access(principal, facts)
        let views = try await views(of: posts, for: principal, access: access, votes: votes)
        let thread = posts[0]
        return ThreadDetail(
            access: access, thread: views[0], replies: Array(views.dropFirst()),
            canAccept: thread.kind == .question && !thread.isRemoved && (access.isStaff || thread.authorID == principal.userID)
        )
    }

    /// Starts a thread on a board the caller may post to.
    func createThread(_ principal: Principal?, board boardID: String, draft: ThreadDraft, titleRequired: Bool = true) async throws -> ThreadDetail {
        let principal = try require(principal)
        let access = try await accessibleBoard(principal, boardID)
        return try await createThread(principal, access: access, draft: draft, titleRequired: titleRequired)
    }

    /// Starts a thread on a board whose access is known. Group feed posts may leave the title out: it is then
    /// the start of the body's first line.
    func createThread(_ principal: Principal, access: BoardAccess, draft: ThreadDraft, titleRequired: Bool) async throws -> ThreadDetail {
        try access.requireParticipation()
        var fields: [String: String] = [:]
        let body = ForumContentRules.body(draft.body, into: &fields)
        let title = ForumContentRules.title(draft.title, required: titleRequired, into: &fields)
            ?? String(body.split(separator: "\n").first?.prefix(80) ?? "Post")
        let tags = ForumContentRules.tags(draft.tags ?? [], into: &fields)
        let anonymous = draft.anonymous ?? false
        if anonymous && !access.board.allowAnonymous { fields["anonymous"] = "This board does not allow anonymous posts." }
        if let lessonID = draft.lessonId {
            if case .course(let courseID) = access.board.scope {
                if try await courses.lessonTitle(courseID: courseID, lessonID: lessonID) == nil { fields["lessonId"] = "No such lesson in this course." }
            } else {
                fields["lessonId"] = "Only course boards link threads to lessons."
            }
        }
        let attachments = try await attachments(principal, ids: draft.attachmentIds ?? [], into: &fields)
        guard fields.isEmpty else { throw AppError.validation(fields) }
        let mentioned = try await mentionedUsers(in: body, board: access.board, excluding: principal.userID)
        let authorName = try await displayName(of: principal)
        let now = now()
        let thread = ForumPost(
            id: UUID().uuidString.lowercased(), boardID: access.board.id, threadID: nil, parentID: nil, authorID: principal.userID,
            anonymous: anonymous, kind: draft.kind ?? .discussion, title: title, body: body, tags: tags, lessonID: draft.lessonId, score: 0,
            replyCount: 0, acceptedReplyID: nil, pinned: false, locked: false, createdAt: now, editedAt: nil, lastActivityAt: now, deletedAt: nil
        )
        try await database.transaction { sql in
            try ForumContentRules.rejectBlocked([title, body] + tags, blocked: try await ModerationStore.blockedWords(on: sql))
            try await PostStore.insert(thread, on: sql)
            try await PostAttachmentStore.replace(postID: thread.id, with: attachments, on: sql)
            try await PostStore.recordMentions(postID: thread.id, userIDs: mentioned.map(\.id), on: sql)
            try await ForumNotifications(jobs: jobs, actorName: authorName).threadStarted(thread, mentioned: mentioned, on: sql)
        }
        return try await self.thread(principal, thread.id)
    }

    /// Replies to a thread (or, with `parentId`, to a reply: shown under its top-level reply).
    func reply(_ principal: Principal?, thread threadID: String, draft: ReplyDraft) async throws -> PostView {
        let principal = try require(principal)
        let (_, thread, access) = try await accessiblePost(principal, threadID)
        guard thread.id == threadID, !thread.isRemoved else { throw AppError.notFound("thread") }
        try access.requireParticipation()
        var fields: [String: String] = [:]
        let body = ForumContentRules.body(draft.body, into: &fields)
        let anonymous = draft.anonymous ?? false
        if anonymous && !access.board.allowAnonymous { fields["anonymous"] = "This board does not allow anonymous posts." }
        let attachments = try await attachments(principal, ids: draft.attachmentIds ?? [], into: &fields)
        guard fields.isEmpty else { throw AppError.validation(fields) }
        let mentioned = try await mentionedUsers(in: body, board: access.board, excluding: principal.userID)
        let authorName = try await displayName(of: principal)
        let now = now()
        let reply = try await database.transaction { sql -> ForumPost in
            guard let locked = try await PostStore.lock(id: threadID, engineLocks: database.engine == .postgres, on: sql) else {
                throw AppError.notFound("thread")
            }
            guard !locked.locked else { throw AppError.conflict("thread_locked", "This thread is locked: it takes no new replies.") }
            var parent: ForumPost?
            if let parentID = draft.parentId {
                guard let found = try await PostStore.find(id: parentID, on: sql), found.threadID == threadID, !found.isRemoved else {
                    throw AppError.validation(["parentId": "No such reply in this thread."])
                }
                parent = found
            }
            try ForumContentRules.rejectBlocked([body], blocked: try await ModerationStore.blockedWords(on: sql))
            let reply = ForumPost(
                id: UUID().uuidString.lowercased(), boardID: locked.boardID, threadID: threadID, parentID: parent.map { $0.parentID ?? $0.id },
                authorID: principal.userID, anonymous: anonymous, kind: nil, title: nil, body: body, tags: [], lessonID: nil, score: 0,
                replyCount: 0, acceptedReplyID: nil, pinned: false, locked: false, createdAt: now, editedAt: nil, lastActivityAt: now,
                deletedAt: nil
            )
            try await PostStore.insert(reply, on: sql)
            try await PostAttachmentStore.replace(postID: reply.id, with: attachments, on: sql)
            try await PostStore.recordReply(threadID: threadID, at: now, on: sql)
            try await PostStore.recordMentions(postID: reply.id, userIDs: mentioned.map(\.id), on: sql)
            try await ForumNotifications(jobs: jobs, actorName: authorName).replied(reply, thread: locked, parent: parent, mentioned: mentioned, on: sql)
            try await jobs.publish(ForumReplyEvents.posted(reply, threadID: threadID, authorName: authorName), on: sql)
            return reply
        }
        return try await views(of: [reply], for: principal, access: access, votes: [:])[0]
    }

    /// Edits a post's text: its author only, within the edit window; the previous text is kept for staff.
    func edit(_ principal: Principal?, post reference: PostReference, changes: PostChanges) async throws -> PostView {
        let principal = try require(principal)
        let (post, _, access) = try await accessiblePost(principal, reference)
        let postID = post.id
        guard post.authorID == principal.userID, !post.isRemoved else { throw AppError.forbidden("Only the author may edit a post.") }
        guard now().timeIntervalSince(post.createdAt) <= Self.editWindow else {
            throw AppError(status: 403, code: "edit_window_closed", message: "Posts can be edited for 30 minutes after they are written.")
        }
        try access.requireParticipation()
        var fields: [String: String] = [:]
        let body = changes.body.map { ForumContentRules.body($0, into: &fields) } ?? post.body
        let title = post.isThread ? (changes.title.map { ForumContentRules.title($0, required: true, into: &fields) } ?? post.title) : nil
        let tags = post.isThread ? (changes.tags.map { ForumContentRules.tags($0, into: &fields) } ?? post.tags) : []
        if !post.isThread && (changes.title != nil || changes.tags != nil) { fields["title"] = "Replies have no title or tags." }
        var replaced: [PostAttachment]?
        if let ids = changes.attachmentIds {
            let kept = try await database.read { sql in try await PostAttachmentStore.attachments(postIDs: [postID], on: sql)[postID] ?? [] }
            replaced = try await attachments(principal, ids: ids, keeping: kept, into: &fields)
        }
        guard fields.isEmpty else { throw AppError.validation(fields) }
        let attachments = replaced
        let edited = ForumPost(
            id: post.id, boardID: post.boardID, threadID: post.threadID, parentID: post.parentID, authorID: post.authorID,
            anonymous: post.anonymous, kind: post.kind, title: title, body: body, tags: tags, lessonID: post.lessonID, score: post.score,
            replyCount: post.replyCount, acceptedReplyID: post.acceptedReplyID, pinned: post.pinned, locked: post.locked,
            createdAt: post.createdAt, editedAt: now(), lastActivityAt: post.lastActivityAt, deletedAt: nil
        )
        try await database.transaction { sql in
            try ForumContentRules.rejectBlocked([title ?? "", body] + tags, blocked: try await ModerationStore.blockedWords(on: sql))
            try await PostStore.recordRevision(of: post, editorID: principal.userID, at: now(), on: sql)
            try await PostStore.updateContent(edited, editedAt: edited.editedAt ?? now(), on: sql)
            if let attachments { try await PostAttachmentStore.replace(postID: postID, with: attachments, on: sql) }
        }
        let votes = try await database.read { sql in try await VoteStore.votes(postIDs: [postID], userID: principal.userID, on: sql) }
        return try await views(of: [edited], for: principal, access: access, votes: votes)[0]
    }

    /// Removes a post (soft delete): its author or the board's staff. Removed posts show as "removed".
    func delete(_ principal: Principal?, post reference: PostReference) async throws {
        let principal = try require(principal)
        let (post, _, access) = try await accessiblePost(principal, reference)
        let postID = post.id
        guard post.authorID == principal.userID || access.isStaff else { throw AppError.forbidden("Only the author or staff may delete a post.") }
        guard !post.isRemoved else { return }
        _ = try await database.write { sql in try await PostStore.remove(postID: postID, by: principal.userID, at: now(), on: sql) }
    }

    /// The earlier versions of a post, oldest first (the board's staff).
    func history(_ principal: Principal?, post reference: PostReference) async throws -> [PostRevision] {
        let principal = try require(principal)
        let (_, _, access) = try await accessiblePost(principal, reference)
        let postID = reference.id
        try access.requireStaff()
        return try await database.read { sql in try await PostStore.revisions(postID: postID, on: sql) }
    }

    /// Shapes posts for the caller: authors' names in one directory call, files in one query, anonymity respected.
    func views(of posts: [ForumPost], for principal: Principal, access: BoardAccess, votes: [String: Int]) async throws -> [PostView] {
        let live = posts.filter { !$0.isRemoved }.map(\.id)
        let files = try await database.read { sql in try await PostAttachmentStore.attachments(postIDs: live, on: sql) }
        let names = try await users.summaries(ids: Array(Set(posts.map(\.authorID))))
        let now = now()
        return posts.map { post in
            let isMine = post.authorID == principal.userID
            let revealed = !post.anonymous || isMine || access.isStaff || principal.isAdmin
            let author = revealed
                ? PostAuthor(id: post.authorID, displayName: names[post.authorID]?.displayName ?? "Former member")
                : PostAuthor(id: nil, displayName: "Anonymous")
            return PostView(
                post: post, author: author, myVote: votes[post.id] ?? 0, bodyHTML: post.isRemoved ? "" : post.bodyHTML,
                isMine: isMine, canEdit: isMine && !post.isRemoved && now.timeIntervalSince(post.createdAt) <= Self.editWindow,
                canDelete: (isMine || access.isStaff) && !post.isRemoved, attachments: post.isRemoved ? [] : files[post.id] ?? []
            )
        }
    }

    /// The caller's display name, for notification titles.
    func displayName(of principal: Principal) async throws -> String {
        try await users.summaries(ids: [principal.userID])[principal.userID]?.displayName ?? "Someone"
    }

    /// The users an `@mention` in `text` names who may use the board (never the author), in one directory call.
    func mentionedUsers(in text: String, board: ForumBoard, excluding authorID: String) async throws -> [UserSummary] {
        let parser = MentionParser(text: text)
        guard !parser.candidates.isEmpty else { return [] }
        let found = try await users.activeUsers(named: Array(parser.names.prefix(100)))
        let byName = Dictionary(grouping: found) { $0.displayName.lowercased() }
        var result: [UserSummary] = []
        for name in parser.resolve(known: Set(byName.keys)) {
            for user in byName[name.lowercased()] ?? [] where user.id != authorID && !result.contains(where: { $0.id == user.id }) {
                if try await mayUse(user, board: board) { result.append(user) }
            }
        }
        return result
    }
}
