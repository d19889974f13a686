/// The site's blocked words, which admins keep in the forums' moderation. Community implements it; other
/// domains where users write (Realtime's chat) check text against it, so one list rules the whole site.
public protocol BlockedWordsFilter: Sendable {
    /// Throws 422 `content_blocked` when any of `texts` contains a blocked word as a whole word, ignoring case.
    func rejectBlockedWords(in texts: [String]) async throws
}
