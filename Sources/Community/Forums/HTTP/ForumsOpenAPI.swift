import Foundation

/// The OpenAPI fragment of the forums routes, built from small pieces so every operation states its path
/// parameters, body, success schema and errors the same way. Access rules, stated once for every operation:
/// course boards admit the course's active students (members) and staff (admins included); other callers get
/// 403 `not_enrolled` for a published course and 404 otherwise. Site boards admit every signed-in user; admins
/// are their staff. Group boards admit the group's members; owners and moderators are staff; others get 404.
/// Suspended members may read but posting, replying, voting and reporting answer 403 `suspended`.
enum ForumsOpenAPI {
    static let fragment: String = {
        let document: [String: Any] = ["paths": paths, "components": ["schemas": ForumsOpenAPISchemas.all]]
        let data = (try? JSONSerialization.data(withJSONObject: plain(document), options: [.sortedKeys])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }()

    /// The value with every nested collection as `[String: Any]` or `[Any]`, the only collection types
    /// Foundation's serializer on Linux accepts.
    private static func plain(_ value: Any) -> Any {
        if let dictionary = value as? [String: Any] { return dictionary.mapValues(plain) }
        if let array = value as? [Any] { return array.map(plain) }
        return value
    }

    private static let access =
        "Course boards: the course's students and staff (others 403 `not_enrolled` for a published course, else 404). Site boards: every signed-in user. Group boards: the group's members (others 404)."

    private static var paths: [String: Any] {
        [
            "/boards": [
                "get": operation("listForumBoards", "The boards the caller may open", success: "ForumBoardList", errors: []),
                "post": operation(
                    "createForumBoard", "Create a site-wide board (administrators)", body: "ForumBoardDraft", status: "201",
                    success: "ForumBoardEnvelope", errors: ["403", "422"]
                ),
            ],
            "/boards/{board}": [
                "get": operation("getForumBoard", "A board and the caller's role on it", parameters: ["board"], success: "ForumBoardEnvelope", errors: ["403", "404"]),
                "patch": operation(
                    "updateForumBoard", "Change a board's title, description or anonymous posting (the board's staff)", parameters: ["board"],
                    body: "ForumBoardChanges", success: "ForumBoardEnvelope", errors: ["403", "404", "422"]
                ),
            ],
            "/boards/{board}/suspensions": [
                "get": operation(
                    "listForumSuspensions", "The users suspended from the board, newest first (the board's staff and administrators)",
                    parameters: ["board"], success: "ForumSuspensionList", errors: ["403", "404"],
                    note: "At most 200. 403 `forbidden` for the board's members."
                )
            ],
            "/boards/{board}/suspensions/{user}": [
                "delete": operation(
                    "liftForumSuspension", "Lift a user's suspension from the board (the board's staff and administrators)",
                    parameters: ["board", "user"], status: "204", errors: ["403", "404"],
                    note: "403 `forbidden` for the board's members; 404 `not_found` when the user is not suspended from the board."
                )
            ],
            "/courses/{course}/board": [
                "get": operation(
                    "getCourseBoard", "The course's board, created on first use", parameters: ["course"], success: "ForumBoardEnvelope",
                    errors: ["403", "404"]
                )
            ],
            "/boards/{board}/threads": [
                "get": operation(
                    "listForumThreads", "A page of the board's threads, pinned first", parameters: ["board"], query: listQuery,
                    success: "ForumThreadPage", errors: ["400", "403", "404"]
                ),
                "post": operation(
                    "createForumThread", "Start a thread", parameters: ["board"], body: "ForumThreadDraft", status: "201",
                    success: "ForumThreadDetail", errors: ["403", "404", "422"],
                    note: "422 `content_blocked` when the title, body or a tag contains a blocked word; `validation_failed` names the field otherwise (an unknown `lessonId`, anonymity on a board that does not allow it, `attachmentIds` naming more than 5 files or an upload that is not the caller's ready attachment)."
                ),
            ],
            "/threads/{thread}": [
                "get": operation("getForumThread", "A thread with all its replies", parameters: ["thread"], success: "ForumThreadDetail", errors: ["403", "404"]),
                "patch": operation(
                    "editForumThread", "Edit a thread (its author, within 30 minutes)", parameters: ["thread"], body: "ForumPostChanges",
                    success: "ForumThreadEnvelope", errors: ["403", "404", "422"], note: "403 `edit_window_closed` after 30 minutes."
                ),
                "delete": operation("deleteForumThread", "Remove a thread (its author or staff); it shows as removed", parameters: ["thread"], status: "204", errors: ["403", "404"]),
            ],
            "/threads/{thread}/replies": [
                "post": operation(
                    "replyToForumThread", "Reply to a thread, or with `parentId` to a reply", parameters: ["thread"], body: "ForumReplyDraft",
                    status: "201", success: "ForumReplyEnvelope", errors: ["403", "404", "409", "422"],
                    note: "409 `thread_locked` when the thread is locked; 422 names `attachmentIds` when they are more than 5 or one is not the caller's ready attachment."
                )
            ],
            "/threads/{thread}/vote": ["post": vote("voteOnForumThread", "thread")],
            "/replies/{reply}/vote": ["post": vote("voteOnForumReply", "reply")],
            "/threads/{thread}/accept": [
                "post": operation(
                    "acceptForumAnswer", "Mark a reply as the accepted answer (the asker or staff)", parameters: ["thread"], body: "ForumAccept",
                    success: "ForumThreadDetail", errors: ["403", "404", "409", "422"], note: "409 `not_a_question` for discussions."
                )
            ],
            "/threads/{thread}/pin": [
                "post": operation("pinForumThread", "Pin or unpin a thread (staff)", parameters: ["thread"], body: "ForumPin", success: "ForumThreadDetail", errors: ["403", "404"])
            ],
            "/threads/{thread}/lock": [
                "post": operation("lockForumThread", "Lock or unlock a thread (staff)", parameters: ["thread"], body: "ForumLock", success: "ForumThreadDetail", errors: ["403", "404"])
            ],
            "/threads/{thread}/move": [
                "post": operation(
                    "moveForumThread", "Move a thread to another board (staff of both)", parameters: ["thread"], body: "ForumMove",
                    success: "ForumThreadDetail", errors: ["403", "404", "422"],
                    note: "422 `invalid_move` unless both boards are site boards or boards of the same course."
                )
            ],
            "/threads/{thread}/report": ["post": report("reportForumThread", "thread")],
            "/replies/{reply}/report": ["post": report("reportForumReply", "reply")],
            "/threads/{thread}/history": ["get": history("forumThreadHistory", "thread")],
            "/replies/{reply}/history": ["get": history("forumReplyHistory", "reply")],
            "/replies/{reply}": [
                "patch": operation(
                    "editForumReply", "Edit a reply (its author, within 30 minutes)", parameters: ["reply"], body: "ForumReplyChanges",
                    success: "ForumReplyEnvelope", errors: ["403", "404", "422"], note: "403 `edit_window_closed` after 30 minutes."
                ),
                "delete": operation("deleteForumReply", "Remove a reply (its author or staff)", parameters: ["reply"], status: "204", errors: ["403", "404"]),
            ],
            "/moderation/reports": [
                "get": operation("forumModerationQueue", "Open reports of the boards the caller moderates (administrators: all)", success: "ForumQueue", errors: [])
            ],
            "/moderation/reports/{report}": [
                "post": operation(
                    "resolveForumReport", "Resolve a report: dismiss, remove the post, or suspend its author from the board", parameters: ["report"],
                    body: "ForumResolve", success: "ForumReportEnvelope", errors: ["404", "409", "422"], note: "409 `report_resolved` when resolved already."
                )
            ],
            "/moderation/blocked-words": [
                "get": operation("getForumBlockedWords", "The blocked-words list (administrators)", success: "ForumBlockedWords", errors: ["403"]),
                "put": operation(
                    "replaceForumBlockedWords", "Replace the blocked-words list (administrators)", body: "ForumBlockedWords",
                    success: "ForumBlockedWords", errors: ["403", "422"]
                ),
            ],
            "/groups/{group}/posts": [
                "get": operation(
                    "listGroupPosts", "A page of the study group's feed (members)", parameters: ["group"], query: listQuery,
                    success: "ForumThreadPage", errors: ["400", "404"]
                ),
                "post": operation(
                    "createGroupPost", "Post to the study group's feed (members); the title may be left out", parameters: ["group"],
                    body: "ForumGroupPostDraft", status: "201", success: "ForumThreadDetail", errors: ["403", "404", "422"]
                ),
            ],
        ]
    }

    private static func vote(_ id: String, _ parameter: String) -> [String: Any] {
        operation(
            id, "Vote +1 or -1; the same value again removes the vote", parameters: [parameter], body: "ForumVote", success: "ForumVoteResult",
            errors: ["403", "404", "409", "422"], note: "409 `post_removed` for removed posts."
        )
    }

    private static func report(_ id: String, _ parameter: String) -> [String: Any] {
        operation(
            id, "Report a post to the board's staff", parameters: [parameter], body: "ForumReportDraft", status: "201",
            success: "ForumReportEnvelope", errors: ["403", "404", "409", "422"], note: "409 `already_reported` for a second report of the same post."
        )
    }

    private static func history(_ id: String, _ parameter: String) -> [String: Any] {
        operation(id, "Earlier versions of a post (staff)", parameters: [parameter], success: "ForumRevisionList", errors: ["403", "404"])
    }

    private static let parameterDescriptions = [
        "board": "The board's id", "thread": "The thread's id", "reply": "The reply's id", "report": "The report's id",
        "group": "The study group's id", "course": "The course's id or slug", "user": "The suspended user's id",
    ]

    private static var listQuery: [[String: Any]] {
        [
            ["name": "sort", "in": "query", "required": false, "schema": ["type": "string", "enum": ["newest", "top", "active", "unanswered"]],
             "description": "Order after pinned threads (default newest); unanswered keeps threads without replies"],
            ["name": "tag", "in": "query", "required": false, "schema": ["type": "string", "maxLength": 30], "description": "Only threads with this tag"],
            ["name": "q", "in": "query", "required": false, "schema": ["type": "string", "maxLength": 200], "description": "Words in the title, body or tags"],
            ["name": "cursor", "in": "query", "required": false, "schema": ["type": "string", "maxLength": 64], "description": "`nextCursor` of the previous page"],
            ["name": "limit", "in": "query", "required": false, "schema": ["type": "integer", "minimum": 1, "maximum": 100], "description": "Page size (default 20)"],
        ]
    }

    private static func operation(
        _ id: String, _ summary: String, parameters: [String] = [], query: [[String: Any]] = [], body: String? = nil,
        status: String = "200", success: String? = nil, errors: [String], note: String? = nil
    ) -> [String: Any] {
        var responses: [String: Any] = ["401": ["$ref": "#/components/responses/Unauthenticated"]]
        if let success {
            responses[status] = ["description": summary, "content": ["application/json": ["schema": ["$ref": "#/components/schemas/\(success)"]]]]
        } else {
            responses[status] = ["description": summary]
        }
        for code in errors {
            switch code {
            case "400": responses[code] = ["$ref": "#/components/responses/BadRequest"]
            case "404": responses[code] = ["$ref": "#/components/responses/NotFound"]
            case "403": responses[code] = errorResponse("`forbidden`, `not_enrolled`, `suspended` or `edit_window_closed`")
            case "409": responses[code] = errorResponse("Conflicts with the thread's state")
            default: responses[code] = ["$ref": "#/components/responses/Invalid"]
            }
        }
        if body != nil {
            responses["400"] = ["$ref": "#/components/responses/BadRequest"]
            responses["413"] = ["$ref": "#/components/responses/TooLarge"]
            responses["415"] = ["$ref": "#/components/responses/Unsupported"]
            responses["422"] = ["$ref": "#/components/responses/Invalid"]
        }
        var result: [String: Any] = [
            "summary": summary, "operationId": id, "security": [["bearer": [String]()]], "responses": responses,
            "description": [access, note].compactMap { $0 }.joined(separator: " "),
        ]
        let pathParameters: [[String: Any]] = parameters.map { name in
            let schema: [String: Any] = name == "course"
                ? ["type": "string", "minLength": 1, "maxLength": 80, "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"]
                : ["type": "string", "minLength": 1, "maxLength": 80]
            return ["name": name, "in": "path", "required": true, "schema": schema, "description": parameterDescriptions[name] ?? name]
        }
        if !(pathParameters + query).isEmpty { result["parameters"] = pathParameters + query }
        if let body {
            result["requestBody"] = ["required": true, "content": ["application/json": ["schema": ["$ref": "#/components/schemas/\(body)"]]]]
        }
        return result
    }

    private static func errorResponse(_ description: String) -> [String: Any] {
        ["description": description, "content": ["application/json": ["schema": ["$ref": "#/components/schemas/Error"]]]]
    }
}
