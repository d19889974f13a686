import Foundation
import Hummingbird
import LyceumContracts
import LyceumCore
import LyceumHTTP
import LyceumWeb

/// The thread page with its reply and report forms; a refused form shows the page again with what was typed and why.
extension ForumPages {
    @Sendable func thread(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await renderThread(try context.parameters.require("thread"), refused: nil, context: context)
    }

    /// Replies to the thread or, with `parentId`, to a reply, and shows the new reply.
    @Sendable func reply(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try context.submittedForm()
        let threadID = try context.parameters.require("thread")
        let parent = form["parentId"]
        let anonymous = form["anonymous"] == "true"
        do {
            let draft = ReplyDraft(
                body: form["body"], parentId: parent.isEmpty ? nil : parent, anonymous: anonymous, attachmentIds: form.all("attachmentIds")
            )
            let reply = try await community.reply(context.principal, thread: threadID, draft: draft)
            return PageRenderer.redirect(to: "/threads/\(threadID)#reply-\(reply.post.id)")
        } catch let error as AppError where error.status == 422 {
            // A parent that is gone has no form of its own: the text comes back in the main reply form.
            let target = parent.isEmpty || error.fields["parentId"] != nil ? threadID : parent
            let typed = Self.typedForm(error, body: form["body"], anonymous: anonymous, text: ["body"])
            let refused = ForumPageContent.RefusedForm(kind: .reply, postID: target, form: typed)
            return try await renderThread(threadID, refused: refused, context: context, status: .unprocessableContent)
        }
    }

    /// A file on a live post of the thread: a redirect to a short-lived signed link, fetched when the page shows
    /// or follows it, so a page left open never holds an expired link; 404 for anyone who may not read it.
    @Sendable func attachment(_ request: Request, context: AppRequestContext) async throws -> Response {
        let url = try await community.attachmentLink(
            context.principal, thread: try context.parameters.require("thread"), upload: try context.parameters.require("upload")
        )
        var response = PageRenderer.redirect(to: url)
        response.headers[.cacheControl] = "private, no-store"
        return response
    }

    /// Reports the thread or a reply to the board's staff (again is no error) and returns to it.
    func report(_ request: Request, _ context: AppRequestContext, _ parameter: String) async throws -> Response {
        let form = try context.submittedForm()
        let postID = try context.parameters.require(parameter)
        do {
            _ = try await community.report(context.principal, post: PostReference(parameter: parameter, id: postID), reason: form["reason"])
        } catch let error as AppError where error.code == "already_reported" {
        } catch let error as AppError where error.status == 422 {
            let (_, thread, _) = try await community.accessiblePost(try context.requirePrincipal(), postID)
            let typed = Self.typedForm(error, body: form["reason"], text: ["reason"])
            let refused = ForumPageContent.RefusedForm(kind: .report, postID: postID, form: typed)
            return try await renderThread(thread.id, refused: refused, context: context, status: .unprocessableContent)
        }
        return try await backToThread(of: postID, context: context)
    }

    /// The thread page, with `refused`, when given, filled in again.
    private func renderThread(
        _ threadID: String, refused: ForumPageContent.RefusedForm?, context: AppRequestContext, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let detail = try await community.thread(context.principal, threadID)
        let accepted = detail.thread.post.acceptedReplyID
        let children = Dictionary(grouping: detail.replies.filter { $0.post.parentID != nil }) { $0.post.parentID ?? "" }
        let replies = detail.replies.filter { $0.post.parentID == nil }.map { view in
            ForumPageContent.Post(
                view, acceptedReplyID: accepted,
                children: (children[view.post.id] ?? []).map { ForumPageContent.Post($0, acceptedReplyID: accepted, refused: refused) },
                refused: refused
            )
        }
        var targets: [ForumPageContent.BoardLink] = []
        if detail.access.isStaff && detail.access.board.scope.kind != "group" {
            targets = try await community.boards(context.principal)
                .filter { $0.isStaff && $0.board.id != detail.access.board.id && $0.board.scope.kind == detail.access.board.scope.kind }
                .map(ForumPageContent.BoardLink.init)
        }
        let thread = detail.thread.post
        let content = ForumPageContent.Thread(
            board: .init(detail.access), thread: .init(detail.thread, acceptedReplyID: accepted, refused: refused), replies: replies,
            canReply: !thread.locked && !thread.isRemoved && !detail.access.suspended, canAccept: detail.canAccept, isStaff: detail.access.isStaff,
            suspended: detail.access.suspended, allowAnonymous: detail.access.board.allowAnonymous, moveTargets: targets,
            canMove: !targets.isEmpty
        )
        var response = try renderer.render(
            Page("forum-thread", title: thread.title ?? "Thread", content: content, section: .courses), context: context
        )
        response.status = status
        return response
    }
}
