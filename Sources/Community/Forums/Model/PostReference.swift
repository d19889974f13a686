/// A thread or a reply as a route names it. A reply's id under a thread route, or the reverse, is not found,
/// so every route answers with the shape it documents.
enum PostReference: Sendable, Equatable {
    case thread(String)
    case reply(String)

    /// Names the post by the route's parameter (`thread` or `reply`).
    init(parameter: String, id: String) {
        self = parameter == "thread" ? .thread(id) : .reply(id)
    }

    var id: String {
        switch self {
        case .thread(let id), .reply(let id): id
        }
    }

    var isThread: Bool {
        if case .thread = self { return true }
        return false
    }
}
