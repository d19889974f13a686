import Foundation
import LyceumCore

/// Who may find and enter a study group.
enum GroupVisibility: String, Sendable, Codable, CaseIterable {
    /// Listed to everyone signed in; anyone may join while seats are left.
    case open
    /// Listed to everyone signed in; joining takes a request a moderator approves.
    case request
    /// Seen only by its members, the users it invited and admins; joining takes an invitation.
    case invite
}

/// A study group: a named set of learners, optionally tied to one course.
struct StudyGroup: Sendable, Equatable {
    /// The group's id.
    let id: String
    /// Its name (1–100 characters).
    let name: String
    /// What it is about, plain text (up to 2,000 characters).
    let description: String
    /// The course it belongs to, if any; then only that course's students and staff may join.
    let courseID: String?
    /// How people join.
    let visibility: GroupVisibility
    /// The most members it may have (2–500).
    let memberLimit: Int
    /// How many members it has now.
    let memberCount: Int
    /// Its owner.
    let ownerID: String
    /// When it was created.
    let createdAt: Date

    /// Whether no seat is left.
    var isFull: Bool { memberCount >= memberLimit }
}

/// One member of a study group.
struct GroupMember: Sendable, Equatable {
    /// The member's user id.
    let userID: String
    /// Their name as the user directory gives it.
    let displayName: String
    /// Their role in the group.
    let role: GroupRole
    /// When they joined.
    let joinedAt: Date
}

/// Whether a pending entry is a user's request to join or a moderator's invitation.
enum GroupRequestKind: String, Sendable, Codable {
    case request
    case invite
}

/// A pending request to join a group, or a pending invitation to it. Approving, accepting, rejecting or
/// declining deletes it.
struct GroupRequest: Sendable, Equatable {
    /// The request's id.
    let id: String
    /// The group.
    let groupID: String
    /// The user who asked, or who is invited.
    let userID: String
    /// That user's display name.
    let displayName: String
    /// Request or invitation.
    let kind: GroupRequestKind
    /// Who invited, for invitations.
    let invitedBy: String?
    /// The requester's note to the moderators (up to 500 characters).
    let message: String
    /// When it was made.
    let createdAt: Date
}

/// What a caller sees of one group: the group, their place in it, and what they may do.
struct GroupDetail: Sendable {
    /// The group.
    let group: StudyGroup
    /// The linked course's title, when the group has one.
    let courseTitle: String?
    /// The caller's role, `nil` when they are not a member.
    let myRole: GroupRole?
    /// The caller's own pending request or invitation, if any.
    let myPending: GroupRequest?
    /// Whether the caller may change or delete the group (owner or admin).
    let canManage: Bool
    /// Whether the caller may approve requests, invite and remove members (moderator, owner or admin).
    let canModerate: Bool
}

/// A new group, as a client submits it.
struct GroupDraft: Sendable, Decodable {
    /// The name.
    var name: String
    /// The description; empty when absent.
    var description: String?
    /// The course id or slug to link, if any.
    var courseId: String?
    /// `open` unless said otherwise.
    var visibility: GroupVisibility?
    /// 50 unless said otherwise.
    var memberLimit: Int?

    /// Creates a draft.
    init(name: String, description: String? = nil, courseId: String? = nil, visibility: GroupVisibility? = nil, memberLimit: Int? = nil) {
        self.name = name
        self.description = description
        self.courseId = courseId
        self.visibility = visibility
        self.memberLimit = memberLimit
    }
}

/// Changes to a group; absent fields stay as they are.
struct GroupChanges: Sendable, Decodable {
    /// A new name.
    var name: String?
    /// A new description.
    var description: String?
    /// A new visibility.
    var visibility: GroupVisibility?
    /// A new member limit, not below the current member count.
    var memberLimit: Int?

    /// Creates changes.
    init(name: String? = nil, description: String? = nil, visibility: GroupVisibility? = nil, memberLimit: Int? = nil) {
        self.name = name
        self.description = description
        self.visibility = visibility
        self.memberLimit = memberLimit
    }
}

/// The directory's search: text in the name, a course, a page.
struct GroupQuery: Sendable {
    /// Part of the name, ignoring case.
    var text: String?
    /// Only groups linked to this course id.
    var courseID: String?
    /// Where the previous page ended.
    var cursor: PageCursor?
    /// The page size.
    var limit: Int

    /// Creates a query.
    init(text: String? = nil, courseID: String? = nil, cursor: PageCursor? = nil, limit: Int = PageLimit.defaultSize) {
        self.text = text
        self.courseID = courseID
        self.cursor = cursor
        self.limit = limit
    }
}

/// Limits on what a group may hold.
enum GroupRules {
    static let nameLength = 1...100
    static let descriptionLength = 2_000
    static let memberLimits = 2...500
    static let defaultMemberLimit = 50
    static let messageLength = 500
}
