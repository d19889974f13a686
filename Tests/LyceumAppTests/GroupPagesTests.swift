import Community
import Foundation
import HTTPTypes
import LyceumApp
import LyceumContracts
import LyceumCore
import LyceumTestSupport
import Testing

@Suite("Study group and announcement pages")
struct GroupPagesTests {
    @Test("a learner creates a group in the pages; another joins, is promoted, and the owner invites by name", arguments: TestEngine.available)
    func groupPages(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let owner = try await app.register(name: "Page Owner")
            let joiner = try await app.register(name: "Page Joiner")
            let twinA = try await app.register(name: "Sam Same")
            let twinB = try await app.register(name: "sam same")
            let ownerBrowser = Browser(app)
            try await CoursePagesTests.signIn(ownerBrowser, owner)
            #expect(try await Browser(app).get("/groups").status == .seeOther, "visitors are sent to sign in")

            let directory = try await ownerBrowser.get("/groups")
            #expect(directory.status == .ok)
            #expect(directory.text.contains("data-testid=\"create-group\""))
            let created = try await ownerBrowser.post(
                "/groups", form: ["name": "Night <Owls>", "description": "We read late.", "visibility": "open", "memberLimit": "5"]
            )
            #expect(created.status == .seeOther)
            let location = try #require(created.headers[.location])
            let groupID = String(location.dropFirst("/groups/".count))
            let page = try await ownerBrowser.get(location)
            #expect(page.text.contains("Night &lt;Owls&gt;"))
            #expect(!page.text.contains("<Owls>"))
            #expect(page.text.contains("data-testid=\"group-feed\""))
            #expect(page.text.contains("data-testid=\"invite-form\""))

            let joinerBrowser = Browser(app)
            try await CoursePagesTests.signIn(joinerBrowser, joiner)
            #expect(try await joinerBrowser.get("/groups?q=owls").text.contains(location))
            let before = try await joinerBrowser.get(location)
            #expect(before.text.contains("data-testid=\"join-group\""))
            #expect(!before.text.contains("data-testid=\"invite-form\""))
            #expect(try await joinerBrowser.post("\(location)/join", form: [:]).status == .seeOther)
            #expect(try await joinerBrowser.get(location).text.contains("data-testid=\"leave-group\""))

            #expect(try await joinerBrowser.post("\(location)/members/\(joiner.id)/role", form: ["role": "moderator"]).status == .forbidden)
            #expect(try await ownerBrowser.post("\(location)/members/\(joiner.id)/role", form: ["role": "moderator"]).status == .seeOther)
            #expect(try await app.request(.get, "/api/v1/groups/\(groupID)", token: joiner.accessToken).json["myRole"] as? String == "moderator")

            // Two users share the typed name: the owner picks one.
            let pick = try await ownerBrowser.post("\(location)/invites", form: ["name": "SAM SAME"])
            #expect(pick.status == .ok)
            #expect(pick.text.contains(twinA.id) && pick.text.contains(twinB.id))
            #expect(try await ownerBrowser.post("\(location)/invites", form: ["userId": twinB.id]).status == .seeOther)
            #expect(try await ownerBrowser.post("\(location)/invites", form: ["name": "Nobody Here"]).status == .unprocessableContent)
            let invitee = Browser(app)
            try await CoursePagesTests.signIn(invitee, twinB)
            #expect(try await invitee.get("/groups").text.contains("data-testid=\"accept-invite\""))

            // Leaving asks first; the owner hands over with a confirmation.
            let confirm = try await joinerBrowser.get("\(location)/leave")
            #expect(confirm.text.contains("data-testid=\"confirm-leave\""))
            #expect(try await ownerBrowser.get("\(location)/members/\(joiner.id)/transfer").text.contains("data-testid=\"confirm-transfer\""))
            #expect(try await ownerBrowser.post("\(location)/members/\(joiner.id)/transfer", form: ["confirm": "yes"]).status == .seeOther)
            #expect(try await ownerBrowser.post("\(location)/leave", form: ["confirm": "yes"]).status == .seeOther)
            #expect(try await app.service.groupMemberIDs(groupID: groupID) == [joiner.id])

            // The new owner changes the settings and deletes the group after confirming.
            #expect(try await ownerBrowser.get("\(location)/edit").status == .forbidden, "the former owner no longer manages the group")
            let settings = try await joinerBrowser.get("\(location)/edit")
            #expect(settings.text.contains("data-testid=\"save-group\""))
            let saved = try await joinerBrowser.post(
                "\(location)/edit", form: ["name": "Early Birds", "description": "Mornings.", "visibility": "request", "memberLimit": "8"]
            )
            #expect(saved.status == .seeOther)
            #expect(try await joinerBrowser.get(location).text.contains("Early Birds"))
            #expect(try await joinerBrowser.post("\(location)/edit", form: ["name": "X", "visibility": "open", "memberLimit": "1"]).status == .unprocessableContent)
            #expect(try await joinerBrowser.get("\(location)/delete").text.contains("data-testid=\"confirm-delete-group\""))
            #expect(try await joinerBrowser.post("\(location)/delete", form: ["confirm": "yes"]).status == .seeOther)
            #expect(try await joinerBrowser.get(location).status == .notFound)
        }
    }

    @Test("announcements show on the course page and dashboard for the course's students, never to visitors; staff write them in a page", arguments: TestEngine.available)
    func announcementPanels(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let teacher = try await app.account(role: .instructor)
            let course = try await app.buildCourse(owner: teacher, modules: 1, lessonsPerModule: 1)
            let student = try await app.register(name: "Panel Student")
            _ = try await app.request(.post, "/api/v1/courses/\(course.id)/enrollment", token: student.accessToken)

            let staff = Browser(app)
            try await CoursePagesTests.signIn(staff, teacher)
            let writePage = try await staff.get("/courses/\(course.slug)/announcements")
            #expect(writePage.text.contains("data-testid=\"post-announcement\""))
            let invalid = try await staff.post("/courses/\(course.slug)/announcements", form: ["title": "", "body": ""])
            #expect(invalid.status == .unprocessableContent)
            #expect(try await staff.post(
                "/courses/\(course.slug)/announcements", form: ["title": "Office hours", "body": "Thursday <b onclick=x>late</b>", "pinned": "true"]
            ).status == .seeOther)
            let listed = try await staff.get("/courses/\(course.slug)/announcements")
            #expect(listed.text.contains("Office hours"))
            #expect(!listed.text.contains("<b onclick"), "raw HTML in Markdown is escaped")

            let learner = Browser(app)
            try await CoursePagesTests.signIn(learner, student)
            let coursePage = try await learner.get("/courses/\(course.slug)")
            #expect(coursePage.text.contains("data-testid=\"course-announcements\""))
            #expect(coursePage.text.contains("Office hours"))
            #expect(!coursePage.text.contains("data-testid=\"manage-announcements\""))
            let dashboard = try await learner.get("/")
            #expect(dashboard.text.contains("data-testid=\"dashboard-announcements\""))
            #expect(dashboard.text.contains("Office hours"))
            #expect(!(try await learner.get("/courses/\(course.slug)/announcements").text.contains("data-testid=\"post-announcement\"")))
            #expect(try await learner.post("/courses/\(course.slug)/announcements", form: ["title": "Me", "body": "Too"]).status == .forbidden)

            let visitor = try await Browser(app).get("/courses/\(course.slug)")
            #expect(visitor.status == .ok)
            #expect(!visitor.text.contains("Office hours"))
            #expect(try await staff.get("/courses/\(course.slug)").text.contains("data-testid=\"manage-announcements\""))
        }
    }
}
