import Community
import Foundation
import HTTPTypes
import LyceumApp
import LyceumContracts
import LyceumCore
import LyceumPlatform
import LyceumTestSupport
import Testing

@Suite("Study groups API")
struct GroupRoutesTests {
    @Test("creating groups: validation, and the directory's visibility, search, course filter and pages", arguments: TestEngine.available)
    func directory(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let owner = try await app.register(name: "Owner")
            let other = try await app.register(name: "Other")
            let admin = try await app.account(role: .admin)
            #expect(try await app.request(.post, "/api/v1/groups", json: ["name": "No"], token: nil).status == .unauthorized)
            let invalid = try await app.request(.post, "/api/v1/groups", json: ["name": "  ", "memberLimit": 1], token: owner.accessToken)
            #expect(invalid.status == .unprocessableContent)
            #expect(Set(invalid.errorFields.keys) == ["name", "memberLimit"])
            #expect(try await app.request(.post, "/api/v1/groups", json: ["name": "Big", "memberLimit": 501], token: owner.accessToken).status == .unprocessableContent)
            #expect(try await app.request(.post, "/api/v1/groups", json: ["name": "Bad", "visibility": "secret"], token: owner.accessToken).status.code < 500)

            let algebra = try await app.createGroup(owner, name: "Linear Algebra Circle")
            let calculus = try await app.createGroup(owner, name: "Calculus 100%", extra: ["visibility": "request"])
            let secret = try await app.createGroup(owner, name: "Secret Algebra", extra: ["visibility": "invite"])

            let seen = try await app.request(.get, "/api/v1/groups", token: other.accessToken)
            #expect(seen.status == .ok)
            #expect(Set(seen.itemIDs) == [algebra, calculus], "an invite group is hidden from non-members")
            #expect(try await app.request(.get, "/api/v1/groups/\(secret)", token: other.accessToken).status == .notFound)
            #expect(Set(try await app.request(.get, "/api/v1/groups", token: admin.accessToken).itemIDs) == [algebra, calculus, secret])
            #expect(Set(try await app.request(.get, "/api/v1/groups", token: owner.accessToken).itemIDs) == [algebra, calculus, secret])
            #expect(try await app.request(.get, "/api/v1/groups", token: nil).status == .unauthorized)

            #expect(try await app.request(.get, "/api/v1/groups?q=algebra", token: other.accessToken).itemIDs == [algebra])
            #expect(try await app.request(.get, "/api/v1/groups?q=100%25", token: other.accessToken).itemIDs == [calculus], "% is matched literally")
            #expect(try await app.request(.get, "/api/v1/groups?q=_", token: other.accessToken).itemIDs.isEmpty, "_ is matched literally")

            let first = try await app.request(.get, "/api/v1/groups?limit=1", token: owner.accessToken)
            #expect(first.itemIDs == [secret])
            let cursor = try #require(first.json["nextCursor"] as? String)
            let second = try await app.request(.get, "/api/v1/groups?limit=1&cursor=\(cursor)", token: owner.accessToken)
            #expect(second.itemIDs == [calculus])
            let third = try await app.request(.get, "/api/v1/groups?limit=2&cursor=\(try #require(second.json["nextCursor"] as? String))", token: owner.accessToken)
            #expect(third.itemIDs == [algebra])
            #expect(third.json["nextCursor"] is NSNull)
            #expect(try await app.request(.get, "/api/v1/groups?cursor=nonsense", token: owner.accessToken).errorCode == "invalid_cursor")

            let teacher = try await app.account(role: .instructor)
            let course = try await app.buildCourse(owner: teacher, modules: 1, lessonsPerModule: 1)
            let outsider = try await app.request(.post, "/api/v1/groups", json: ["name": "Course group", "courseId": course.id], token: other.accessToken)
            #expect(outsider.status == .unprocessableContent)
            #expect(outsider.errorFields["courseId"] != nil)
            #expect(try await app.request(.post, "/api/v1/courses/\(course.id)/enrollment", token: other.accessToken).status == .created)
            let linked = try await app.createGroup(other, name: "Course group", extra: ["courseId": course.slug])
            let filtered = try await app.request(.get, "/api/v1/groups?course=\(course.id)", token: owner.accessToken)
            #expect(filtered.itemIDs == [linked])
            let detail = try await app.request(.get, "/api/v1/groups/\(linked)", token: other.accessToken)
            #expect(detail.json["courseTitle"] as? String != nil)
            #expect(detail.json["myRole"] as? String == "owner")
            let joinOutsider = try await app.request(.post, "/api/v1/groups/\(linked)/members", token: owner.accessToken)
            #expect(joinOutsider.status == .forbidden)
            #expect(joinOutsider.errorCode == "course_members_only")
        }
    }

    @Test("joining, leaving, roles, removal and ownership follow the group's rules", arguments: TestEngine.available)
    func membership(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let owner = try await app.register(name: "Owner")
            let ana = try await app.register(name: "Ana")
            let ben = try await app.register(name: "Ben")
            let admin = try await app.account(role: .admin)
            let group = try await app.createGroup(owner, extra: ["memberLimit": 3])
            let joined = try await app.request(.post, "/api/v1/groups/\(group)/members", token: ana.accessToken)
            #expect(joined.status == .created)
            #expect(joined.json["myRole"] as? String == "member")
            #expect(try await app.request(.post, "/api/v1/groups/\(group)/members", token: ana.accessToken).status == .ok, "joining twice is harmless")
            #expect(try await app.request(.post, "/api/v1/groups/\(group)/members", token: ben.accessToken).status == .created)
            let late = try await app.register()
            let full = try await app.request(.post, "/api/v1/groups/\(group)/members", token: late.accessToken)
            #expect(full.status == .conflict)
            #expect(full.errorCode == "group_full")
            let members = try await app.request(.get, "/api/v1/groups/\(group)/members", token: ana.accessToken)
            #expect(members.items.map { $0["role"] as? String } == ["owner", "member", "member"])
            #expect(members.items.map { $0["displayName"] as? String } == ["Owner", "Ana", "Ben"])

            // Members cannot change the group, promote or remove; the owner can.
            #expect(try await app.request(.patch, "/api/v1/groups/\(group)", json: ["name": "Mine"], token: ana.accessToken).status == .forbidden)
            #expect(try await app.request(.patch, "/api/v1/groups/\(group)/members/\(ben.id)", json: ["role": "moderator"], token: ana.accessToken).status == .forbidden)
            #expect(try await app.request(.delete, "/api/v1/groups/\(group)/members/\(ben.id)", token: ana.accessToken).status == .forbidden)
            let shrink = try await app.request(.patch, "/api/v1/groups/\(group)", json: ["memberLimit": 2], token: owner.accessToken)
            #expect(shrink.errorFields["memberLimit"] != nil, "the limit cannot drop below the member count")
            let renamed = try await app.request(.patch, "/api/v1/groups/\(group)", json: ["name": "Renamed", "memberLimit": 10], token: owner.accessToken)
            #expect((renamed.json["group"] as? [String: Any])?["name"] as? String == "Renamed")
            #expect((renamed.json["group"] as? [String: Any])?["memberLimit"] as? Int == 10)

            #expect(try await app.request(.patch, "/api/v1/groups/\(group)/members/\(ana.id)", json: ["role": "moderator"], token: owner.accessToken).status == .noContent)
            #expect(try await app.request(.patch, "/api/v1/groups/\(group)/members/\(owner.id)", json: ["role": "member"], token: owner.accessToken).errorCode == "owner_role_fixed")
            #expect(try await app.request(.patch, "/api/v1/groups/\(group)/members/\(ana.id)", json: ["role": "owner"], token: owner.accessToken).status == .unprocessableContent)
            // A moderator removes members but not other moderators or the owner.
            #expect(try await app.request(.post, "/api/v1/groups/\(group)/members", token: late.accessToken).status == .created)
            #expect(try await app.request(.patch, "/api/v1/groups/\(group)/members/\(ben.id)", json: ["role": "moderator"], token: owner.accessToken).status == .noContent)
            #expect(try await app.request(.delete, "/api/v1/groups/\(group)/members/\(ben.id)", token: ana.accessToken).status == .forbidden)
            #expect(try await app.request(.delete, "/api/v1/groups/\(group)/members/\(owner.id)", token: ana.accessToken).status == .forbidden)
            #expect(try await app.request(.delete, "/api/v1/groups/\(group)/members/\(late.id)", token: ana.accessToken).status == .noContent)
            #expect(try await app.request(.delete, "/api/v1/groups/\(group)/members/\(late.id)", token: ana.accessToken).status == .notFound)

            // The owner cannot leave while others remain; after a transfer they are a moderator and may leave.
            let stuck = try await app.request(.delete, "/api/v1/groups/\(group)/members/\(owner.id)", token: owner.accessToken)
            #expect(stuck.errorCode == "owner_must_transfer")
            #expect(try await app.request(.put, "/api/v1/groups/\(group)/owner", json: ["userId": late.id], token: owner.accessToken).status == .unprocessableContent)
            #expect(try await app.request(.put, "/api/v1/groups/\(group)/owner", json: ["userId": ana.id], token: ben.accessToken).status == .forbidden)
            let handed = try await app.request(.put, "/api/v1/groups/\(group)/owner", json: ["userId": ana.id], token: owner.accessToken)
            #expect(handed.status == .ok)
            #expect((handed.json["group"] as? [String: Any])?["ownerId"] as? String == ana.id)
            #expect(handed.json["myRole"] as? String == "moderator")
            #expect(try await app.request(.delete, "/api/v1/groups/\(group)/members/\(owner.id)", token: owner.accessToken).status == .noContent)
            #expect(try await app.request(.delete, "/api/v1/groups/\(group)/members/\(ben.id)", token: admin.accessToken).status == .noContent, "admins remove moderators")
            #expect(try await app.request(.get, "/api/v1/groups/\(group)", token: ana.accessToken).json["group"].flatMap { ($0 as? [String: Any])?["memberCount"] as? Int } == 1)
            #expect(try await app.service.isGroupMember(userID: ana.id, groupID: group))
            #expect(try await app.service.groupMemberIDs(groupID: group) == [ana.id])

            // The last member leaving deletes the group.
            #expect(try await app.request(.delete, "/api/v1/groups/\(group)/members/\(ana.id)", token: ana.accessToken).status == .noContent)
            #expect(try await app.request(.get, "/api/v1/groups/\(group)", token: ana.accessToken).status == .notFound)

            let other = try await app.createGroup(owner)
            #expect(try await app.request(.delete, "/api/v1/groups/\(other)", token: ana.accessToken).status == .forbidden)
            #expect(try await app.request(.delete, "/api/v1/groups/\(other)", token: admin.accessToken).status == .noContent)
        }
    }

    @Test("two people joining for the last seat at once: exactly one gets it", arguments: TestEngine.available)
    func concurrentJoin(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let owner = try await app.register()
            let group = try await app.createGroup(owner, extra: ["memberLimit": 2])
            let joiners = [try await app.register(), try await app.register(), try await app.register()]
            let statuses = try await withThrowingTaskGroup(of: Int.self) { tasks in
                for joiner in joiners {
                    tasks.addTask { try await app.request(.post, "/api/v1/groups/\(group)/members", token: joiner.accessToken).status.code }
                }
                return try await tasks.reduce(into: []) { $0.append($1) }
            }
            #expect(statuses.sorted() == [201, 409, 409])
            let detail = try await app.request(.get, "/api/v1/groups/\(group)", token: owner.accessToken)
            #expect((detail.json["group"] as? [String: Any])?["memberCount"] as? Int == 2)
            #expect(try await app.service.groupMemberIDs(groupID: group).count == 2)
        }
    }

    @Test("requests to join: asked once, seen by moderators, approved with a notification, or rejected", arguments: TestEngine.available)
    func requests(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let recorder = NotificationRecorder(app)
            let owner = try await app.register(name: "Owner")
            let asker = try await app.register(name: "Asker")
            let rejected = try await app.register(name: "Rejected")
            let member = try await app.register(name: "Member")
            let group = try await app.createGroup(owner, name: "Reading Room", extra: ["visibility": "request"])
            #expect(try await app.request(.post, "/api/v1/groups/\(group)/members", token: asker.accessToken).errorCode == "join_by_request")
            let asked = try await app.request(.post, "/api/v1/groups/\(group)/requests", json: ["message": "Please"], token: asker.accessToken)
            #expect(asked.status == .created)
            let requestID = try #require((asked.json["request"] as? [String: Any])?["id"] as? String)
            let again = try await app.request(.post, "/api/v1/groups/\(group)/requests", json: [:], token: asker.accessToken)
            #expect(again.status == .ok)
            #expect((again.json["request"] as? [String: Any])?["id"] as? String == requestID)
            let otherRequest = try await app.request(.post, "/api/v1/groups/\(group)/requests", json: [:], token: rejected.accessToken)
            let otherID = try #require((otherRequest.json["request"] as? [String: Any])?["id"] as? String)
            #expect(try await app.request(.post, "/api/v1/groups/\(group)/requests", json: ["message": String(repeating: "x", count: 501)], token: member.accessToken).status == .unprocessableContent)

            #expect(try await app.request(.get, "/api/v1/groups/\(group)/requests", token: asker.accessToken).status == .forbidden)
            let listed = try await app.request(.get, "/api/v1/groups/\(group)/requests", token: owner.accessToken)
            #expect(listed.items.map { $0["displayName"] as? String } == ["Asker", "Rejected"])
            #expect(listed.items.first?["message"] as? String == "Please")

            #expect(try await app.request(.post, "/api/v1/groups/\(group)/requests/\(requestID)", json: ["decision": "approve"], token: asker.accessToken).status == .forbidden)
            #expect(try await app.request(.post, "/api/v1/groups/\(group)/requests/\(requestID)", json: ["decision": "accept"], token: owner.accessToken).status == .unprocessableContent)
            #expect(try await app.request(.post, "/api/v1/groups/\(group)/requests/\(requestID)", json: ["decision": "approve"], token: owner.accessToken).status == .noContent)
            #expect(try await recorder.outboxJobs().count == 1, "the notification request is written with the approval")
            #expect(try await app.request(.post, "/api/v1/groups/\(group)/requests/\(requestID)", json: ["decision": "approve"], token: owner.accessToken).status == .notFound)
            #expect(try await app.request(.post, "/api/v1/groups/\(group)/requests/\(otherID)", json: ["decision": "reject"], token: owner.accessToken).status == .noContent)
            #expect(try await app.request(.get, "/api/v1/groups/\(group)", token: asker.accessToken).json["myRole"] as? String == "member")
            #expect(try await app.request(.get, "/api/v1/groups/\(group)", token: rejected.accessToken).json["myRole"] is NSNull)
            #expect(try await app.request(.get, "/api/v1/groups/\(group)/requests", token: owner.accessToken).items.isEmpty)
            #expect(try await app.request(.post, "/api/v1/groups/\(group)/requests", json: [:], token: asker.accessToken).errorCode == "already_member")

            let notice = try #require(try await recorder.request("group-approved:\(requestID)"))
            #expect(notice.recipientIDs == [asker.id])
            #expect(notice.kind == .group)
            #expect(notice.link == "/groups/\(group)")
            #expect(recorder.all.count == 1, "rejecting notifies no one")
        }
    }

    @Test("invitations: moderators invite, the invitee alone accepts or declines, and is notified", arguments: TestEngine.available)
    func invitations(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let recorder = NotificationRecorder(app)
            let owner = try await app.register(name: "Owner")
            let guest = try await app.register(name: "Guest")
            let decliner = try await app.register(name: "Decliner")
            let stranger = try await app.register(name: "Stranger")
            let group = try await app.createGroup(owner, name: "Inner Circle", extra: ["visibility": "invite"])
            #expect(try await app.request(.post, "/api/v1/groups/\(group)/members", token: guest.accessToken).status == .notFound)
            #expect(try await app.request(.post, "/api/v1/groups/\(group)/invites", json: ["userId": guest.id], token: stranger.accessToken).status == .notFound)
            #expect(try await app.request(.post, "/api/v1/groups/\(group)/invites", json: ["userId": "nobody"], token: owner.accessToken).status == .unprocessableContent)
            let invited = try await app.request(.post, "/api/v1/groups/\(group)/invites", json: ["userId": guest.id], token: owner.accessToken)
            #expect(invited.status == .created)
            let inviteID = try #require((invited.json["invite"] as? [String: Any])?["id"] as? String)
            #expect(try await app.request(.post, "/api/v1/groups/\(group)/invites", json: ["userId": guest.id], token: owner.accessToken).status == .ok)
            #expect(try await recorder.outboxJobs().count == 1, "inviting twice notifies once")
            #expect(try await app.request(.post, "/api/v1/groups/\(group)/invites", json: ["userId": owner.id], token: owner.accessToken).errorCode == "already_member")
            let declineInvite = try await app.request(.post, "/api/v1/groups/\(group)/invites", json: ["userId": decliner.id], token: owner.accessToken)
            let declineID = try #require((declineInvite.json["invite"] as? [String: Any])?["id"] as? String)

            // The invitee sees the invite-only group and their invitation.
            let mine = try await app.request(.get, "/api/v1/me/invites", token: guest.accessToken)
            #expect(mine.items.count == 1)
            #expect(((mine.items.first?["group"] as? [String: Any])?["name"] as? String) == "Inner Circle")
            #expect(try await app.request(.get, "/api/v1/groups/\(group)", token: guest.accessToken).status == .ok)
            #expect(try await app.request(.get, "/api/v1/groups/\(group)/invites", token: owner.accessToken).items.count == 2)
            #expect(try await app.request(.get, "/api/v1/groups/\(group)/invites", token: guest.accessToken).status == .forbidden)
            #expect(try await app.request(.post, "/api/v1/groups/\(group)/invites/\(inviteID)", json: ["decision": "accept"], token: stranger.accessToken).status == .notFound)
            #expect(try await app.request(.post, "/api/v1/groups/\(group)/invites/\(inviteID)", json: ["decision": "accept"], token: owner.accessToken).status == .forbidden)
            #expect(try await app.request(.post, "/api/v1/groups/\(group)/invites/\(inviteID)", json: ["decision": "accept"], token: guest.accessToken).status == .noContent)
            #expect(try await app.request(.post, "/api/v1/groups/\(group)/invites/\(declineID)", json: ["decision": "decline"], token: decliner.accessToken).status == .noContent)
            #expect(try await app.request(.get, "/api/v1/groups/\(group)", token: decliner.accessToken).status == .notFound)
            #expect(try await app.service.isGroupMember(userID: guest.id, groupID: group))
            #expect(try await app.request(.get, "/api/v1/me/invites", token: guest.accessToken).items.isEmpty)

            let notice = try #require(try await recorder.request("group-invite:\(inviteID)"))
            #expect(notice.recipientIDs == [guest.id])
            #expect(notice.kind == .group)
            #expect(notice.actorID == owner.id)
        }
    }

    @Test("leaving a course drops pending requests and invitations for its groups, once or twice", arguments: TestEngine.available)
    func unenrolledStudent(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let teacher = try await app.account(role: .instructor)
            let course = try await app.buildCourse(owner: teacher, modules: 1, lessonsPerModule: 1)
            let student = try await app.register()
            #expect(try await app.request(.post, "/api/v1/courses/\(course.id)/enrollment", token: student.accessToken).status == .created)
            let linked = try await app.createGroup(teacher, extra: ["visibility": "request", "courseId": course.id])
            let unlinked = try await app.createGroup(teacher, extra: ["visibility": "request"])
            let invites = try await app.createGroup(teacher, extra: ["visibility": "invite", "courseId": course.id])
            #expect(try await app.request(.post, "/api/v1/groups/\(linked)/requests", json: [:], token: student.accessToken).status == .created)
            #expect(try await app.request(.post, "/api/v1/groups/\(unlinked)/requests", json: [:], token: student.accessToken).status == .created)
            #expect(try await app.request(.post, "/api/v1/groups/\(invites)/invites", json: ["userId": student.id], token: teacher.accessToken).status == .created)

            #expect(try await app.request(.delete, "/api/v1/courses/\(course.id)/enrollment", token: student.accessToken).status == .noContent)
            try await app.waitForJobs(named: "event:community.group-requests-on-unenroll")
            #expect(try await app.request(.get, "/api/v1/groups/\(linked)/requests", token: teacher.accessToken).items.isEmpty)
            #expect(try await app.request(.get, "/api/v1/groups/\(unlinked)/requests", token: teacher.accessToken).items.count == 1)
            #expect(try await app.request(.get, "/api/v1/groups/\(invites)/invites", token: teacher.accessToken).items.isEmpty)
            #expect(try await app.request(.get, "/api/v1/me/invites", token: student.accessToken).items.isEmpty)

            // Running the handler again (a retried job) changes nothing and does not fail.
            let event = StudentUnenrolled(userID: student.id, courseID: course.id, removedBy: nil, at: Date())
            try await app.services.database.transaction { sql in try await app.services.jobs.publish(event, id: "again", on: sql) }
            try await app.services.database.transaction { sql in try await app.services.jobs.publish(event, id: "again-2", on: sql) }
            try await app.waitForJobs(named: "event:community.group-requests-on-unenroll")
            let failed = try await app.services.jobs.list(limit: 500).filter { $0.name == "event:community.group-requests-on-unenroll" && $0.state != .succeeded }
            #expect(failed.isEmpty)
            #expect(try await app.request(.get, "/api/v1/groups/\(unlinked)/requests", token: teacher.accessToken).items.count == 1)
        }
    }
}

extension TestApp {
    /// The Community service of the app under test.
    var service: CommunityService { get throws { try services.require(CommunityService.self) } }
}
