import Foundation
import LyceumHTTP

/// A study group as the API shows it (`StudyGroup` in the OpenAPI fragment).
struct StudyGroupView: Codable {
    let id: String
    let name: String
    let description: String
    @ExplicitNull var courseId: String?
    let visibility: String
    let memberLimit: Int
    let memberCount: Int
    let ownerId: String
    let createdAt: Date

    init(_ group: StudyGroup) {
        id = group.id
        name = group.name
        description = group.description
        courseId = group.courseID
        visibility = group.visibility.rawValue
        memberLimit = group.memberLimit
        memberCount = group.memberCount
        ownerId = group.ownerID
        createdAt = group.createdAt
    }
}

/// One group with the caller's place in it (`StudyGroupDetail`).
struct StudyGroupDetailView: Codable {
    let group: StudyGroupView
    @ExplicitNull var courseTitle: String?
    @ExplicitNull var myRole: String?
    @ExplicitNull var myPending: StudyGroupRequestView?
    let canManage: Bool
    let canModerate: Bool

    init(_ detail: GroupDetail) {
        group = StudyGroupView(detail.group)
        courseTitle = detail.courseTitle
        myRole = detail.myRole?.rawValue
        myPending = detail.myPending.map(StudyGroupRequestView.init)
        canManage = detail.canManage
        canModerate = detail.canModerate
    }
}

/// A member (`StudyGroupMember`).
struct StudyGroupMemberView: Codable {
    let userId: String
    let displayName: String
    let role: String
    let joinedAt: Date

    init(_ member: GroupMember) {
        userId = member.userID
        displayName = member.displayName
        role = member.role.rawValue
        joinedAt = member.joinedAt
    }
}

/// A pending request or invitation (`StudyGroupRequest`).
struct StudyGroupRequestView: Codable {
    let id: String
    let groupId: String
    let userId: String
    let displayName: String
    let kind: String
    @ExplicitNull var invitedBy: String?
    let message: String
    let createdAt: Date

    init(_ request: GroupRequest) {
        id = request.id
        groupId = request.groupID
        userId = request.userID
        displayName = request.displayName
        kind = request.kind.rawValue
        invitedBy = request.invitedBy
        message = request.message
        createdAt = request.createdAt
    }
}

/// A list answer, with the next page's cursor when there is one.
struct GroupItemsView<Item: Codable>: Codable {
    let items: [Item]
    @ExplicitNull var nextCursor: String?
}
