import SQLKit

/// SQL for votes on posts.
enum VoteStore {
    /// The user's current vote on a post: -1, 1, or 0 for none.
    static func vote(postID: String, userID: String, on sql: any SQLDatabase) async throws -> Int {
        try await sql.select().column("value").from("community_votes")
            .where("post_id", .equal, postID).where("user_id", .equal, userID).first()?
            .decode(column: "value", as: Int.self) ?? 0
    }

    /// Sets the user's vote (0 removes it).
    static func set(postID: String, userID: String, value: Int, on sql: any SQLDatabase) async throws {
        if value == 0 {
            try await sql.delete(from: "community_votes").where("post_id", .equal, postID).where("user_id", .equal, userID).run()
        } else {
            try await sql.raw(
                """
                INSERT INTO community_votes (post_id, user_id, value) VALUES (\(bind: postID), \(bind: userID), \(bind: value))
                ON CONFLICT (post_id, user_id) DO UPDATE SET value = excluded.value
                """
            ).run()
        }
    }

    /// Adds `delta` to the post's score and answers the new score.
    static func addToScore(postID: String, delta: Int, on sql: any SQLDatabase) async throws -> Int {
        try await sql.raw("UPDATE community_posts SET score = score + \(bind: delta) WHERE id = \(bind: postID) RETURNING score")
            .first()?.decode(column: "score", as: Int.self) ?? 0
    }

    /// The user's votes on a thread and its replies, by post id, in one query.
    static func votes(threadID: String, userID: String, on sql: any SQLDatabase) async throws -> [String: Int] {
        let rows = try await sql.raw(
            """
            SELECT v.post_id, v.value FROM community_votes v JOIN community_posts p ON p.id = v.post_id
            WHERE v.user_id = \(bind: userID) AND (p.id = \(bind: threadID) OR p.thread_id = \(bind: threadID))
            """
        ).all()
        return try Dictionary(uniqueKeysWithValues: rows.map {
            (try $0.decode(column: "post_id", as: String.self), try $0.decode(column: "value", as: Int.self))
        })
    }

    /// The user's votes on these posts.
    static func votes(postIDs: [String], userID: String, on sql: any SQLDatabase) async throws -> [String: Int] {
        guard !postIDs.isEmpty else { return [:] }
        let rows = try await sql.select().columns("post_id", "value").from("community_votes")
            .where("user_id", .equal, userID).where("post_id", .in, postIDs).all()
        return try Dictionary(uniqueKeysWithValues: rows.map {
            (try $0.decode(column: "post_id", as: String.self), try $0.decode(column: "value", as: Int.self))
        })
    }

    /// The sum of a post's current votes, for checking the stored score.
    static func sum(postID: String, on sql: any SQLDatabase) async throws -> Int {
        try await sql.raw("SELECT COALESCE(SUM(value), 0) AS total FROM community_votes WHERE post_id = \(bind: postID)")
            .first()?.decode(column: "total", as: Int.self) ?? 0
    }
}
