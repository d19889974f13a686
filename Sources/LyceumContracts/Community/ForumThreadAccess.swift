/// Who may read a forum thread. Community implements it; other domains (Realtime's `thread:` topics) ask it
/// instead of reading Community's boards.
public protocol ForumThreadAccess: Sendable {
    /// Whether `principal` may read the thread, as `GET /api/v1/threads/{id}` would show it to them; `false`
    /// for an unknown thread, a reply's id, or a thread on a board they may not open.
    func canRead(_ principal: Principal, threadID: String) async throws -> Bool
}
