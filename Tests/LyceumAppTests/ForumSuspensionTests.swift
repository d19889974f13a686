import Foundation
import HTTPTypes
import LyceumTestSupport
import Testing

@Suite("Forums: lifting board suspensions")
struct ForumSuspensionTests {
    @Test("staff list a board's suspensions and lift one, which restores posting; students get 403", arguments: TestEngine.available)
    func suspendAndLift(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let cast = try await app.forumCast()
            let suspensions = "/api/v1/boards/\(cast.boardID)/suspensions"
            #expect(try await app.request(.get, suspensions, token: cast.owner.accessToken).items.isEmpty)
            try await app.suspend(cast.classmate, on: cast.boardID, by: cast.owner, reporter: cast.student)
            let refused = try await app.request(.post, "/api/v1/boards/\(cast.boardID)/threads", json: ["title": "T", "body": "B"], token: cast.classmate.accessToken)
            #expect(refused.errorCode == "suspended")

            let listed = try await app.request(.get, suspensions, token: cast.owner.accessToken)
            #expect(listed.status == .ok)
            #expect(listed.items.count == 1)
            let entry = try #require(listed.items.first)
            #expect(entry["userId"] as? String == cast.classmate.id)
            #expect(entry["displayName"] as? String == "Test Classmate")
            #expect(entry["suspendedById"] as? String == cast.owner.id)
            #expect(entry["suspendedByName"] as? String != nil)
            #expect(entry["suspendedAt"] as? String != nil)
            #expect(try await app.request(.get, suspensions, token: cast.admin.accessToken).items.count == 1)

            for user in [cast.student, cast.classmate] {
                let listing = try await app.request(.get, suspensions, token: user.accessToken)
                #expect(listing.status == .forbidden)
                #expect(listing.errorCode == "forbidden")
                let lifting = try await app.request(.delete, "\(suspensions)/\(cast.classmate.id)", token: user.accessToken)
                #expect(lifting.status == .forbidden)
            }
            #expect(try await app.request(.get, suspensions, token: cast.outsider.accessToken).errorCode == "not_enrolled")

            let lifted = try await app.request(.delete, "\(suspensions)/\(cast.classmate.id)", token: cast.owner.accessToken)
            #expect(lifted.status == .noContent)
            #expect(try await app.request(.get, suspensions, token: cast.owner.accessToken).items.isEmpty)
            _ = try await app.startThread(on: cast.boardID, as: cast.classmate, title: "Back again")
            let again = try await app.request(.delete, "\(suspensions)/\(cast.classmate.id)", token: cast.owner.accessToken)
            #expect(again.status == .notFound)
            #expect(again.errorCode == "not_found")
            #expect(try await app.request(.delete, "\(suspensions)/\(cast.student.id)", token: cast.admin.accessToken).errorCode == "not_found")
            #expect(try await app.request(.get, "/api/v1/boards/nope/suspensions", token: cast.admin.accessToken).status == .notFound)
        }
    }

    @Test("the board page lists suspensions to staff only, and its form lifts one", arguments: TestEngine.available)
    func boardPageSection(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let cast = try await app.forumCast()
            try await app.suspend(cast.classmate, on: cast.boardID, by: cast.owner, reporter: cast.student)
            let liftAction = "/boards/\(cast.boardID)/suspensions/\(cast.classmate.id)/lift"
            let student = Browser(app)
            try await CoursePagesTests.signIn(student, cast.student)
            let seen = try await student.get("/boards/\(cast.boardID)").text
            #expect(!seen.contains("data-testid=\"board-suspensions\""))
            #expect(!seen.contains(liftAction))
            #expect(try await student.post(liftAction, form: [:]).status == .forbidden)

            let owner = Browser(app)
            try await CoursePagesTests.signIn(owner, cast.owner)
            let page = try await owner.get("/boards/\(cast.boardID)").text
            #expect(page.contains("data-testid=\"board-suspensions\""))
            #expect(page.contains("Test Classmate"))
            #expect(page.contains("action=\"\(liftAction)\""))
            let lifted = try await owner.post(liftAction, form: [:])
            #expect(lifted.status == .seeOther)
            #expect(lifted.headers[.location] == "/boards/\(cast.boardID)?done=lifted")
            let after = try await owner.get("/boards/\(cast.boardID)?done=lifted").text
            #expect(after.contains("The suspension is lifted."))
            #expect(!after.contains(liftAction))
            #expect(after.contains("No one is suspended."))
            #expect(try await owner.post(liftAction, form: [:]).status == .notFound)
            _ = try await app.startThread(on: cast.boardID, as: cast.classmate, title: "Posting again")
        }
    }
}

extension TestApp {
    /// Suspends `user` from the board the way staff do: `reporter` reports a thread of theirs and `staff`
    /// resolve the report with `suspend`.
    func suspend(_ user: APIUser, on boardID: String, by staff: APIUser, reporter: APIUser) async throws {
        let threadID = try await startThread(on: boardID, as: user, title: "Something rude")
        let filed = try await request(.post, "/api/v1/threads/\(threadID)/report", json: ["reason": "Rude"], token: reporter.accessToken)
        let reportID = try #require((filed.json["report"] as? [String: Any])?["id"] as? String)
        let resolved = try await request(.post, "/api/v1/moderation/reports/\(reportID)", json: ["action": "suspend"], token: staff.accessToken)
        try #require(resolved.status == .ok, "suspend: \(resolved.text)")
    }
}
