import Foundation
import Hummingbird
import LyceumContracts
import LyceumCore
import LyceumHTTP
import LyceumWeb

/// Editing a thread (title, text and tags) or a reply (text) by its author; a refused edit shows the form again
/// with what was typed and why.
extension ForumPages {
    /// The edit form, filled with the post as it is (its author, while the post stands).
    func editForm(_ request: Request, _ context: AppRequestContext, _ parameter: String) async throws -> Response {
        let postID = try context.parameters.require(parameter)
        let principal = try context.requirePrincipal()
        let (post, thread, _) = try await community.accessiblePost(principal, PostReference(parameter: parameter, id: postID))
        guard post.authorID == principal.userID, !post.isRemoved else { throw AppError.forbidden("Only the author may edit a post.") }
        let form = ForumPageContent.TypedForm(
            title: post.title ?? "", body: post.body, tags: post.tags.joined(separator: ", "), anonymous: false, error: nil, fields: [:]
        )
        return try renderEdit(parameter, postID: postID, threadID: thread.id, form: form, context: context)
    }

    /// Saves the author's changes and returns to the post; invalid text or a blocked word shows the form again (422).
    func edit(_ request: Request, _ context: AppRequestContext, _ parameter: String) async throws -> Response {
        let form = try context.submittedForm()
        let postID = try context.parameters.require(parameter)
        let isThread = parameter == "thread"
        let changes = PostChanges(
            title: isThread ? form["title"] : nil, body: form["body"], tags: isThread ? Self.tagList(form["tags"]) : nil
        )
        do {
            _ = try await community.edit(context.principal, post: PostReference(parameter: parameter, id: postID), changes: changes)
        } catch let error as AppError where error.status == 422 {
            let (_, thread, _) = try await community.accessiblePost(try context.requirePrincipal(), postID)
            let typed = Self.typedForm(
                error, title: form["title"], body: form["body"], tags: form["tags"], text: isThread ? ["title", "body", "tags"] : ["body"]
            )
            return try renderEdit(parameter, postID: postID, threadID: thread.id, form: typed, context: context, status: .unprocessableContent)
        }
        return try await backToThread(of: postID, context: context)
    }

    /// The edit page of the thread or reply `postID` with `form`'s values.
    private func renderEdit(
        _ parameter: String, postID: String, threadID: String, form: ForumPageContent.TypedForm, context: AppRequestContext,
        status: HTTPResponse.Status = .ok
    ) throws -> Response {
        let content = ForumPageContent.EditPost(
            action: "/\(parameter == "thread" ? "threads" : "replies")/\(postID)/edit", threadID: threadID, isThread: parameter == "thread",
            form: form
        )
        var response = try renderer.render(Page("forum-edit", title: "Edit", content: content, section: .courses, narrow: true), context: context)
        response.status = status
        return response
    }
}
