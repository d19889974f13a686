@testable import Community
import Foundation
import HTTPTypes
import Identity
import LyceumApp
import LyceumContracts
import Testing

/// The study group and announcement a role-matrix cell runs against: a request group owned by the course's
/// owner with the enrolled student as a member, a pending request from the other student, a pending invitation
/// of the co-instructor, and an announcement posted to the fixture's course.
struct MatrixCommunityFixture: Sendable {
    let groupID: String
    let requestID: String
    let inviteID: String
    let announcementID: String

    /// Made only for routes that name a group or an announcement, so other cells stay fast.
    static func make(for route: ServedRoute, cast: MatrixCast, courseID: String) async throws -> MatrixCommunityFixture? {
        guard route.path.contains("/groups") || route.path.contains("announcements") else { return nil }
        let community = try cast.app.services.require(CommunityService.self)
        let owner = try #require(cast.principal(.owner))
        let student = try #require(cast.principal(.student))
        let other = try #require(cast.principal(.otherStudent))
        let coInstructor = try #require(cast.principal(.coInstructor))
        let group = try await community.createGroup(owner, draft: GroupDraft(name: "Matrix group \(UUID().uuidString.prefix(6))"))
        _ = try await community.joinGroup(student, group.id)
        _ = try await community.updateGroup(owner, group.id, changes: GroupChanges(visibility: .request))
        let request = try await community.requestToJoin(other, group.id, message: "Let me in").0
        let invite = try await community.invite(owner, group.id, userID: coInstructor.userID).0
        let announcement = try await community.createAnnouncement(
            owner, courseID: courseID, input: AnnouncementInput(title: "Matrix news", body: "Some **news**.", pinned: false, publishAt: nil)
        )
        return MatrixCommunityFixture(
            groupID: group.id, requestID: request.id, inviteID: invite.id, announcementID: announcement.announcement.id
        )
    }

    /// The value of a path placeholder this fixture provides, `nil` for others.
    func resolve(_ segment: Substring, in route: ServedRoute) -> String? {
        switch segment {
        case "{group}": groupID
        case "{request}": route.path.contains("/invites/") ? inviteID : requestID
        case "{announcement}": announcementID
        default: nil
        }
    }

    /// The JSON body of a community API route that a caller who may use it gets a success with.
    static func apiBody(_ route: ServedRoute, cast: MatrixCast) -> [String: any Sendable]? {
        switch (route.method, route.path) {
        case (.post, "/api/v1/groups"): ["name": "Matrix new group"]
        case (.patch, "/api/v1/groups/{group}"): ["description": "Changed."]
        case (.patch, "/api/v1/groups/{group}/members/{user}"): ["role": "moderator"]
        case (.put, "/api/v1/groups/{group}/owner"): ["userId": cast.accounts[.student]?.id ?? ""]
        case (.post, "/api/v1/groups/{group}/requests"): ["message": "Hello"]
        case (.post, "/api/v1/groups/{group}/requests/{request}"): ["decision": "approve"]
        case (.post, "/api/v1/groups/{group}/invites"): ["userId": cast.accounts[.admin]?.id ?? ""]
        case (.post, "/api/v1/groups/{group}/invites/{request}"): ["decision": "accept"]
        case (.post, "/api/v1/courses/{course}/announcements"): ["title": "Posted", "body": "Text."]
        case (.patch, "/api/v1/announcements/{announcement}"): ["title": "Changed"]
        default: nil
        }
    }

    /// The form of a community page route that a caller who may use it gets a success with.
    static func formBody(_ route: ServedRoute, cast: MatrixCast) -> [String: String]? {
        switch route.path {
        case "/groups": ["name": "Matrix page group", "visibility": "open", "memberLimit": "10"]
        case "/groups/{group}/join": ["message": "Hello"]
        case "/groups/{group}/edit": ["name": "Renamed group", "description": "", "visibility": "request", "memberLimit": "20"]
        case "/groups/{group}/leave", "/groups/{group}/delete", "/groups/{group}/members/{user}/remove", "/groups/{group}/members/{user}/transfer",
            "/courses/{course}/announcements/{announcement}/delete":
            ["confirm": "yes"]
        case "/groups/{group}/requests/{request}": ["decision": "approve"]
        case "/groups/{group}/invites": ["userId": cast.accounts[.admin]?.id ?? ""]
        case "/groups/{group}/invites/{request}": ["decision": "accept"]
        case "/groups/{group}/members/{user}/role": ["role": "moderator"]
        case "/courses/{course}/announcements", "/courses/{course}/announcements/{announcement}": ["title": "Posted", "body": "Text."]
        default: nil
        }
    }
}
