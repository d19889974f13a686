import Foundation
import HTTPTypes
import Identity
import LyceumApp
import LyceumContracts
import LyceumCore
import LyceumPlatform
import LyceumTestSupport
import Testing

@Suite("Course pages")
struct CoursePagesTests {
    static func signIn(_ browser: Browser, _ user: APIUser) async throws {
        _ = try await browser.get("/signin")
        let reply = try await browser.post("/signin", form: ["email": user.email, "password": user.password])
        try #require(reply.status == .seeOther)
    }

    @Test("a student searches, enrolls, completes a lesson and passes a quiz in the pages", arguments: TestEngine.available)
    func learnerJourney(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let teacher = try await app.account(role: .instructor)
            let (course, quizID, quiz) = try await QuizzesTests.courseWithQuiz(app, owner: teacher)
            let student = try await app.register(name: "Page Learner")
            let browser = Browser(app)
            try await Self.signIn(browser, student)

            let title = try #require(try await app.request(.get, "/api/v1/courses/\(course.id)").json["course"] as? [String: Any])["title"] as? String
            let search = try await browser.get("/courses?q=\(title?.split(separator: " ").last ?? "")")
            #expect(search.status == .ok)
            #expect(search.text.contains("/courses/\(course.slug)"))

            let page = try await browser.get("/courses/\(course.slug)")
            #expect(page.text.contains("Enroll for free"))
            #expect(try await browser.post("/courses/\(course.slug)/enroll", form: [:]).status == .seeOther)
            let enrolled = try await browser.get("/courses/\(course.slug)")
            #expect(enrolled.text.contains("value=\"0\""))

            let lesson = try await browser.get("/courses/\(course.slug)/lessons/\(course.lessonIDs[0])")
            #expect(lesson.text.contains("Mark as complete"))
            #expect(try await browser.post("/courses/\(course.slug)/lessons/\(course.lessonIDs[0])/completion", form: ["completed": "true"]).status == .seeOther)
            let after = try await browser.get("/courses/\(course.slug)/lessons/\(course.lessonIDs[0])")
            #expect(after.text.contains("<strong data-testid=\"progress-percent\">100%</strong>"))

            let started = try await browser.post("/courses/\(course.slug)/quizzes/\(quizID)/start", form: [:])
            let attemptPath = try #require(started.headers[.location])
            let sheet = try await browser.get(attemptPath)
            #expect(sheet.text.contains("Closest star?"))
            #expect(!sheet.text.contains("correct"))
            var form: [String: String] = [:]
            for (id, answer) in try QuizzesTests.rightAnswers(quiz) {
                switch answer {
                case let options as [String]: for option in options { form["q.\(id).\(option)"] = option }
                case let truth as Bool: form["q.\(id)"] = truth ? "true" : "false"
                default: form["q.\(id)"] = "\(answer)"
                }
            }
            let submitted = try await browser.post("\(attemptPath)/submit", form: form)
            #expect(submitted.status == .seeOther)
            #expect(submitted.headers[.location] == attemptPath)
            let result = try await browser.get(attemptPath)
            #expect(result.text.contains("You scored 6 of 6 (100%): passed"))
            let done = try await browser.get("/courses/\(course.slug)")
            #expect(done.text.contains("Course complete"))
            #expect(done.text.contains("/certificates/"))
            let learning = try await browser.get("/learning")
            #expect(learning.text.contains(course.slug))
        }
    }

    @Test("instructors build a course in the editor; students and strangers cannot", arguments: TestEngine.available)
    func editorJourney(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let teacher = try await app.account(role: .instructor)
            let browser = Browser(app)
            try await Self.signIn(browser, teacher)
            #expect(try await browser.get("/teach").status == .ok)
            let created = try await browser.post("/teach/courses", form: ["title": "Knots for Sailors", "summary": "Tie them well.", "category": "Outdoors"])
            #expect(created.headers[.location] == "/teach/courses/knots-for-sailors")
            #expect(try await browser.post("/teach/courses/knots-for-sailors/modules", form: ["title": "Basics"]).status == .seeOther)
            let editor = try await browser.get("/teach/courses/knots-for-sailors")
            let moduleID = try #require(editor.text.range(of: #"modules/([0-9a-f-]{36})/lessons"#, options: .regularExpression).map {
                String(editor.text[$0].dropFirst("modules/".count).prefix(36))
            })
            for title in ["Reef knot", "Bowline"] {
                let added = try await browser.post(
                    "/teach/courses/knots-for-sailors/modules/\(moduleID)/lessons",
                    form: ["title": title, "body": "Tie a **\(title)**.<script>x</script>", "estimatedMinutes": "5"]
                )
                #expect(added.status == .seeOther)
            }
            let quiz = try await browser.post(
                "/teach/courses/knots-for-sailors/modules/\(moduleID)/quizzes",
                form: QuizForm(title: "Knot quiz", passingScore: "50", questions: [.choice("Best loop knot?", ["Reef knot", "Bowline"], right: [1])]).fields
            )
            #expect(quiz.status == .seeOther)
            var imported = QuizForm(title: "Bad", questions: [])
            imported.extra = ["importText": "no question mark", "action": "import"]
            let badQuiz = try await browser.post("/teach/courses/knots-for-sailors/modules/\(moduleID)/quizzes", form: imported.fields)
            #expect(badQuiz.status == .unprocessableContent)
            #expect(badQuiz.text.contains("question 1 must start"))
            #expect(badQuiz.text.contains("no question mark"))

            let outline = try await app.request(.get, "/api/v1/courses/knots-for-sailors", token: teacher.accessToken)
            let lessons = ((outline.json["modules"] as? [[String: Any]])?.first?["lessons"] as? [[String: Any]])?.compactMap { $0["id"] as? String } ?? []
            #expect(lessons.count == 2)
            #expect(try await browser.post("/teach/courses/knots-for-sailors/move", form: ["lesson": lessons[1], "direction": "up"]).status == .seeOther)
            let moved = try await app.request(.get, "/api/v1/courses/knots-for-sailors", token: teacher.accessToken)
            #expect(((moved.json["modules"] as? [[String: Any]])?.first?["lessons"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == [lessons[1], lessons[0]])

            let preview = try await browser.post("/markdown-preview", form: ["markdown": "# Hi <script>"])
            #expect(preview.text == "<h1>Hi &lt;script&gt;</h1>\n")
            #expect(try await browser.post("/teach/courses/knots-for-sailors/status", form: ["status": "published"]).status == .seeOther)
            #expect(try await app.request(.get, "/api/v1/courses?q=bowline").items.count == 1)
            #expect(try await browser.get("/teach/courses/knots-for-sailors/gradebook").status == .ok)
            let csv = try await browser.get("/teach/courses/knots-for-sailors/gradebook.csv")
            #expect(csv.text.hasPrefix("\u{FEFF}Student,Email,Student ID"))

            let student = try await app.register()
            let other = Browser(app)
            try await Self.signIn(other, student)
            #expect(try await other.get("/teach").status == .forbidden)
            #expect(try await other.get("/teach/courses/knots-for-sailors").status == .forbidden)
            #expect(try await other.post("/teach/courses/knots-for-sailors", form: ["title": "Hijacked", "price": "0"]).status == .forbidden)
            #expect(try await other.get("/teach/courses/knots-for-sailors/gradebook").status == .forbidden)
            #expect(try await other.post("/teach/courses/knots-for-sailors/modules", form: ["title": "x"], csrf: "").status == .forbidden)
        }
    }

    @Test("the demo school seeds a living catalog once")
    func demoSchool() async throws {
        try await TestApp.run(.sqlite) { app in
            let summary = try await DemoSchool.seed(app.services)
            #expect(summary.courses.count == 3)
            #expect(summary.students.count == 12)
            let catalog = try await app.request(.get, "/api/v1/courses")
            #expect(catalog.items.count == 3)
            #expect(catalog.items.allSatisfy { ($0["enrollmentCount"] as? Int ?? 0) > 0 })
            let admin = try await app.login(summary.admin, password: DemoSchool.password)
            let astronomy = try #require(catalog.items.first { ($0["title"] as? String)?.contains("Astronomy") == true }?["id"] as? String)
            let book = try await app.request(.get, "/api/v1/courses/\(astronomy)/gradebook", token: admin.accessToken)
            let rows = try #require(book.json["rows"] as? [[String: Any]])
            #expect(rows.contains { (($0["grades"] as? [[String: Any]])?.first?["passed"] as? Bool) == true })
            #expect(rows.contains { (($0["progress"] as? [String: Any])?["percent"] as? Int ?? 0) < 100 })
            #expect(try await DemoSchool.isEmpty(app.services) == false)
            await #expect(throws: AppError.self) { _ = try await DemoSchool.seed(app.services) }
        }
    }
}
