/// A new thread as a client submits it.
struct ThreadDraft: Decodable, Sendable {
    var title: String?
    var body: String
    var kind: ThreadKind?
    var tags: [String]?
    var lessonId: String?
    var anonymous: Bool?
    /// Uploads to attach (at most 5 of the author's own `attachment` uploads).
    var attachmentIds: [String]?
}

/// Changes to a thread or reply; absent fields stay as they are.
struct PostChanges: Decodable, Sendable {
    var title: String?
    var body: String?
    var tags: [String]?
    /// The post's files from now on, when present.
    var attachmentIds: [String]?
}

/// A new reply; `parentId` names the reply it answers (a reply to a nested reply is shown under its top-level parent).
struct ReplyDraft: Decodable, Sendable {
    var body: String
    var parentId: String?
    var anonymous: Bool?
    /// Uploads to attach (at most 5 of the author's own `attachment` uploads).
    var attachmentIds: [String]?
}

/// A new site board, or changes to a board.
struct BoardDraft: Decodable, Sendable {
    var title: String?
    var description: String?
    var allowAnonymous: Bool?
}
