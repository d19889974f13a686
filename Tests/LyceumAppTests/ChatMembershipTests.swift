import Foundation
import HTTPTypes
import LyceumApp
import LyceumContracts
import LyceumCore
import LyceumPlatform
@testable import Realtime
import LyceumTestSupport
import Synchronization
import Testing

@Suite("Chat membership events")
struct ChatMembershipTests {
    /// Registers chat's membership handlers once more under a test name, publishing to `publisher`, so the
    /// outbox runs them for every event from now on just as it runs the module's own.
    static func subscribe(_ app: TestApp, publisher: RecordingPublisher) throws {
        ChatEvents.register(in: app.services.jobs.registry, chat: try app.chat(publishingTo: publisher), subscriber: "test-\(UUID().uuidString.prefix(8))")
    }

    @Test("a student leaving or removed from a course has their room subscriptions ended; one back in the course keeps them", arguments: TestEngine.available)
    func unenrollEndsSubscriptions(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let cast = try await app.forumCast()
            let publisher = RecordingPublisher()
            try Self.subscribe(app, publisher: publisher)
            let topic = "room:course-\(cast.course.id)"

            let left = try await app.request(.delete, "/api/v1/courses/\(cast.course.id)/enrollment", token: cast.student.accessToken)
            #expect(left.status.code < 300, "\(left.text)")
            try await publisher.waitForEnded { $0.contains(RecordingPublisher.Ended(userID: cast.student.id, topic: topic, reason: "unenrolled")) }

            let removed = try await app.request(.delete, "/api/v1/courses/\(cast.course.id)/roster/\(cast.classmate.id)", token: cast.owner.accessToken)
            #expect(removed.status.code < 300, "\(removed.text)")
            try await publisher.waitForEnded { $0.contains(RecordingPublisher.Ended(userID: cast.classmate.id, topic: topic, reason: "unenrolled")) }
            try await app.eventsDelivered()
            #expect(publisher.ended.count == 2)

            // Back in the course by the time the job runs: nothing ends.
            let chat = try app.chat(publishingTo: publisher)
            let again = try await app.request(.post, "/api/v1/courses/\(cast.course.id)/enrollment", token: cast.student.accessToken)
            #expect(again.status == .created)
            try await chat.membershipEnded(userID: cast.student.id, room: .course(cast.course.id), reason: "unenrolled")
            try await chat.membershipEnded(userID: cast.owner.id, room: .course(cast.course.id), reason: "unenrolled")
            #expect(publisher.ended.count == 2)
        }
    }

    @Test("leaving, being removed from and deleting a group publish GroupMembershipEnded for each member, and end their room subscriptions", arguments: TestEngine.available)
    func groupMembershipEnds(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let cast = try await app.forumCast()
            let publisher = RecordingPublisher()
            let events = Mutex<[GroupMembershipEnded]>([])
            app.services.jobs.registry.subscribe(GroupMembershipEnded.self, as: "test.group-membership-ended") { event, _ in
                events.withLock { $0.append(event) }
            }
            try Self.subscribe(app, publisher: publisher)
            let groupID = try await app.createGroup(cast.student, extra: ["visibility": "open"])
            for member in [cast.classmate, cast.owner, cast.outsider] {
                let joined = try await app.request(.post, "/api/v1/groups/\(groupID)/members", token: member.accessToken)
                #expect(joined.status.code < 300, "\(joined.text)")
            }
            let topic = "room:group-\(groupID)"
            #expect(try await app.request(.get, "/api/v1/rooms/group-\(groupID)", token: cast.classmate.accessToken).status == .ok)

            // Leaving.
            #expect(try await app.request(.delete, "/api/v1/groups/\(groupID)/members/\(cast.classmate.id)", token: cast.classmate.accessToken).status.code < 300)
            try await publisher.waitForEnded { $0.contains(RecordingPublisher.Ended(userID: cast.classmate.id, topic: topic, reason: "left_group")) }
            #expect(try await app.request(.get, "/api/v1/rooms/group-\(groupID)", token: cast.classmate.accessToken).errorCode == "room_not_found")

            // Removed by the owner.
            #expect(try await app.request(.delete, "/api/v1/groups/\(groupID)/members/\(cast.outsider.id)", token: cast.student.accessToken).status.code < 300)
            try await publisher.waitForEnded { $0.contains(RecordingPublisher.Ended(userID: cast.outsider.id, topic: topic, reason: "left_group")) }

            // A removal that removes nobody announces nothing.
            #expect(try await app.request(.delete, "/api/v1/groups/\(groupID)/members/\(cast.outsider.id)", token: cast.student.accessToken).status == .notFound)

            // Deleting the group ends every remaining membership.
            #expect(try await app.request(.delete, "/api/v1/groups/\(groupID)", token: cast.student.accessToken).status.code < 300)
            try await publisher.waitForEnded { ended in
                [cast.student.id, cast.owner.id].allSatisfy { user in ended.contains { $0.userID == user && $0.topic == topic && $0.reason == "left_group" } }
            }
            try await app.eventsDelivered()
            let published = events.withLock { $0 }
            #expect(published.map(\.userID).sorted() == [cast.classmate.id, cast.outsider.id, cast.student.id, cast.owner.id].sorted())
            #expect(published.allSatisfy { $0.groupID == groupID })
            #expect(publisher.ended.count == 4)

            // The owner leaving as the last member deletes the group: that ends their membership too.
            let solo = try await app.createGroup(cast.classmate)
            #expect(try await app.request(.delete, "/api/v1/groups/\(solo)/members/\(cast.classmate.id)", token: cast.classmate.accessToken).status.code < 300)
            try await app.eventsDelivered()
            #expect(events.withLock { $0 }.contains { $0.groupID == solo && $0.userID == cast.classmate.id })
        }
    }
}
