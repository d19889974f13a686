import Foundation
import LyceumCore
import SQLKit

/// SQL for threads and replies (both rows of `community_posts`).
enum PostStore {
    static let columns = [
        "id", "board_id", "thread_id", "parent_id", "author_id", "anonymous", "kind", "title", "body", "tags", "lesson_id", "score",
        "reply_count", "accepted_reply_id", "pinned", "locked", "created_at", "edited_at", "last_activity_at", "deleted_at",
        "body_html",
    ]

    static func insert(_ post: ForumPost, on sql: any SQLDatabase) async throws {
        try await sql.insert(into: "community_posts")
            .columns(columns.filter { $0 != "deleted_at" } + ["search_text"])
            .values(
                SQLBind(post.id), SQLBind(post.boardID), SQLBind(post.threadID), SQLBind(post.parentID), SQLBind(post.authorID),
                SQLBind(post.anonymous), SQLBind(post.kind?.rawValue ?? "reply"), SQLBind(post.title), SQLBind(post.body),
                SQLBind(storedTags(post.tags)), SQLBind(post.lessonID), SQLBind(post.score), SQLBind(post.replyCount),
                SQLBind(post.acceptedReplyID), SQLBind(post.pinned), SQLBind(post.locked), SQLBind(post.createdAt),
                SQLBind(post.editedAt), SQLBind(post.lastActivityAt), SQLBind(SafeMarkdown.html(post.body)),
                SQLBind(searchText(title: post.title, body: post.body, tags: post.tags))
            ).run()
    }

    static func find(id: String, on sql: any SQLDatabase) async throws -> ForumPost? {
        try await sql.select().columns(columns).from("community_posts").where("id", .equal, id).first().map(decode)
    }

    /// The post and the thread it is or belongs to.
    static func postAndThread(id: String, on sql: any SQLDatabase) async throws -> (post: ForumPost, thread: ForumPost)? {
        guard let post = try await find(id: id, on: sql) else { return nil }
        guard let threadID = post.threadID else { return (post, post) }
        return try await find(id: threadID, on: sql).map { (post, $0) }
    }

    /// Locks the post's row until the transaction ends (PostgreSQL; SQLite transactions are already serial),
    /// so concurrent votes, replies and moderation of one post apply one after another; returns the post.
    static func lock(id: String, engineLocks: Bool, on sql: any SQLDatabase) async throws -> ForumPost? {
        guard engineLocks else { return try await find(id: id, on: sql) }
        return try await sql.raw(
            "SELECT \(unsafeRaw: columns.joined(separator: ", ")) FROM community_posts WHERE id = \(bind: id) FOR UPDATE"
        ).first().map(decode)
    }

    /// The thread and all its replies in one query, the thread first, then replies oldest first.
    static func threadWithReplies(id: String, on sql: any SQLDatabase) async throws -> [ForumPost] {
        try await sql.select().columns(columns).from("community_posts")
            .where("id", .equal, id).orWhere("thread_id", .equal, id)
            .orderBy(SQLRaw("CASE WHEN thread_id IS NULL THEN 0 ELSE 1 END")).orderBy("created_at").orderBy("id")
            .all().map(decode)
    }

    /// One page of a board's live threads, pinned first, then in the query's order; one more than `limit`
    /// tells whether another page follows.
    static func threads(boardID: String, query: ThreadQuery, on sql: any SQLDatabase) async throws -> [ForumPost] {
        var select = sql.select().columns(columns).from("community_posts")
            .where("board_id", .equal, boardID).where("thread_id", .is, SQLLiteral.null).where("deleted_at", .is, SQLLiteral.null)
        if let tag = query.tag {
            let pattern = "%," + escapeLike(tag) + ",%"
            select = select.where("tags LIKE \(bind: pattern) ESCAPE '\\'" as SQLQueryString)
        }
        if let text = query.text {
            let pattern = "%" + escapeLike(text.lowercased()) + "%"
            select = select.where("search_text LIKE \(bind: pattern) ESCAPE '\\'" as SQLQueryString)
        }
        if query.sort == .unanswered { select = select.where("reply_count", .equal, 0) }
        select = select.orderBy("pinned", .descending)
        switch query.sort {
        case .newest, .unanswered: break
        case .top: select = select.orderBy("score", .descending)
        case .active: select = select.orderBy("last_activity_at", .descending)
        }
        return try await select.orderBy("created_at", .descending).orderBy("id", .descending)
            .limit(query.limit + 1).offset(query.offset).all().map(decode)
    }

    /// Escapes `%`, `_` and the escape character itself for a `LIKE ... ESCAPE '\'` pattern.
    static func escapeLike(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_")
    }

    /// Saves new text of a post and the lowercased search column with it.
    static func updateContent(_ post: ForumPost, editedAt: Date, on sql: any SQLDatabase) async throws {
        try await sql.update("community_posts").set("title", to: post.title).set("body", to: post.body)
            .set("body_html", to: SafeMarkdown.html(post.body))
            .set("tags", to: storedTags(post.tags)).set("edited_at", to: editedAt)
            .set("search_text", to: searchText(title: post.title, body: post.body, tags: post.tags))
            .where("id", .equal, post.id).run()
    }

    static func set(_ column: String, to value: some Encodable & Sendable, postID: String, on sql: any SQLDatabase) async throws {
        try await sql.update("community_posts").set(SQLIdentifier(column), to: value).where("id", .equal, postID).run()
    }

    /// Soft-deletes a post; `false` when it was already removed.
    static func remove(postID: String, by userID: String, at now: Date, on sql: any SQLDatabase) async throws -> Bool {
        try await sql.update("community_posts").set("deleted_at", to: now).set("deleted_by", to: userID)
            .where("id", .equal, postID).where("deleted_at", .is, SQLLiteral.null).returning("id").first() != nil
    }

    /// Counts a new reply on its thread and marks the thread active.
    static func recordReply(threadID: String, at now: Date, on sql: any SQLDatabase) async throws {
        try await sql.update("community_posts").set("reply_count", to: SQLRaw("reply_count + 1")).set("last_activity_at", to: now)
            .where("id", .equal, threadID).run()
    }

    /// Moves a thread, its replies and their reports to another board.
    static func move(threadID: String, toBoard boardID: String, on sql: any SQLDatabase) async throws {
        try await sql.update("community_posts").set("board_id", to: boardID)
            .where("id", .equal, threadID).orWhere("thread_id", .equal, threadID).run()
        try await sql.raw(
            """
            UPDATE community_reports SET board_id = \(bind: boardID)
            WHERE post_id IN (SELECT id FROM community_posts WHERE id = \(bind: threadID) OR thread_id = \(bind: threadID))
            """
        ).run()
    }

    static func recordRevision(of post: ForumPost, editorID: String, at now: Date, on sql: any SQLDatabase) async throws {
        try await sql.insert(into: "community_post_edits").columns("id", "post_id", "editor_id", "title", "body", "tags", "edited_at")
            .values(
                SQLBind(UUID().uuidString.lowercased()), SQLBind(post.id), SQLBind(editorID), SQLBind(post.title), SQLBind(post.body),
                SQLBind(storedTags(post.tags)), SQLBind(now)
            ).run()
    }

    static func revisions(postID: String, on sql: any SQLDatabase) async throws -> [PostRevision] {
        try await sql.select().columns("title", "body", "tags", "editor_id", "edited_at").from("community_post_edits")
            .where("post_id", .equal, postID).orderBy("edited_at").orderBy("id").all().map { row in
                PostRevision(
                    title: try row.decode(column: "title", as: String?.self), body: try row.decode(column: "body", as: String.self),
                    tags: tags(try row.decode(column: "tags", as: String.self)), editorID: try row.decode(column: "editor_id", as: String.self),
                    editedAt: try row.decode(column: "edited_at", as: Date.self)
                )
            }
    }

    static func recordMentions(postID: String, userIDs: [String], on sql: any SQLDatabase) async throws {
        guard !userIDs.isEmpty else { return }
        var insert = sql.insert(into: "community_mentions").columns("post_id", "user_id")
        for userID in userIDs { insert = insert.values(SQLBind(postID), SQLBind(userID)) }
        try await insert.ignoringConflicts(with: ["post_id", "user_id"]).run()
    }

    static func mentions(postID: String, on sql: any SQLDatabase) async throws -> [String] {
        try await sql.select().column("user_id").from("community_mentions").where("post_id", .equal, postID).orderBy("user_id").all()
            .map { try $0.decode(column: "user_id", as: String.self) }
    }

    /// Tags as stored: `,a,b,`, so a tag filter is one `LIKE '%,tag,%'`.
    private static func storedTags(_ tags: [String]) -> String {
        tags.isEmpty ? "" : "," + tags.joined(separator: ",") + ","
    }

    private static func tags(_ stored: String) -> [String] {
        stored.split(separator: ",").map(String.init)
    }

    private static func searchText(title: String?, body: String, tags: [String]) -> String {
        [title ?? "", body, tags.joined(separator: " ")].joined(separator: "\n").lowercased()
    }

    static func decode(_ row: any SQLRow) throws -> ForumPost {
        ForumPost(
            id: try row.decode(column: "id", as: String.self), boardID: try row.decode(column: "board_id", as: String.self),
            threadID: try row.decode(column: "thread_id", as: String?.self), parentID: try row.decode(column: "parent_id", as: String?.self),
            authorID: try row.decode(column: "author_id", as: String.self), anonymous: try row.decode(column: "anonymous", as: Bool.self),
            kind: ThreadKind(rawValue: try row.decode(column: "kind", as: String.self)), title: try row.decode(column: "title", as: String?.self),
            body: try row.decode(column: "body", as: String.self), tags: tags(try row.decode(column: "tags", as: String.self)),
            lessonID: try row.decode(column: "lesson_id", as: String?.self), score: try row.decode(column: "score", as: Int.self),
            replyCount: try row.decode(column: "reply_count", as: Int.self),
            acceptedReplyID: try row.decode(column: "accepted_reply_id", as: String?.self),
            pinned: try row.decode(column: "pinned", as: Bool.self), locked: try row.decode(column: "locked", as: Bool.self),
            createdAt: try row.decode(column: "created_at", as: Date.self), editedAt: try row.decode(column: "edited_at", as: Date?.self),
            lastActivityAt: try row.decode(column: "last_activity_at", as: Date.self),
            deletedAt: try row.decode(column: "deleted_at", as: Date?.self),
            storedBodyHTML: try row.decode(column: "body_html", as: String?.self)
        )
    }
}
