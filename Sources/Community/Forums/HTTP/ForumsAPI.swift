import Foundation
import Hummingbird
import LyceumCore
import LyceumHTTP

/// The forums JSON routes under `/api/v1`: boards, threads, replies, votes, moderation, suspensions, the group feed.
struct ForumsAPI: Sendable {
    let community: CommunityService

    func addRoutes(to api: RouterGroup<AppRequestContext>) {
        api.get("boards") { _, context in try JSONResponse.encode(["items": try await community.boards(context.principal).map(BoardView.init)]) }
        api.post("boards", use: createBoard)
        api.get("boards/:board") { _, context in
            try JSONResponse.encode(["board": BoardView(try await community.board(context.principal, try context.parameters.require("board")))])
        }
        api.patch("boards/:board", use: updateBoard)
        api.get("courses/:course/board") { _, context in
            try JSONResponse.encode(["board": BoardView(try await community.courseBoard(context.principal, course: try context.parameters.require("course")))])
        }
        api.get("boards/:board/suspensions") { _, context in
            let suspensions = try await community.suspensions(context.principal, board: try context.parameters.require("board"))
            return try JSONResponse.encode(["items": suspensions.map(SuspensionView.init)])
        }
        api.delete("boards/:board/suspensions/:user") { _, context in
            try await community.liftSuspension(
                context.principal, board: try context.parameters.require("board"), user: try context.parameters.require("user")
            )
            return JSONResponse.noContent()
        }
        api.get("boards/:board/threads", use: listThreads)
        api.post("boards/:board/threads", use: createThread)
        api.get("threads/:thread") { _, context in
            JSONResponse.write(ThreadDetailView(try await community.thread(context.principal, try context.parameters.require("thread"))))
        }
        api.patch("threads/:thread") { try await edit($0, $1, "thread") }
        api.delete("threads/:thread") { try await delete($0, $1, "thread") }
        api.post("threads/:thread/replies", use: reply)
        api.post("threads/:thread/vote") { try await vote($0, $1, "thread") }
        api.post("threads/:thread/accept", use: accept)
        api.post("threads/:thread/pin", use: pin)
        api.post("threads/:thread/lock", use: lock)
        api.post("threads/:thread/move", use: move)
        api.post("threads/:thread/report") { try await report($0, $1, "thread") }
        api.get("threads/:thread/history") { try await history($0, $1, "thread") }
        api.patch("replies/:reply") { try await edit($0, $1, "reply") }
        api.delete("replies/:reply") { try await delete($0, $1, "reply") }
        api.post("replies/:reply/vote") { try await vote($0, $1, "reply") }
        api.post("replies/:reply/report") { try await report($0, $1, "reply") }
        api.get("replies/:reply/history") { try await history($0, $1, "reply") }
        api.get("moderation/reports") { _, context in
            try JSONResponse.encode(["items": try await community.moderationQueue(context.principal).map(QueueEntryView.init)])
        }
        api.post("moderation/reports/:report", use: resolve)
        api.get("moderation/blocked-words") { _, context in
            try JSONResponse.encode(["words": try await community.blockedWords(context.principal)])
        }
        api.put("moderation/blocked-words", use: replaceBlockedWords)
        api.get("groups/:group/posts", use: groupPosts)
        api.post("groups/:group/posts", use: createGroupPost)
    }

    @Sendable func createBoard(_ request: Request, context: AppRequestContext) async throws -> Response {
        let draft = try await request.decodeJSON(BoardDraft.self, context: context)
        return try JSONResponse.encode(["board": BoardView(try await community.createSiteBoard(context.principal, draft: draft))], status: .created)
    }

    @Sendable func updateBoard(_ request: Request, context: AppRequestContext) async throws -> Response {
        let changes = try await request.decodeJSON(BoardDraft.self, context: context)
        let board = try await community.updateBoard(context.principal, try context.parameters.require("board"), changes: changes)
        return try JSONResponse.encode(["board": BoardView(board)])
    }

    @Sendable func listThreads(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try context.requirePrincipal()
        let query = try Self.threadQuery(request.uri.queryParameters)
        let page = try await community.threads(context.principal, board: try context.parameters.require("board"), query: query)
        return JSONResponse.write(ThreadPageView(page))
    }

    @Sendable func createThread(_ request: Request, context: AppRequestContext) async throws -> Response {
        let draft = try await request.decodeJSON(ThreadDraft.self, context: context)
        let detail = try await community.createThread(context.principal, board: try context.parameters.require("board"), draft: draft)
        return JSONResponse.write(ThreadDetailView(detail), status: .created)
    }

    @Sendable func reply(_ request: Request, context: AppRequestContext) async throws -> Response {
        let draft = try await request.decodeJSON(ReplyDraft.self, context: context)
        let reply = try await community.reply(context.principal, thread: try context.parameters.require("thread"), draft: draft)
        return try JSONResponse.encode(["reply": ReplyView(reply, acceptedReplyID: nil)], status: .created)
    }

    func edit(_ request: Request, _ context: AppRequestContext, _ parameter: String) async throws -> Response {
        let changes = try await request.decodeJSON(PostChanges.self, context: context)
        let view = try await community.edit(context.principal, post: PostReference(parameter: parameter, id: try context.parameters.require(parameter)), changes: changes)
        return view.post.isThread
            ? try JSONResponse.encode(["thread": ThreadView(view)]) : try JSONResponse.encode(["reply": ReplyView(view, acceptedReplyID: nil)])
    }

    func delete(_ request: Request, _ context: AppRequestContext, _ parameter: String) async throws -> Response {
        try await community.delete(context.principal, post: PostReference(parameter: parameter, id: try context.parameters.require(parameter)))
        return JSONResponse.noContent()
    }

    struct VoteBody: Decodable { let value: Int }

    func vote(_ request: Request, _ context: AppRequestContext, _ parameter: String) async throws -> Response {
        let body = try await request.decodeJSON(VoteBody.self, context: context)
        let result = try await community.vote(context.principal, post: PostReference(parameter: parameter, id: try context.parameters.require(parameter)), value: body.value)
        return try JSONResponse.encode(["score": result.score, "myVote": result.myVote])
    }

    struct AcceptBody: Decodable { let replyId: String }

    @Sendable func accept(_ request: Request, context: AppRequestContext) async throws -> Response {
        let body = try await request.decodeJSON(AcceptBody.self, context: context)
        let detail = try await community.accept(context.principal, thread: try context.parameters.require("thread"), replyID: body.replyId)
        return JSONResponse.write(ThreadDetailView(detail))
    }

    struct PinBody: Decodable { let pinned: Bool }
    struct LockBody: Decodable { let locked: Bool }
    struct MoveBody: Decodable { let boardId: String }

    @Sendable func pin(_ request: Request, context: AppRequestContext) async throws -> Response {
        let body = try await request.decodeJSON(PinBody.self, context: context)
        return JSONResponse.write(ThreadDetailView(try await community.pin(context.principal, thread: try context.parameters.require("thread"), pinned: body.pinned)))
    }

    @Sendable func lock(_ request: Request, context: AppRequestContext) async throws -> Response {
        let body = try await request.decodeJSON(LockBody.self, context: context)
        return JSONResponse.write(ThreadDetailView(try await community.lock(context.principal, thread: try context.parameters.require("thread"), locked: body.locked)))
    }

    @Sendable func move(_ request: Request, context: AppRequestContext) async throws -> Response {
        let body = try await request.decodeJSON(MoveBody.self, context: context)
        let detail = try await community.move(context.principal, thread: try context.parameters.require("thread"), toBoard: body.boardId)
        return JSONResponse.write(ThreadDetailView(detail))
    }

    struct ReportBody: Decodable { let reason: String }

    func report(_ request: Request, _ context: AppRequestContext, _ parameter: String) async throws -> Response {
        let body = try await request.decodeJSON(ReportBody.self, context: context)
        let report = try await community.report(context.principal, post: PostReference(parameter: parameter, id: try context.parameters.require(parameter)), reason: body.reason)
        return try JSONResponse.encode(["report": ReportView(report)], status: .created)
    }

    func history(_ request: Request, _ context: AppRequestContext, _ parameter: String) async throws -> Response {
        let revisions = try await community.history(context.principal, post: PostReference(parameter: parameter, id: try context.parameters.require(parameter)))
        return try JSONResponse.encode(["items": revisions.map(RevisionView.init)])
    }

    struct ResolveBody: Decodable { let action: ReportResolution }

    @Sendable func resolve(_ request: Request, context: AppRequestContext) async throws -> Response {
        let body = try await request.decodeJSON(ResolveBody.self, context: context)
        let report = try await community.resolve(context.principal, report: try context.parameters.require("report"), as: body.action)
        return try JSONResponse.encode(["report": ReportView(report)])
    }

    struct WordsBody: Decodable { let words: [String] }

    @Sendable func replaceBlockedWords(_ request: Request, context: AppRequestContext) async throws -> Response {
        let body = try await request.decodeJSON(WordsBody.self, context: context)
        return try JSONResponse.encode(["words": try await community.replaceBlockedWords(context.principal, words: body.words)])
    }

    @Sendable func groupPosts(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try context.requirePrincipal()
        let query = try Self.threadQuery(request.uri.queryParameters)
        let page = try await community.groupFeed(context.principal, group: try context.parameters.require("group"), query: query)
        return JSONResponse.write(ThreadPageView(page))
    }

    @Sendable func createGroupPost(_ request: Request, context: AppRequestContext) async throws -> Response {
        let draft = try await request.decodeJSON(ThreadDraft.self, context: context)
        let detail = try await community.createGroupPost(context.principal, group: try context.parameters.require("group"), draft: draft)
        return JSONResponse.write(ThreadDetailView(detail), status: .created)
    }

    /// Reads `sort`, `tag`, `q`, `cursor` and `limit`; unknown values are 400.
    static func threadQuery(_ parameters: Parameters) throws(AppError) -> ThreadQuery {
        var query = ThreadQuery()
        if let sort = parameters.get("sort"), !sort.isEmpty {
            guard let value = ThreadSort(rawValue: sort) else { throw AppError.badRequest("invalid_sort", "sort is newest, top, active or unanswered.") }
            query.sort = value
        }
        if let tag = parameters.get("tag"), !tag.isEmpty {
            guard tag.count <= ForumContentRules.tagLength.upperBound else { throw AppError.badRequest("invalid_tag", "A tag has at most 30 characters.") }
            query.tag = tag.lowercased()
        }
        query.text = try SearchText.parse(parameters.get("q"))
        if let cursor = parameters.get("cursor"), !cursor.isEmpty { query.offset = try ThreadListCursor(decoding: cursor).offset }
        query.limit = try PageLimit.parse(parameters.get("limit"))
        return query
    }
}
