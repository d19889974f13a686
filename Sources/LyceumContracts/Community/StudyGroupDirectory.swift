import Foundation
import LyceumCore

/// What other domains may know about a study group: enough to name it and link to it.
public struct StudyGroupSummary: Sendable, Equatable, Codable {
    /// The group's id.
    public let id: String
    /// Its name.
    public let name: String
    /// The course it belongs to, if any.
    public let courseID: String?

    /// Creates a summary.
    public init(id: String, name: String, courseID: String?) {
        self.id = id
        self.name = name
        self.courseID = courseID
    }
}

/// Looks study groups and their members up. Community implements it; other domains (Realtime's group rooms)
/// depend only on this protocol, never on Community's tables.
public protocol StudyGroupDirectory: Sendable {
    /// Whether the user is a member of the group, in any role.
    func isGroupMember(userID: String, groupID: String) async throws -> Bool
    /// The ids of the group's members (empty for an unknown group).
    func groupMemberIDs(groupID: String) async throws -> [String]
    /// The ids of the groups the user is a member of.
    func groupIDs(of userID: String) async throws -> [String]
    /// The groups with these ids; unknown ids are absent from the result.
    func groups(ids: [String]) async throws -> [String: StudyGroupSummary]
}

/// A user stopped being a member of a study group: they left, a moderator removed them, or the group was
/// deleted. Published by Community in the transaction that removes the membership.
public struct GroupMembershipEnded: DomainEvent {
    public static let eventName = "community.group-membership-ended"

    /// The former member.
    public let userID: String
    /// The group.
    public let groupID: String
    /// When.
    public let at: Date

    /// Creates the event.
    public init(userID: String, groupID: String, at: Date) {
        self.userID = userID
        self.groupID = groupID
        self.at = at
    }
}
