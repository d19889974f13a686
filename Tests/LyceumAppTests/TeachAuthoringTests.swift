import Foundation
import HTTPTypes
import LyceumContracts
import LyceumTestSupport
import Testing

/// The instructor's authoring pages: the quiz form editor, editing, hiding and deleting items with
/// confirmation, prices as money and addresses for titles in any script.
@Suite("Course authoring pages")
struct TeachAuthoringTests {
    /// A signed-in instructor's browser with a draft course of one module (two lessons).
    static func teacherWithCourse(_ app: TestApp) async throws -> (APIUser, Browser, BuiltCourse) {
        let teacher = try await app.account(role: .instructor)
        let course = try await app.buildCourse(owner: teacher, modules: 1, lessonsPerModule: 2, lessonTitles: ["Orbits", "Tides"])
        let browser = Browser(app)
        try await CoursePagesTests.signIn(browser, teacher)
        return (teacher, browser, course)
    }

    @Test("the quiz editor adds, moves and removes questions and options without losing anything typed", arguments: TestEngine.available)
    func quizEditorKeepsWork(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let (teacher, browser, course) = try await Self.teacherWithCourse(app)
            let base = "/teach/courses/\(course.slug)/modules/\(course.moduleIDs[0])/quizzes"
            let blank = try await browser.get(base + "/new")
            #expect(blank.status == .ok)
            #expect(blank.text.contains("<legend>Question 1</legend>"))
            #expect(blank.text.contains("<title>New quiz · "))

            var form = QuizForm(
                title: "Sky check", passingScore: "150",
                questions: [.choice("Which is a planet?", ["Mars", "Sirius"], right: [0]), .truth("The Moon makes its own light.", false)]
            )
            form.extra["action"] = "add-question"
            let added = try await browser.post(base, form: form.fields)
            #expect(added.status == .ok)
            #expect(added.text.contains("Which is a planet?"))
            #expect(added.text.contains("The Moon makes its own light."))
            #expect(added.text.contains("<legend>Question 3</legend>"))
            #expect(added.text.contains(#"id="q2-prompt" name="q2.prompt" rows="2" autofocus"#))

            form.extra["action"] = "add-option:0"
            let withOption = try await browser.post(base, form: form.fields)
            #expect(withOption.text.contains(#"name="q0.option2""#))
            form.extra["action"] = "down:0"
            let moved = try await browser.post(base, form: form.fields)
            let first = try #require(moved.text.range(of: "The Moon makes its own light."))
            let second = try #require(moved.text.range(of: "Which is a planet?"))
            #expect(first.lowerBound < second.lowerBound)

            form.extra["action"] = "save"
            let refused = try await browser.post(base, form: form.fields)
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains(#"aria-invalid="true" aria-describedby="quiz-passing-error""#))
            #expect(refused.text.contains("Passing score must be a percentage from 0 to 100."))
            #expect(refused.text.contains(#"value="150""#))
            #expect(refused.text.contains("Which is a planet?") && refused.text.contains("Sirius"))

            form.passingScore = "60"
            form.questions[0].right = []
            let unmarked = try await browser.post(base, form: form.fields)
            #expect(unmarked.status == .unprocessableContent)
            #expect(unmarked.text.contains(#"id="q0-correct-error""#))
            #expect(unmarked.text.contains("Sirius"))

            form.questions[0].right = [0]
            let saved = try await browser.post(base, form: form.fields)
            #expect(saved.status == .seeOther)
            #expect(saved.headers[.location] == "/teach/courses/\(course.slug)")
            let editor = try await browser.get("/teach/courses/\(course.slug)")
            #expect(editor.text.contains("Added the quiz “Sky check”."))
            #expect(try await browser.get("/teach/courses/\(course.slug)").text.contains("Added the quiz") == false, "a notice shows once")

            let quizzes = try await app.request(.get, "/api/v1/courses/\(course.id)/quizzes", token: teacher.accessToken).items
            let quiz = try #require(quizzes.first)
            #expect(quiz["passingScore"] as? Int == 60)
            let questions = try #require(quiz["questions"] as? [[String: Any]])
            #expect(questions.map { $0["prompt"] as? String } == ["Which is a planet?", "The Moon makes its own light."])
            let options = try #require(questions[0]["options"] as? [[String: Any]])
            #expect(options.map { $0["text"] as? String } == ["Mars", "Sirius"])
            let key = try #require(questions[0]["key"] as? [String: Any])
            #expect(key["correctOptions"] as? [String] == [options[0]["id"] as? String ?? ""])
            #expect((questions[1]["key"] as? [String: Any])?["truth"] as? Bool == false)
        }
    }

    @Test("a quiz is edited in the form; once attempted its questions are fixed but settings still change", arguments: TestEngine.available)
    func quizEditing(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let (teacher, browser, course) = try await Self.teacherWithCourse(app)
            var form = QuizForm(title: "Tide quiz", moduleID: course.moduleIDs[0], questions: [.truth("Tides follow the Moon.", true)])
            #expect(try await browser.post("/teach/courses/\(course.slug)/modules/\(course.moduleIDs[0])/quizzes", form: form.fields).status == .seeOther)
            let quizID = try #require(try await app.request(.get, "/api/v1/courses/\(course.id)/quizzes", token: teacher.accessToken).items.first?["id"] as? String)
            let page = try await browser.get("/teach/courses/\(course.slug)/quizzes/\(quizID)")
            #expect(page.status == .ok)
            #expect(page.text.contains("Tides follow the Moon."))
            #expect(page.text.contains(#"name="q0.truth" value="true" checked"#))

            form.questions.append(.choice("Spring tides come at", ["full and new moon", "quarter moons"], right: [0]))
            #expect(try await browser.post("/teach/courses/\(course.slug)/quizzes/\(quizID)", form: form.fields).status == .seeOther)
            let api = try await app.request(.get, "/api/v1/quizzes/\(quizID)", token: teacher.accessToken)
            #expect((api.json["quiz"] as? [String: Any])?["attemptCount"] as? Int == 0)
            #expect(((api.json["quiz"] as? [String: Any])?["questions"] as? [[String: Any]])?.count == 2)

            let student = try await app.register()
            #expect(try await app.request(.post, "/api/v1/courses/\(course.id)/enrollment", token: student.accessToken).status == .created)
            #expect(try await app.request(.post, "/api/v1/quizzes/\(quizID)/attempts", token: student.accessToken).status == .created)

            var changed = form
            changed.questions[0].prompt = "Tides follow the Sun."
            let locked = try await browser.post("/teach/courses/\(course.slug)/quizzes/\(quizID)", form: changed.fields)
            #expect(locked.status == .conflict)
            #expect(locked.text.contains("Tides follow the Sun."), "the typed change is still in the form")
            #expect(locked.text.contains("can no longer change"))
            form.passingScore = "80"
            form.title = "Tide quiz (revised)"
            #expect(try await browser.post("/teach/courses/\(course.slug)/quizzes/\(quizID)", form: form.fields).status == .seeOther)
            let revised = try await app.request(.get, "/api/v1/quizzes/\(quizID)", token: teacher.accessToken).json["quiz"] as? [String: Any]
            #expect(revised?["passingScore"] as? Int == 80)
            #expect(revised?["title"] as? String == "Tide quiz (revised)")
            #expect(revised?["attemptCount"] as? Int == 1)

            let put = try await app.request(
                .put, "/api/v1/quizzes/\(quizID)",
                json: ["moduleId": course.moduleIDs[0], "title": "x", "questions": [["kind": "true_false", "prompt": "New?", "truth": true] as [String: any Sendable]]],
                token: teacher.accessToken
            )
            #expect(put.status == .conflict)
            #expect(put.errorCode == "quiz_has_attempts")
            #expect(try await app.request(.get, "/api/v1/quizzes/\(quizID)", token: student.accessToken).status == .forbidden)
            #expect(try await browser.get("/teach/courses/\(course.slug)/quizzes/\(UUID().uuidString.lowercased())").status == .notFound)

            #expect(try await browser.post("/teach/courses/\(course.slug)/quizzes/\(quizID)/visibility", form: ["hidden": "true"]).status == .seeOther)
            let hidden = try await app.request(.get, "/api/v1/quizzes/\(quizID)", token: teacher.accessToken).json["quiz"] as? [String: Any]
            #expect(hidden?["hidden"] as? Bool == true)
            #expect(hidden?["passingScore"] as? Int == 80, "hiding changes nothing else")
            #expect(try await app.request(.get, "/api/v1/courses/\(course.id)/quizzes", token: student.accessToken).items.isEmpty)
        }
    }

    @Test("lessons are edited with every typed value kept on an error, hidden from students and deleted after confirmation", arguments: TestEngine.available)
    func lessonEditing(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let (teacher, browser, course) = try await Self.teacherWithCourse(app)
            let path = "/teach/courses/\(course.slug)/lessons/\(course.lessonIDs[0])"
            let page = try await browser.get(path)
            #expect(page.status == .ok)
            #expect(page.text.contains(#"value="Orbits""#))
            let bad = try await browser.post(
                path, form: ["title": "Orbits, revised", "body": "Kepler's *laws*.", "estimatedMinutes": "12", "videoUrl": "ftp://example.org/v"]
            )
            #expect(bad.status == .unprocessableContent)
            #expect(bad.text.contains("Kepler&#39;s *laws*.") || bad.text.contains("Kepler's *laws*."))
            #expect(bad.text.contains(#"aria-describedby="lesson-video-error""#))
            let good = try await browser.post(
                path, form: ["title": "Orbits, revised", "body": "Kepler's *laws*.", "estimatedMinutes": "12", "videoUrl": "https://video.example.org/orbits"]
            )
            #expect(good.status == .seeOther)
            let lesson = try await app.request(.get, "/api/v1/courses/\(course.id)/lessons/\(course.lessonIDs[0])", token: teacher.accessToken)
            #expect((lesson.json["lesson"] as? [String: Any])?["videoUrl"] as? String == "https://video.example.org/orbits")
            #expect((lesson.json["lesson"] as? [String: Any])?["estimatedMinutes"] as? Int == 12)

            let student = try await app.register()
            #expect(try await app.request(.post, "/api/v1/courses/\(course.id)/enrollment", token: student.accessToken).status == .created)
            #expect(try await app.request(.put, "/api/v1/courses/\(course.id)/lessons/\(course.lessonIDs[0])/completion", token: student.accessToken).status == .ok)
            #expect(try await browser.post(path + "/visibility", form: ["hidden": "true"]).status == .seeOther)
            #expect(try await browser.get("/teach/courses/\(course.slug)").text.contains("Hid the lesson “Orbits, revised” from students."))
            let seen = try await app.request(.get, "/api/v1/courses/\(course.id)", token: student.accessToken)
            let titles = ((seen.json["modules"] as? [[String: Any]])?.first?["lessons"] as? [[String: Any]])?.compactMap { $0["title"] as? String }
            #expect(titles == ["Tides"])
            #expect(try await app.request(.get, "/api/v1/courses/\(course.id)/lessons/\(course.lessonIDs[0])", token: student.accessToken).status == .notFound)
            let progress = try await app.request(.get, "/api/v1/courses/\(course.id)/progress", token: student.accessToken).progress
            #expect(progress["totalLessons"] as? Int == 1)
            #expect(progress["completedLessons"] as? Int == 0, "a hidden lesson's completion does not count")

            let ask = try await browser.post(path + "/delete", form: [:])
            #expect(ask.status == .ok)
            #expect(ask.text.contains("Delete the lesson “Orbits, revised”?"))
            #expect(try await app.request(.get, "/api/v1/courses/\(course.id)/lessons/\(course.lessonIDs[0])", token: teacher.accessToken).status == .ok)
            #expect(try await browser.post(path + "/delete", form: ["confirm": "yes"]).status == .seeOther)
            #expect(try await browser.get("/teach/courses/\(course.slug)").text.contains("Deleted the lesson “Orbits, revised”."))
            #expect(try await app.request(.get, "/api/v1/courses/\(course.id)/lessons/\(course.lessonIDs[0])", token: teacher.accessToken).status == .notFound)

            let newLesson = try await browser.post(
                "/teach/courses/\(course.slug)/modules/\(course.moduleIDs[0])/lessons", form: ["title": "", "body": "Draft text kept", "estimatedMinutes": "5"]
            )
            #expect(newLesson.status == .unprocessableContent)
            #expect(newLesson.text.contains("Draft text kept"))
        }
    }

    @Test("modules are renamed, hidden and deleted after a confirmation that says what goes with them", arguments: TestEngine.available)
    func moduleEditing(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let (teacher, browser, course) = try await Self.teacherWithCourse(app)
            let path = "/teach/courses/\(course.slug)/modules/\(course.moduleIDs[0])"
            #expect(try await browser.post(path, form: ["title": "The sky"]).status == .seeOther)
            #expect(try await browser.get("/teach/courses/\(course.slug)").text.contains("Renamed the module to “The sky”."))
            #expect(try await browser.post(path + "/visibility", form: ["hidden": "true"]).status == .seeOther)
            let student = try await app.register()
            #expect(try await app.request(.post, "/api/v1/courses/\(course.id)/enrollment", token: student.accessToken).status == .created)
            let seen = try await app.request(.get, "/api/v1/courses/\(course.id)", token: student.accessToken)
            #expect((seen.json["modules"] as? [[String: Any]])?.isEmpty == true)
            #expect(try await app.request(.get, "/api/v1/courses/\(course.id)/lessons/\(course.lessonIDs[1])", token: student.accessToken).status == .notFound)
            #expect(try await app.request(.get, "/api/v1/courses/\(course.id)/lessons/\(course.lessonIDs[1])", token: teacher.accessToken).status == .ok)
            let staff = try await app.request(.get, "/api/v1/courses/\(course.id)", token: teacher.accessToken)
            #expect((staff.json["modules"] as? [[String: Any]])?.first?["hidden"] as? Bool == true)
            let ask = try await browser.post(path + "/delete", form: [:])
            #expect(ask.text.contains("Delete the module “The sky”?"))
            #expect(ask.text.contains("2 lessons and 0 quizzes"))
            #expect(try await browser.post(path + "/delete", form: ["confirm": "yes"]).status == .seeOther)
            let after = try await app.request(.get, "/api/v1/courses/\(course.id)", token: teacher.accessToken)
            #expect((after.json["modules"] as? [[String: Any]])?.isEmpty == true)
        }
    }

    @Test("prices are money, any script gives an address, counts read naturally, removals are confirmed by name", arguments: TestEngine.available)
    func courseSettings(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let (teacher, browser, course) = try await Self.teacherWithCourse(app)
            let settings: [String: String] = [
                "title": "Sky basics", "summary": "S", "description": "D", "category": "Science", "tags": "sky", "level": "beginner",
                "slug": course.slug,
            ]
            let refused = try await browser.post("/teach/courses/\(course.slug)", form: settings.merging(["price": "49.999", "summary": "Typed summary"]) { $1 })
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains(#"value="49.999""#) && refused.text.contains(#"value="Typed summary""#))
            #expect(try await browser.post("/teach/courses/\(course.slug)", form: settings.merging(["price": "49.00"]) { $1 }).status == .seeOther)
            let api = try await app.request(.get, "/api/v1/courses/\(course.id)", token: teacher.accessToken)
            #expect((api.json["course"] as? [String: Any])?["priceMinor"] as? Int == 4900)
            #expect(try await browser.get("/teach/courses/\(course.slug)").text.contains(#"value="49.00""#))

            let created = try await browser.post("/teach/courses", form: ["title": "Основы астрономии", "summary": "", "category": ""])
            #expect(created.headers[.location] == "/teach/courses/osnovy-astronomii")

            #expect(try await browser.post("/teach/courses/\(course.slug)", form: settings.merging(["price": "0"]) { $1 }).status == .seeOther)
            #expect(try await browser.post("/teach/courses/\(course.slug)/status", form: ["status": "published"]).status == .seeOther)
            let student = try await app.register(name: "Ada Lovelace")
            #expect(try await app.request(.post, "/api/v1/courses/\(course.id)/enrollment", token: student.accessToken).status == .created)
            #expect(try await browser.get("/teach").text.contains("1 learner ·"))
            let roster = try await browser.get("/teach/courses/\(course.slug)/roster")
            #expect(roster.text.contains("1 student"))
            #expect(roster.text.contains("<title>Roster · Sky basics · Lyceum</title>"))
            let remove = "/teach/courses/\(course.slug)/roster/\(student.id)/remove"
            let ask = try await browser.post(remove, form: [:])
            #expect(ask.text.contains("Remove Ada Lovelace from Sky basics?"))
            #expect(try await app.request(.get, "/api/v1/courses/\(course.id)/progress", token: student.accessToken).status == .ok)
            #expect(try await browser.post(remove, form: ["confirm": "yes"]).status == .seeOther)
            #expect(try await browser.get("/teach/courses/\(course.slug)/roster").text.contains("Removed Ada Lovelace from Sky basics."))
            #expect(try await app.request(.get, "/api/v1/courses/\(course.id)/progress", token: student.accessToken).status == .notFound)

            let stranger = Browser(app)
            try await CoursePagesTests.signIn(stranger, student)
            #expect(try await stranger.post(remove, form: ["confirm": "yes"]).status == .forbidden)
            #expect(try await stranger.get("/teach/courses/\(course.slug)/lessons/\(course.lessonIDs[0])").status == .forbidden)
        }
    }
}
