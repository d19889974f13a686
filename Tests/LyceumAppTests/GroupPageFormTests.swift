import Foundation
import HTTPTypes
import LyceumApp
import LyceumContracts
import LyceumCore
import LyceumTestSupport
import Testing

/// Refused group and announcement forms come back as their page (422) with the error at the field and what was typed.
extension GroupPagesTests {
    @Test("a refused group form comes back with the error at its field and every typed value", arguments: TestEngine.available)
    func refusedGroupForms(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let teacher = try await app.account(role: .instructor)
            let course = try await app.buildCourse(owner: teacher, modules: 1, lessonsPerModule: 1)
            let owner = try await app.register(name: "Form Owner")
            let browser = Browser(app)
            try await CoursePagesTests.signIn(browser, owner)
            let typed = ["description": "Quiet <Otters> & co", "visibility": "request", "memberLimit": "12"]

            let blank = try await browser.post("/groups", form: typed.merging(["name": "  "]) { $1 })
            #expect(blank.status == .unprocessableContent)
            #expect(blank.text.contains("Give the group a name of 1 to 100 characters."))
            #expect(blank.text.contains("aria-describedby=\"group-name-error\""))
            #expect(blank.text.contains(">Quiet &lt;Otters&gt; &amp; co</textarea>"))
            #expect(blank.text.contains("<option value=\"request\" selected>"))
            #expect(blank.text.contains("value=\"12\""))
            #expect(blank.text.contains("name=\"_csrf\""))

            let tooLarge = try await browser.post("/groups", form: ["name": "Owls <at> night", "memberLimit": "9999"])
            #expect(tooLarge.status == .unprocessableContent)
            #expect(tooLarge.text.contains("A group holds 2 to 500 members."))
            #expect(tooLarge.text.contains("value=\"Owls &lt;at&gt; night\""))
            #expect(tooLarge.text.contains("value=\"9999\" aria-invalid=\"true\" aria-describedby=\"group-limit-error\""))

            let notTaken = try await browser.post("/groups", form: ["name": "Course club", "courseId": course.slug, "memberLimit": "20"])
            #expect(notTaken.status == .unprocessableContent)
            #expect(notTaken.text.contains("Link a course you take or teach."))
            #expect(notTaken.text.contains("value=\"\(course.slug)\" aria-invalid=\"true\" aria-describedby=\"group-course-error\""))

            let created = try await browser.post("/groups", form: typed.merging(["name": "Quiet Otters"]) { $1 })
            #expect(created.status == .seeOther)
            let location = try #require(created.headers[.location])

            // The settings come back with the typed values; the crumbs keep the stored name.
            let settings = try await browser.post(
                "\(location)/edit", form: ["name": "", "description": "Dawn <notes>", "visibility": "invite", "memberLimit": "1"]
            )
            #expect(settings.status == .unprocessableContent)
            #expect(settings.text.contains("Give the group a name of 1 to 100 characters."))
            #expect(settings.text.contains("A group holds 2 to 500 members."))
            #expect(settings.text.contains(">Dawn &lt;notes&gt;</textarea>"))
            #expect(settings.text.contains("<option value=\"invite\" selected>"))
            #expect(settings.text.contains("value=\"1\" aria-invalid=\"true\""))
            #expect(settings.text.contains(">Quiet Otters</a>"))
            #expect(settings.text.contains("name=\"_csrf\""))
            #expect(try await browser.post("\(location)/edit", form: ["name": "Loud Otters", "visibility": "open", "memberLimit": "lots"]).status
                == .unprocessableContent)
            #expect(try await browser.post("\(location)/edit", form: ["name": "Loud Otters", "visibility": "open", "memberLimit": "30"]).status
                == .seeOther)

            // An unknown name comes back at the invite form.
            let unknown = try await browser.post("\(location)/invites", form: ["name": "Nobody <Here>"])
            #expect(unknown.status == .unprocessableContent)
            #expect(unknown.text.contains("No active user is called “Nobody &lt;Here&gt;”."))
            #expect(unknown.text.contains("value=\"Nobody &lt;Here&gt;\" aria-invalid=\"true\" aria-describedby=\"invite-name-error\""))
            #expect(unknown.text.contains("data-testid=\"invite-form\""))
            _ = try await app.register(name: "Real Invitee")
            #expect(try await browser.post("\(location)/invites", form: ["name": "Real Invitee"]).status == .seeOther)
        }
    }

    @Test("a refused announcement edit comes back with the error at its field and the typed values", arguments: TestEngine.available)
    func refusedAnnouncementEdit(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let teacher = try await app.account(role: .instructor)
            let course = try await app.buildCourse(owner: teacher, modules: 1, lessonsPerModule: 1)
            let posted = try await app.request(
                .post, "/api/v1/courses/\(course.id)/announcements", json: ["title": "Typo", "body": "Txet"], token: teacher.accessToken
            )
            let id = try #require((posted.json["announcement"] as? [String: Any])?["id"] as? String)
            let staff = Browser(app)
            try await CoursePagesTests.signIn(staff, teacher)
            let path = "/courses/\(course.slug)/announcements/\(id)"

            let blank = try await staff.post(path, form: ["title": "", "body": "Keep <this> & that", "pinned": "true"])
            #expect(blank.status == .unprocessableContent)
            #expect(blank.text.contains("Give the announcement a title of 1 to 200 characters."))
            #expect(blank.text.contains("aria-describedby=\"announcement-title-error\""))
            #expect(blank.text.contains(">Keep &lt;this&gt; &amp; that</textarea>"))
            #expect(blank.text.contains("value=\"true\" checked"))
            #expect(blank.text.contains("name=\"_csrf\""))

            let badTime = try await staff.post(path, form: ["title": "Fixed <typo>", "body": "Text", "publishAt": "soonish"])
            #expect(badTime.status == .unprocessableContent)
            #expect(badTime.text.contains("Give the time as YYYY-MM-DDTHH:MM (UTC)."))
            #expect(badTime.text.contains("value=\"Fixed &lt;typo&gt;\""))
            #expect(badTime.text.contains("value=\"soonish\" aria-invalid=\"true\" aria-describedby=\"announcement-time-error\""))

            let invalid = try await staff.post("/courses/\(course.slug)/announcements", form: ["title": "Draft <one>", "body": ""])
            #expect(invalid.status == .unprocessableContent)
            #expect(invalid.text.contains("value=\"Draft &lt;one&gt;\""))
            #expect(invalid.text.contains("aria-describedby=\"announcement-body-error\""))

            #expect(try await staff.post(path, form: ["title": "Fixed", "body": "Text"]).status == .seeOther)
        }
    }
}
