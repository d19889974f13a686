import Foundation
import Hummingbird
import LyceumContracts
import LyceumCore
import LyceumHTTP
import LyceumWeb

/// The forums pages: boards, threads, the group feed and moderation. Every action is a form that posts back
/// and redirects to the page it came from; signed-out visitors are sent to sign in like on other pages.
struct ForumPages: Sendable {
    let community: CommunityService
    let renderer: PageRenderer
    let panels: PagePanels

    func addRoutes(to pages: RouterGroup<AppRequestContext>) {
        panels.add(.coursePage) { [community] request in try await community.courseBoardPanel(request) }
        pages.get("boards", use: signedIn(boards))
        pages.post("boards", use: createBoard)
        pages.get("boards/:board", use: signedIn(board))
        pages.get("courses/:course/board", use: signedIn(courseBoard))
        pages.post("boards/:board/suspensions/:user/lift", use: liftSuspension)
        pages.get("boards/:board/new", use: signedIn(newThread))
        pages.post("boards/:board/new", use: createThread)
        pages.get("threads/:thread", use: signedIn(thread))
        pages.post("threads/:thread/replies", use: reply)
        pages.get("threads/:thread/attachments/:upload", use: signedIn(attachment))
        pages.post("threads/:thread/vote") { try await vote($0, $1, "thread") }
        pages.post("replies/:reply/vote") { try await vote($0, $1, "reply") }
        pages.post("threads/:thread/accept", use: accept)
        pages.post("threads/:thread/pin", use: pin)
        pages.post("threads/:thread/lock", use: lock)
        pages.post("threads/:thread/move", use: move)
        pages.post("threads/:thread/delete") { try await delete($0, $1, "thread") }
        pages.post("replies/:reply/delete") { try await delete($0, $1, "reply") }
        pages.post("threads/:thread/report") { try await report($0, $1, "thread") }
        pages.post("replies/:reply/report") { try await report($0, $1, "reply") }
        pages.get("threads/:thread/edit", use: signedIn { try await editForm($0, $1, "thread") })
        pages.post("threads/:thread/edit") { try await edit($0, $1, "thread") }
        pages.get("replies/:reply/edit", use: signedIn { try await editForm($0, $1, "reply") })
        pages.post("replies/:reply/edit") { try await edit($0, $1, "reply") }
        pages.get("threads/:thread/history", use: signedIn(history))
        pages.get("moderation", use: signedIn(moderation))
        pages.post("moderation/reports/:report", use: resolve)
        pages.get("moderation/blocked-words", use: signedIn(blockedWords))
        pages.post("moderation/blocked-words", use: saveBlockedWords)
        pages.get("groups/:group/posts", use: signedIn(groupFeed))
        pages.post("groups/:group/posts", use: postToGroup)
    }

    /// Sends signed-out visitors to sign in and back, as the other pages do.
    private func signedIn(
        _ handler: @escaping @Sendable (Request, AppRequestContext) async throws -> Response
    ) -> @Sendable (Request, AppRequestContext) async throws -> Response {
        { request, context in
            guard context.principal != nil else { return PageRenderer.signIn(returningTo: request.uri.path) }
            return try await handler(request, context)
        }
    }

    @Sendable func board(_ request: Request, context: AppRequestContext) async throws -> Response {
        let query = try ForumsAPI.threadQuery(request.uri.queryParameters)
        let page = try await community.threads(context.principal, board: try context.parameters.require("board"), query: query)
        let suspensions = page.access.isStaff ? try await community.suspensions(context.principal, board: page.access.board.id) : nil
        return try renderList(
            page, query: query, path: "/boards/\(page.access.board.id)", postAction: nil, suspensions: suspensions,
            notice: request.uri.queryParameters.get("done") == "lifted" ? "The suspension is lifted." : nil, context: context
        )
    }

    @Sendable func groupFeed(_ request: Request, context: AppRequestContext) async throws -> Response {
        let groupID = try context.parameters.require("group")
        let query = try ForumsAPI.threadQuery(request.uri.queryParameters)
        let page = try await community.groupFeed(context.principal, group: groupID, query: query)
        return try renderList(page, query: query, path: "/groups/\(groupID)/posts", postAction: "/groups/\(groupID)/posts", context: context)
    }

    /// A board's thread list, or a group's feed with its post form (`postForm`'s values in it).
    private func renderList(
        _ page: ThreadPage, query: ThreadQuery, path: String, postAction: String?, suspensions: [BoardSuspension]? = nil, notice: String? = nil,
        postForm: ForumPageContent.TypedForm = .blank, context: AppRequestContext, status: HTTPResponse.Status = .ok
    ) throws -> Response {
        let labels: [ThreadSort: String] = [.newest: "Newest", .top: "Top", .active: "Most active", .unanswered: "Unanswered"]
        var next: String?
        if let cursor = page.nextCursor {
            var items = [URLQueryItem(name: "sort", value: query.sort.rawValue), URLQueryItem(name: "cursor", value: cursor)]
            if let tag = query.tag { items.append(URLQueryItem(name: "tag", value: tag)) }
            if let text = query.text { items.append(URLQueryItem(name: "q", value: text)) }
            var components = URLComponents()
            components.queryItems = items
            next = path + (components.string ?? "")
        }
        let content = ForumPageContent.ThreadList(
            board: .init(page.access), threads: page.threads.map { ForumPageContent.Post($0) },
            sorts: ThreadSort.allCases.map { .init(value: $0.rawValue, label: labels[$0] ?? $0.rawValue, selected: $0 == query.sort) },
            tag: query.tag ?? "", query: query.text ?? "", nextURL: next, canPost: !page.access.suspended && postAction == nil,
            newThreadURL: "/boards/\(page.access.board.id)/new", postAction: page.access.suspended ? nil : postAction,
            showsSuspensions: suspensions != nil,
            suspensions: (suspensions ?? []).map { ForumPageContent.SuspendedUser($0, boardID: page.access.board.id) }, postForm: postForm
        )
        var response = try renderer.render(
            Page("forum-board", title: page.access.board.title, content: content, section: .courses, notice: notice), context: context
        )
        response.status = status
        return response
    }

    @Sendable func courseBoard(_ request: Request, context: AppRequestContext) async throws -> Response {
        let board = try await community.courseBoard(context.principal, course: try context.parameters.require("course"))
        return PageRenderer.redirect(to: "/boards/\(board.board.id)")
    }

    @Sendable func newThread(_ request: Request, context: AppRequestContext) async throws -> Response {
        let access = try await community.board(context.principal, try context.parameters.require("board"))
        try access.requireParticipation()
        return try renderNewThread(access, title: "", body: "", tags: "", question: true, error: nil, context: context)
    }

    @Sendable func createThread(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try context.submittedForm()
        let boardID = try context.parameters.require("board")
        let draft = ThreadDraft(
            title: form["title"], body: form["body"], kind: ThreadKind(rawValue: form["kind"]) ?? .discussion, tags: Self.tagList(form["tags"]),
            lessonId: nil, anonymous: form["anonymous"] == "true", attachmentIds: form.all("attachmentIds")
        )
        do {
            let detail = try await community.createThread(context.principal, board: boardID, draft: draft)
            return PageRenderer.redirect(to: "/threads/\(detail.thread.post.id)")
        } catch let error as AppError where error.status == 422 {
            let access = try await community.board(context.principal, boardID)
            return try renderNewThread(
                access, title: form["title"], body: form["body"], tags: form["tags"], question: form["kind"] == "question",
                error: error.formMessage,
                context: context, status: .unprocessableContent
            )
        }
    }

    private func renderNewThread(
        _ access: BoardAccess, title: String, body: String, tags: String, question: Bool, error: String?, context: AppRequestContext,
        status: HTTPResponse.Status = .ok
    ) throws -> Response {
        let content = ForumPageContent.NewThread(
            board: .init(access), title: title, body: body, tags: tags, question: question, allowAnonymous: access.board.allowAnonymous, error: error
        )
        var response = try renderer.render(Page("forum-new-thread", title: "New thread", content: content, section: .courses, narrow: true), context: context)
        response.status = status
        return response
    }

    func vote(_ request: Request, _ context: AppRequestContext, _ parameter: String) async throws -> Response {
        let form = try context.submittedForm()
        let postID = try context.parameters.require(parameter)
        _ = try await community.vote(context.principal, post: PostReference(parameter: parameter, id: postID), value: Int(form["value"]) ?? 0)
        return try await backToThread(of: postID, context: context)
    }

    @Sendable func accept(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try context.submittedForm()
        let threadID = try context.parameters.require("thread")
        _ = try await community.accept(context.principal, thread: threadID, replyID: form["replyId"])
        return PageRenderer.redirect(to: "/threads/\(threadID)#reply-\(form["replyId"])")
    }

    @Sendable func pin(_ request: Request, context: AppRequestContext) async throws -> Response {
        let threadID = try context.parameters.require("thread")
        _ = try await community.pin(context.principal, thread: threadID, pinned: try context.submittedForm()["pinned"] != "false")
        return PageRenderer.redirect(to: "/threads/\(threadID)")
    }

    @Sendable func lock(_ request: Request, context: AppRequestContext) async throws -> Response {
        let threadID = try context.parameters.require("thread")
        _ = try await community.lock(context.principal, thread: threadID, locked: try context.submittedForm()["locked"] != "false")
        return PageRenderer.redirect(to: "/threads/\(threadID)")
    }

    @Sendable func move(_ request: Request, context: AppRequestContext) async throws -> Response {
        let threadID = try context.parameters.require("thread")
        _ = try await community.move(context.principal, thread: threadID, toBoard: try context.submittedForm()["boardId"])
        return PageRenderer.redirect(to: "/threads/\(threadID)")
    }

    func delete(_ request: Request, _ context: AppRequestContext, _ parameter: String) async throws -> Response {
        _ = try context.submittedForm()
        let postID = try context.parameters.require(parameter)
        try await community.delete(context.principal, post: PostReference(parameter: parameter, id: postID))
        return try await backToThread(of: postID, context: context)
    }

    @Sendable func history(_ request: Request, context: AppRequestContext) async throws -> Response {
        let threadID = try context.parameters.require("thread")
        let revisions = try await community.history(context.principal, post: .thread(threadID))
        let detail = try await community.thread(context.principal, threadID)
        let content = ForumPageContent.History(
            threadID: threadID, title: detail.thread.post.title ?? "Thread",
            revisions: revisions.map { .init(title: $0.title, body: $0.body, edited: String($0.editedAt.formatted(.iso8601).prefix(16))) }
        )
        return try renderer.render(Page("forum-history", title: "Earlier versions", content: content, section: .courses), context: context)
    }

    @Sendable func moderation(_ request: Request, context: AppRequestContext) async throws -> Response {
        let entries = try await community.moderationQueue(context.principal)
        let content = ForumPageContent.Queue(
            entries: entries.map { entry in
                .init(
                    id: entry.report.id, boardTitle: entry.boardTitle, threadID: entry.post.rootID, postTitle: entry.post.title,
                    excerpt: String(entry.post.body.prefix(300)), authorName: entry.authorName, reporterName: entry.reporterName,
                    reason: entry.report.reason
                )
            },
            isAdmin: context.principal?.isAdmin == true
        )
        return try renderer.render(Page("forum-moderation", title: "Moderation queue", content: content, section: .courses), context: context)
    }

    @Sendable func resolve(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try context.submittedForm()
        guard let resolution = ReportResolution(rawValue: form["action"]) else {
            throw AppError.validation(["action": "Choose dismiss, remove or suspend."])
        }
        _ = try await community.resolve(context.principal, report: try context.parameters.require("report"), as: resolution)
        return PageRenderer.redirect(to: "/moderation")
    }

    @Sendable func blockedWords(_ request: Request, context: AppRequestContext) async throws -> Response {
        let words = try await community.blockedWords(context.principal)
        return try renderBlockedWords(words, notice: nil, context: context)
    }

    @Sendable func saveBlockedWords(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try context.submittedForm()
        let words = try await community.replaceBlockedWords(context.principal, words: form["words"].components(separatedBy: .newlines))
        return try renderBlockedWords(words, notice: "Saved.", context: context)
    }

    private func renderBlockedWords(_ words: [String], notice: String?, context: AppRequestContext) throws -> Response {
        let content = ForumPageContent.BlockedWords(words: words.joined(separator: "\n"), count: words.count)
        return try renderer.render(
            Page("forum-blocked-words", title: "Blocked words", content: content, section: .admin, narrow: true, notice: notice), context: context
        )
    }

    /// Posts to a group's feed and opens the new post; an empty text or a blocked word shows the feed again with
    /// what was typed (422).
    @Sendable func postToGroup(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try context.submittedForm()
        let groupID = try context.parameters.require("group")
        let draft = ThreadDraft(
            title: form["title"], body: form["body"], kind: .discussion, tags: [], lessonId: nil, anonymous: false,
            attachmentIds: form.all("attachmentIds")
        )
        do {
            let detail = try await community.createGroupPost(context.principal, group: groupID, draft: draft)
            return PageRenderer.redirect(to: "/threads/\(detail.thread.post.id)")
        } catch let error as AppError where error.status == 422 {
            let query = try ForumsAPI.threadQuery(request.uri.queryParameters)
            let page = try await community.groupFeed(context.principal, group: groupID, query: query)
            return try renderList(
                page, query: query, path: "/groups/\(groupID)/posts", postAction: "/groups/\(groupID)/posts",
                postForm: Self.typedForm(error, title: form["title"], body: form["body"], text: ["title", "body"]), context: context,
                status: .unprocessableContent
            )
        }
    }

    /// Redirects to the thread a post is or belongs to.
    func backToThread(of postID: String, context: AppRequestContext) async throws -> Response {
        let (post, thread, _) = try await community.accessiblePost(try context.requirePrincipal(), postID)
        return PageRenderer.redirect(to: post.isThread ? "/threads/\(thread.id)" : "/threads/\(thread.id)#reply-\(post.id)")
    }
}
