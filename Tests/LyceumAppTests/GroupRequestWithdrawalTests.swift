import Foundation
import HTTPTypes
import LyceumApp
import LyceumContracts
import LyceumTestSupport
import Testing

@Suite("Study group requests withdrawn and the directory's course filter")
struct GroupRequestWithdrawalTests {
    @Test("a requester withdraws their request: moderators no longer see it, and they may ask again", arguments: TestEngine.available)
    func withdrawByAPI(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let owner = try await app.register(name: "Owner")
            let asker = try await app.register(name: "Asker")
            let stranger = try await app.register(name: "Stranger")
            let group = try await app.createGroup(owner, extra: ["visibility": "request"])
            #expect(try await app.request(.delete, "/api/v1/groups/\(group)/requests", token: nil).status == .unauthorized)
            let none = try await app.request(.delete, "/api/v1/groups/\(group)/requests", token: stranger.accessToken)
            #expect(none.status == .notFound)
            #expect(none.errorCode == "not_found")
            #expect(try await app.request(.delete, "/api/v1/groups/\(group)/requests", token: owner.accessToken).status == .notFound)
            #expect(try await app.request(.delete, "/api/v1/groups/unknown/requests", token: asker.accessToken).status == .notFound)

            #expect(try await app.request(.post, "/api/v1/groups/\(group)/requests", json: ["message": "Hi"], token: asker.accessToken).status == .created)
            #expect(try await app.request(.get, "/api/v1/groups/\(group)/requests", token: owner.accessToken).items.count == 1)
            #expect(try await app.request(.delete, "/api/v1/groups/\(group)/requests", token: asker.accessToken).status == .noContent)
            #expect(try await app.request(.get, "/api/v1/groups/\(group)/requests", token: owner.accessToken).items.isEmpty)
            #expect(try await app.request(.get, "/api/v1/groups/\(group)", token: asker.accessToken).json["myPending"] is NSNull)
            #expect(try await app.request(.delete, "/api/v1/groups/\(group)/requests", token: asker.accessToken).status == .notFound, "only once")

            let again = try await app.request(.post, "/api/v1/groups/\(group)/requests", json: [:], token: asker.accessToken)
            #expect(again.status == .created, "a new request after withdrawing")
            let listed = try await app.request(.get, "/api/v1/groups/\(group)/requests", token: owner.accessToken)
            #expect(listed.items.map { $0["displayName"] as? String } == ["Asker"])

            // An invitation is not a request: the invitee declines it instead.
            let invited = try await app.createGroup(owner, extra: ["visibility": "invite"])
            #expect(try await app.request(.post, "/api/v1/groups/\(invited)/invites", json: ["userId": stranger.id], token: owner.accessToken).status == .created)
            #expect(try await app.request(.delete, "/api/v1/groups/\(invited)/requests", token: stranger.accessToken).status == .notFound)
            #expect(try await app.request(.get, "/api/v1/groups/\(invited)/invites", token: owner.accessToken).items.count == 1)
        }
    }

    @Test("the group page offers a pending requester to withdraw, and says it was done", arguments: TestEngine.available)
    func withdrawInPage(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let owner = try await app.register(name: "Owner")
            let asker = try await app.register(name: "Page Asker")
            let group = try await app.createGroup(owner, name: "Quiet Room", extra: ["visibility": "request"])
            let browser = Browser(app)
            try await CoursePagesTests.signIn(browser, asker)
            let location = "/groups/\(group)"
            #expect(!(try await browser.get(location).text.contains("data-testid=\"withdraw-request\"")))
            #expect(try await browser.post("\(location)/withdraw", form: [:]).status == .notFound)
            #expect(try await browser.post("\(location)/join", form: ["message": "Let me in"]).status == .seeOther)
            let pending = try await browser.get(location)
            #expect(pending.text.contains("data-testid=\"withdraw-request\""))
            #expect(pending.text.contains("action=\"\(location)/withdraw\""))
            #expect(try await browser.post("\(location)/withdraw", form: [:], csrf: "").status == .forbidden, "the form carries the CSRF token")

            let withdrawn = try await browser.post("\(location)/withdraw", form: [:])
            #expect(withdrawn.status == .seeOther)
            #expect(withdrawn.headers[.location] == location)
            let after = try await browser.get(location)
            #expect(after.text.contains("You withdrew your request to join “Quiet Room”."))
            #expect(after.text.contains("data-testid=\"request-join\""))
            #expect(!after.text.contains("data-testid=\"withdraw-request\""))
            #expect(!(try await browser.get(location).text.contains("You withdrew")), "the notice shows once")

            let moderator = Browser(app)
            try await CoursePagesTests.signIn(moderator, owner)
            let ownerPage = try await moderator.get(location)
            #expect(!ownerPage.text.contains("Page Asker"))
            #expect(ownerPage.text.contains("No pending requests."))
        }
    }

    @Test("the directory filters by course, in the API and in the page", arguments: TestEngine.available)
    func courseFilter(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let teacher = try await app.account(role: .instructor)
            let physics = try await app.buildCourse(owner: teacher, title: "Physics Basics", modules: 1, lessonsPerModule: 1)
            let chemistry = try await app.buildCourse(owner: teacher, title: "Chemistry Basics", modules: 1, lessonsPerModule: 1)
            let unused = try await app.buildCourse(owner: teacher, title: "Unused Course", modules: 1, lessonsPerModule: 1)
            let student = try await app.register(name: "Student")
            let physicsGroup = try await app.createGroup(teacher, name: "Physics Circle", extra: ["courseId": physics.id])
            let chemistryGroup = try await app.createGroup(teacher, name: "Chemistry Lab", extra: ["courseId": chemistry.id])
            let secret = try await app.createGroup(teacher, name: "Secret Physics", extra: ["courseId": physics.id, "visibility": "invite"])
            let loose = try await app.createGroup(teacher, name: "Loose Group")

            func ids(_ query: String, _ user: APIUser) async throws -> [String] {
                try await app.request(.get, "/api/v1/groups\(query)", token: user.accessToken).itemIDs
            }
            #expect(try await ids("?course=\(physics.id)", student) == [physicsGroup])
            #expect(Set(try await ids("?course=\(physics.id)", teacher)) == [secret, physicsGroup], "invite groups for their members")
            #expect(try await ids("?course=\(chemistry.id)&q=lab", student) == [chemistryGroup])
            #expect(try await ids("?course=\(chemistry.id)&q=circle", student).isEmpty)
            #expect(try await ids("?course=\(unused.id)", student).isEmpty)
            #expect(try await ids("?course=no-such-course", student).isEmpty)
            #expect(Set(try await ids("?course=", student)) == [physicsGroup, chemistryGroup, loose], "an empty course does not filter")
            for malformed in [String(repeating: "x", count: 101), "%00", "a%0Ab", "%27%20OR%201%3D1"] {
                let reply = try await app.request(.get, "/api/v1/groups?course=\(malformed)", token: student.accessToken)
                #expect(reply.status.code < 500, "course=\(malformed) answered \(reply.status)")
            }
            #expect(try await app.request(.get, "/api/v1/groups?course=\(String(repeating: "x", count: 101))", token: student.accessToken).errorCode == "invalid_query")

            let browser = Browser(app)
            try await CoursePagesTests.signIn(browser, student)
            let all = try await browser.get("/groups")
            #expect(all.text.contains("data-testid=\"course-filter\""))
            #expect(all.text.contains("<option value=\"\(physics.id)\">Physics Basics</option>"))
            #expect(all.text.contains("<option value=\"\(chemistry.id)\">Chemistry Basics</option>"))
            #expect(!all.text.contains("Unused Course"), "only courses with groups are offered")
            let physicsPage = try await browser.get("/groups?q=&course=\(physics.id)")
            #expect(physicsPage.text.contains("/groups/\(physicsGroup)"))
            #expect(!physicsPage.text.contains("/groups/\(chemistryGroup)"))
            #expect(!physicsPage.text.contains("/groups/\(loose)"))
            #expect(!physicsPage.text.contains("/groups/\(secret)"))
            #expect(physicsPage.text.contains("<option value=\"\(physics.id)\" selected>Physics Basics</option>"))
            let searched = try await browser.get("/groups?q=circle&course=\(chemistry.id)")
            #expect(searched.text.contains("No groups found."))
            #expect(searched.text.contains("value=\"circle\""), "the search text is kept")
            #expect(try await browser.get("/groups?course=nothing").text.contains("No groups found."))
            #expect(try await browser.get("/groups?course=%00").status.code < 500)
        }
    }
}
