import Foundation
import LyceumContracts
import LyceumCore
import LyceumPlatform

/// Boards: the visible list, site boards admins create, the course board and the group board made on
/// first use, and board settings.
extension CommunityService {
    /// The boards the caller may open: site boards, their courses' boards (every course board for admins)
    /// and their study groups' boards, by title.
    func boards(_ principal: Principal?) async throws -> [BoardAccess] {
        let principal = try require(principal)
        let courseIDs = principal.isAdmin ? nil : try await courses.courseIDs(of: principal.userID)
        let facts = try await database.read { sql in
            var facts: [BoardFacts] = []
            for board in try await BoardStore.visible(courseIDs: courseIDs, userID: principal.userID, on: sql) {
                facts.append(try await BoardFacts.read(board: board, userID: principal.userID, on: sql))
            }
            return facts
        }
        var result: [BoardAccess] = []
        for fact in facts {
            do {
                result.append(try await access(principal, fact))
            } catch is AppError {
                continue
            }
        }
        return result
    }

    /// One board with the caller's access to it.
    func board(_ principal: Principal?, _ boardID: String) async throws -> BoardAccess {
        let principal = try require(principal)
        return try await accessibleBoard(principal, boardID)
    }

    /// Creates a site-wide board (admins only).
    func createSiteBoard(_ principal: Principal?, draft: BoardDraft) async throws -> BoardAccess {
        let principal = try require(principal)
        guard principal.isAdmin else { throw AppError.forbidden("Only administrators create site boards.") }
        let board = try validated(
            ForumBoard(id: UUID().uuidString.lowercased(), scope: .site, title: "", description: "", allowAnonymous: false, createdAt: now()),
            changes: draft, titleRequired: true
        )
        try await database.write { sql in try await BoardStore.insertIfAbsent(board, createdBy: principal.userID, on: sql) }
        return BoardAccess(board: board, role: .staff, suspended: false)
    }

    /// Changes a board's title, description or anonymous posting (the board's staff).
    func updateBoard(_ principal: Principal?, _ boardID: String, changes: BoardDraft) async throws -> BoardAccess {
        let principal = try require(principal)
        let access = try await accessibleBoard(principal, boardID)
        try access.requireStaff()
        let board = try validated(access.board, changes: changes, titleRequired: false)
        try await database.write { sql in try await BoardStore.update(board, on: sql) }
        return BoardAccess(board: board, role: access.role, suspended: access.suspended)
    }

    /// The course's board, created on first use by anyone who may use it.
    func courseBoard(_ principal: Principal?, course idOrSlug: String) async throws -> BoardAccess {
        let principal = try require(principal)
        guard let course = try await courses.course(idOrSlug) else { throw AppError.notFound("course") }
        let role = try await courseRole(principal, courseID: course.id)
        let board = try await database.read { sql in try await BoardStore.find(courseID: course.id, on: sql) }
        if let board {
            let suspended = role == .member ? try await database.read { sql in
                try await BoardStore.isSuspended(userID: principal.userID, boardID: board.id, on: sql)
            } : false
            return BoardAccess(board: board, role: role, suspended: suspended)
        }
        let created = try await database.write { sql in
            try await BoardStore.insertIfAbsent(
                ForumBoard(
                    id: UUID().uuidString.lowercased(), scope: .course(course.id), title: course.title,
                    description: "Questions and discussion for \(course.title).", allowAnonymous: false, createdAt: now()
                ),
                createdBy: nil, on: sql
            )
            return try await BoardStore.find(courseID: course.id, on: sql)
        }
        guard let created else { throw AppError.notFound("board") }
        return BoardAccess(board: created, role: role, suspended: false)
    }

    /// The study group's board, created on first use while the group exists; 404 to non-members.
    func groupBoard(_ principal: Principal?, group groupID: String) async throws -> BoardAccess {
        let principal = try require(principal)
        return try await database.transaction { sql in
            guard let groupRole = try await GroupRole.of(userID: principal.userID, inGroup: groupID, on: sql),
                let name = try await BoardStore.groupName(groupID, on: sql)
            else { throw AppError.notFound("group") }
            if try await BoardStore.find(groupID: groupID, on: sql) == nil {
                try await BoardStore.insertIfAbsent(
                    ForumBoard(
                        id: UUID().uuidString.lowercased(), scope: .group(groupID), title: name, description: "The feed of \(name).",
                        allowAnonymous: false, createdAt: now()
                    ),
                    createdBy: nil, on: sql
                )
            }
            guard let board = try await BoardStore.find(groupID: groupID, on: sql) else { throw AppError.notFound("group") }
            let suspended = groupRole.moderates ? false : try await BoardStore.isSuspended(userID: principal.userID, boardID: board.id, on: sql)
            return BoardAccess(board: board, role: groupRole.moderates ? .staff : .member, suspended: suspended)
        }
    }

    private func validated(_ board: ForumBoard, changes: BoardDraft, titleRequired: Bool) throws(AppError) -> ForumBoard {
        var fields: [String: String] = [:]
        let title = ForumContentRules.title(changes.title, required: titleRequired, into: &fields) ?? board.title
        let description = changes.description?.trimmingCharacters(in: .whitespacesAndNewlines) ?? board.description
        if description.count > 1000 { fields["description"] = "The description must be at most 1000 characters." }
        guard fields.isEmpty else { throw AppError.validation(fields) }
        return ForumBoard(
            id: board.id, scope: board.scope, title: title, description: description,
            allowAnonymous: changes.allowAnonymous ?? board.allowAnonymous, createdAt: board.createdAt
        )
    }
}
