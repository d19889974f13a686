import Foundation
import LyceumCore

/// Where a board belongs: one course, one study group, or the whole site.
enum BoardScope: Sendable, Equatable {
    case site
    case course(String)
    case group(String)

    /// The scope's name in the API (`site`, `course`, `group`).
    var kind: String {
        switch self {
        case .site: "site"
        case .course: "course"
        case .group: "group"
        }
    }
}

/// A discussion board as stored.
struct ForumBoard: Sendable, Equatable {
    let id: String
    let scope: BoardScope
    let title: String
    let description: String
    let allowAnonymous: Bool
    let createdAt: Date
}

/// What a caller is on a board: members read and post, staff also moderate.
enum BoardRole: String, Sendable, Codable {
    case member
    case staff
}

/// A board together with the caller's standing on it: the result of every access check.
struct BoardAccess: Sendable {
    let board: ForumBoard
    let role: BoardRole
    /// Whether the caller is suspended from posting, replying, voting and reporting here.
    let suspended: Bool

    var isStaff: Bool { role == .staff }

    /// Throws 403 `suspended` when the caller may only read.
    func requireParticipation() throws(AppError) {
        if suspended {
            throw AppError(status: 403, code: "suspended", message: "You are suspended from this board: you may read but not post, vote or report.")
        }
    }

    /// Throws 403 unless the caller is staff of the board.
    func requireStaff() throws(AppError) {
        guard isStaff else { throw AppError.forbidden("Only the board's staff may do this.") }
    }
}
