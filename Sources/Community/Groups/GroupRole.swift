import SQLKit

/// What a user is in a study group.
enum GroupRole: String, Sendable, Codable, Comparable {
    case member
    case moderator
    case owner

    private var rank: Int {
        switch self {
        case .member: 0
        case .moderator: 1
        case .owner: 2
        }
    }

    static func < (lhs: GroupRole, rhs: GroupRole) -> Bool { lhs.rank < rhs.rank }

    /// Owners and moderators moderate the group's feed as course staff moderate a course board.
    var moderates: Bool { self >= .moderator }

    /// The user's role in the group, `nil` when they are not a member. The one place the rest of Community
    /// (the group's board) learns group membership from.
    static func of(userID: String, inGroup groupID: String, on sql: any SQLDatabase) async throws -> GroupRole? {
        try await sql.select().column("role").from("community_group_members")
            .where("group_id", .equal, groupID).where("user_id", .equal, userID)
            .first().flatMap { GroupRole(rawValue: try $0.decode(column: "role", as: String.self)) }
    }
}
