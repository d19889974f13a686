import Foundation
import HTTPTypes
import LyceumApp
import LyceumContracts
import LyceumTestSupport
import Testing

/// Defects found by trying the pages as a new user would, each pinned down.
@Suite("Page defects")
struct PageDefectTests {
    @Test("optional values never render as present", arguments: TestEngine.available)
    func absentValues(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let owner = try await app.account(role: .instructor)
            let course = try await app.buildCourse(owner: owner, modules: 1, lessonsPerModule: 1)
            let quiz = try await app.request(
                .post, "/api/v1/courses/\(course.id)/quizzes",
                json: ["moduleId": course.moduleIDs[0], "title": "Untimed", "passingScore": 60, "questions": [
                    ["kind": "true_false", "prompt": "Is water wet?", "truth": true],
                ] as [[String: any Sendable]]] as [String: any Sendable],
                token: owner.accessToken
            )
            try #require(quiz.status == .created, "\(quiz.text)")
            let quizID = try #require((quiz.json["quiz"] as? [String: Any])?["id"] as? String)
            let student = try await app.register()
            let browser = Browser(app)
            _ = try await browser.get("/signin")
            _ = try await browser.post("/signin", form: ["email": student.email, "password": student.password])

            let page = try await browser.get("/courses/\(course.slug)")
            #expect(page.text.contains("Enroll for free"))
            #expect(!page.text.contains("Sign in to enroll"), "a signed-in student was asked to sign in")
            _ = try await browser.post("/courses/\(course.slug)/enroll", form: [:])

            let lesson = try await browser.get("/courses/\(course.slug)/lessons/\(course.lessonIDs[0])")
            #expect(lesson.status == .ok)
            #expect(!lesson.text.contains("Watch the video"), "a lesson without a video offered one")

            let quizPage = try await browser.get("/courses/\(course.slug)/quizzes/\(quizID)")
            #expect(quizPage.text.contains("<li>Pass with 60%</li>"), "\(quizPage.text)")
            #expect(quizPage.text.contains("<li>No time limit</li>"))
            #expect(quizPage.text.contains("Unlimited attempts"))
            #expect(!quizPage.text.contains("nil"))

            let teacher = Browser(app)
            _ = try await teacher.get("/signin")
            _ = try await teacher.post("/signin", form: ["email": owner.email, "password": owner.password])
            let gradebook = try await teacher.get("/teach/courses/\(course.slug)/gradebook")
            #expect(gradebook.status == .ok)
            #expect(!gradebook.text.contains("nil"), "the gradebook shows nil for a student without attempts")
            #expect(gradebook.text.contains("—"))

            let visitor = Browser(app)
            let anonymous = try await visitor.get("/courses/\(course.slug)")
            #expect(anonymous.text.contains("href=\"/signin?next=/courses/\(course.slug)\""))
            #expect(!anonymous.text.contains("Enroll for free"))
        }
    }

    @Test("the signed-in home page is a dashboard: continue learning, my courses, what is due", arguments: TestEngine.available)
    func dashboard(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let owner = try await app.account(role: .instructor)
            let course = try await app.buildCourse(owner: owner, title: "Dashboards 101", modules: 1, lessonsPerModule: 2)
            _ = try await app.request(
                .post, "/api/v1/courses/\(course.id)/quizzes",
                json: ["moduleId": course.moduleIDs[0], "title": "Final check", "passingScore": 50, "maxAttempts": 2, "questions": [
                    ["kind": "true_false", "prompt": "Ready?", "truth": true],
                ] as [[String: any Sendable]]] as [String: any Sendable],
                token: owner.accessToken
            )
            let student = try await app.register()
            _ = try await app.request(.post, "/api/v1/courses/\(course.id)/enrollment", token: student.accessToken)
            _ = try await app.request(
                .put, "/api/v1/courses/\(course.id)/lessons/\(course.lessonIDs[0])/completion", token: student.accessToken
            )
            let browser = Browser(app)
            let visitorHome = try await browser.get("/")
            #expect(visitorHome.text.contains("Create your account"))
            _ = try await browser.post("/signin", form: ["email": student.email, "password": student.password])
            let home = try await browser.get("/")
            #expect(home.text.contains("Welcome back, Test Student"))
            #expect(home.text.contains("Continue learning"))
            #expect(home.text.contains("href=\"/courses/\(course.slug)/lessons/\(course.lessonIDs[0])\""))
            #expect(home.text.contains("Dashboards 101"))
            #expect(home.text.contains("Final check"))
            #expect(home.text.contains("2 attempts left"))
            #expect(!home.text.contains("Your profile</a></p>"), "the dashboard still has the marketing page's profile button")
            #expect(!home.text.contains("video calls"), "the home page promises video calls that do not exist")
            #expect(!visitorHome.text.contains("video calls"))
        }
    }
}
