import Foundation
import Hummingbird
import LyceumContracts
import LyceumCore
import LyceumHTTP
import LyceumWeb

/// The board list with the admins' new-board form, and lifting a suspension from a board page.
extension ForumPages {
    @Sendable func boards(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await renderBoards(form: ForumPageContent.BoardForm(title: "", description: "", allowAnonymous: false, error: nil), context: context)
    }

    /// Creates a site board from the board list's form (administrators) and opens it; a refused form shows
    /// again with what was typed and why.
    @Sendable func createBoard(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try context.submittedForm()
        let allowAnonymous = form["allowAnonymous"] == "true"
        let draft = BoardDraft(title: form["title"], description: form["description"], allowAnonymous: allowAnonymous)
        do {
            let created = try await community.createSiteBoard(context.principal, draft: draft)
            return PageRenderer.redirect(to: "/boards/\(created.board.id)")
        } catch let error as AppError where error.status == 422 {
            let kept = ForumPageContent.BoardForm(
                title: form["title"], description: form["description"], allowAnonymous: allowAnonymous, error: error.formMessage
            )
            return try await renderBoards(form: kept, context: context, status: .unprocessableContent)
        }
    }

    /// Lifts a user's suspension from the board (its staff and administrators) and returns to the board page.
    @Sendable func liftSuspension(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try context.submittedForm()
        let boardID = try context.parameters.require("board")
        try await community.liftSuspension(context.principal, board: boardID, user: try context.parameters.require("user"))
        return PageRenderer.redirect(to: "/boards/\(boardID)?done=lifted")
    }

    private func renderBoards(
        form: ForumPageContent.BoardForm, context: AppRequestContext, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let boards = try await community.boards(context.principal)
        let content = ForumPageContent.Boards(
            boards: boards.map(ForumPageContent.BoardLink.init), isAdmin: context.principal?.isAdmin == true, newBoard: form
        )
        var response = try renderer.render(Page("forum-boards", title: "Discussion boards", content: content, section: .courses), context: context)
        response.status = status
        return response
    }
}
