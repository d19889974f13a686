import Foundation
import HTTPTypes
import LyceumContracts
import LyceumTestSupport
import NIOCore
import Testing

/// The learner's path through the pages: taking a quiz, its result and review, the course order, completion,
/// certificates, leaving a course, and the teachers' preview.
@Suite("Learner's path")
struct LearnerPathTests {
    /// A signed-in browser for a new student enrolled in `course`.
    static func enrolledStudent(_ app: TestApp, _ course: BuiltCourse, name: String = "Path Learner") async throws -> (APIUser, Browser) {
        let student = try await app.register(name: name)
        let enrolled = try await app.request(.post, "/api/v1/courses/\(course.id)/enrollment", token: student.accessToken)
        try #require(enrolled.status == .created)
        let browser = Browser(app)
        try await CoursePagesTests.signIn(browser, student)
        return (student, browser)
    }

    /// The quiz's questions as (id, option ids by text) in creation order.
    static func questionIDs(_ quiz: [String: Any]) throws -> [String] {
        try #require(quiz["questions"] as? [[String: Any]]).compactMap { $0["id"] as? String }
    }

    /// A page form answering `QuizzesTests.questions()` rightly.
    static func rightForm(_ quiz: [String: Any]) throws -> [String: String] {
        var form: [String: String] = [:]
        for (id, answer) in try QuizzesTests.rightAnswers(quiz) {
            switch answer {
            case let options as [String]: for option in options { form["q.\(id).\(option)"] = option }
            case let truth as Bool: form["q.\(id)"] = truth ? "true" : "false"
            default: form["q.\(id)"] = "\(answer)"
            }
        }
        return form
    }

    static func start(_ browser: Browser, _ course: BuiltCourse, _ quizID: String) async throws -> String {
        let started = try await browser.post("/courses/\(course.slug)/quizzes/\(quizID)/start", form: [:])
        try #require(started.status == .seeOther)
        return try #require(started.headers[.location])
    }

    @Test("the quiz page says the attempts left and the time limit, offers Continue for an open attempt and no start when none is left", arguments: TestEngine.available)
    func quizOverview(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let owner = try await app.account(role: .instructor)
            let (course, quizID, _) = try await QuizzesTests.courseWithQuiz(app, owner: owner, settings: ["maxAttempts": 2, "timeLimitSeconds": 600])
            let (_, browser) = try await Self.enrolledStudent(app, course)
            let quizPath = "/courses/\(course.slug)/quizzes/\(quizID)"

            let fresh = try await browser.get(quizPath)
            #expect(fresh.text.contains("<title>Sky check · Lyceum</title>"))
            #expect(fresh.text.contains("Time limit: 10 minutes"))
            #expect(fresh.text.contains("2 attempts left"))
            #expect(fresh.text.contains("data-testid=\"start-attempt\">Start</button>"))
            #expect(!fresh.text.contains("continue-attempt"))

            let attempt = try await Self.start(browser, course, quizID)
            let open = try await browser.get(quizPath)
            #expect(open.text.contains("1 attempt left"))
            #expect(open.text.contains("href=\"\(attempt)\" data-testid=\"continue-attempt\">Continue</a>"))
            #expect(!open.text.contains("start-attempt"))

            #expect(try await browser.post("\(attempt)/submit", form: ["confirm": "true"]).status == .seeOther)
            let second = try await Self.start(browser, course, quizID)
            #expect(try await browser.post("\(second)/submit", form: ["confirm": "true"]).status == .seeOther)
            let used = try await browser.get(quizPath)
            #expect(used.text.contains("No attempts left"))
            #expect(used.text.contains("You have used every attempt at this quiz."))
            #expect(!used.text.contains("start-attempt"))
            #expect(!used.text.contains("continue-attempt"))

            let untimed = try await QuizzesTests.courseWithQuiz(app, owner: owner)
            let (_, other) = try await Self.enrolledStudent(app, untimed.0)
            let page = try await other.get("/courses/\(untimed.0.slug)/quizzes/\(untimed.1)")
            #expect(page.text.contains("No time limit"))
            #expect(page.text.contains("Unlimited attempts"))
        }
    }

    @Test("submitting with unanswered questions keeps the answers and asks to confirm; the result has its own reloadable address", arguments: TestEngine.available)
    func unansweredConfirmation(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let owner = try await app.account(role: .instructor)
            let (course, quizID, quiz) = try await QuizzesTests.courseWithQuiz(app, owner: owner)
            let (student, browser) = try await Self.enrolledStudent(app, course)
            let attempt = try await Self.start(browser, course, quizID)
            let ids = try Self.questionIDs(quiz)
            let right = try Self.rightForm(quiz)
            let partial = ["q.\(ids[0])": right["q.\(ids[0])"] ?? "", "q.\(ids[3])": "  the MILKY   way "]

            let summary = try await browser.post("\(attempt)/submit", form: partial)
            #expect(summary.status == .ok)
            #expect(summary.text.contains("<title>Submit Sky check? · Lyceum</title>"))
            #expect(summary.text.contains("You have not answered 3 of 5 questions"))
            #expect(summary.text.contains("2. Gas giants?"))
            #expect(summary.text.contains("5. Planets in the solar system?"))
            #expect(!summary.text.contains("1. Closest star?"))
            #expect(summary.text.contains("href=\"\(attempt)\">Return to attempt</a>"))
            #expect(summary.text.contains("name=\"confirm\" value=\"true\""))
            #expect(summary.text.contains("Submit all and finish"))

            let saved = try await app.request(.get, "/api/v1\(attempt)", token: student.accessToken)
            let answers = try #require((saved.json["attempt"] as? [String: Any])?["answers"] as? [String: Any])
            #expect(answers.count == 2)
            #expect(answers[ids[3]] as? String == "  the MILKY   way ")
            let back = try await browser.get(attempt)
            #expect(back.text.contains("value=\"  the MILKY   way \""))
            #expect(back.text.contains("value=\"\(right["q.\(ids[0])"] ?? "")\" checked"))

            let finished = try await browser.post("\(attempt)/submit", form: ["confirm": "true"])
            #expect(finished.status == .seeOther)
            #expect(finished.headers[.location] == attempt)
            for _ in 0..<2 {
                let result = try await browser.get(attempt)
                #expect(result.status == .ok)
                #expect(result.text.contains("<title>Result: Sky check · Lyceum</title>"))
                #expect(result.text.contains("You scored 3 of 6 (50%): not passed yet."))
                #expect(!result.text.contains("<form method=\"post\" action=\"\(attempt)/submit\""))
            }
            #expect(try await browser.post("\(attempt)/submit", form: right).headers[.location] == attempt)
        }
    }

    @Test("a typed answer that is not a number is kept and marked on its field", arguments: TestEngine.available)
    func numericFieldError(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let owner = try await app.account(role: .instructor)
            let (course, quizID, quiz) = try await QuizzesTests.courseWithQuiz(app, owner: owner)
            let (_, browser) = try await Self.enrolledStudent(app, course)
            let attempt = try await Self.start(browser, course, quizID)
            let ids = try Self.questionIDs(quiz)
            var form = try Self.rightForm(quiz)
            form["q.\(ids[4])"] = "eight"
            let page = try await browser.post("\(attempt)/submit", form: form)
            #expect(page.status == .unprocessableContent)
            #expect(page.text.contains("id=\"q-\(ids[4])\" name=\"q.\(ids[4])\" value=\"eight\""))
            #expect(page.text.contains("aria-invalid=\"true\" aria-describedby=\"q-\(ids[4])-error\""))
            #expect(page.text.contains("<span class=\"field-error\" id=\"q-\(ids[4])-error\">Enter a number"))
            #expect(page.text.contains("value=\"  the MILKY   way \""))
            #expect(page.text.contains("<label for=\"q-\(ids[3])\">Your answer</label>"))
        }
    }

    @Test("review keys follow the reveal policy on the API", arguments: TestEngine.available)
    func revealPolicyAPI(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let owner = try await app.account(role: .instructor)
            /// Per policy: whether the key shows after a failed first attempt (one left), while the second is
            /// open, after a failed last attempt, and after a passing attempt.
            let expectations: [(String, [Bool])] = [
                ("never", [false, false, false, false]),
                ("after_last_attempt", [false, false, true, true]),
                ("after_each_attempt", [true, true, true, true]),
            ]
            for (policy, want) in expectations {
                let (course, quizID, quiz) = try await QuizzesTests.courseWithQuiz(app, owner: owner, settings: ["maxAttempts": 2, "revealAnswers": policy])
                let student = try await app.register()
                _ = try await app.request(.post, "/api/v1/courses/\(course.id)/enrollment", token: student.accessToken)
                func keysShown(_ reply: Reply) throws -> Bool {
                    let review = try #require((reply.json["attempt"] as? [String: Any])?["review"] as? [[String: Any]], "\(reply.text)")
                    let shown = review.map { $0["key"] is [String: Any] }
                    #expect(Set(shown).count == 1)
                    if !(shown.first ?? false) { #expect(review.allSatisfy { $0["key"] is NSNull }) }
                    return shown.first ?? false
                }
                func start() async throws -> String {
                    let started = try await app.request(.post, "/api/v1/quizzes/\(quizID)/attempts", token: student.accessToken)
                    return try #require((started.json["attempt"] as? [String: Any])?["id"] as? String)
                }
                let first = try await start()
                let failed = try await app.request(.post, "/api/v1/attempts/\(first)/submit", token: student.accessToken)
                #expect(try keysShown(failed) == want[0], "\(policy): after a failed attempt with one left")
                #expect((failed.json["attempt"] as? [String: Any])?["attemptsLeft"] as? Int == 1)
                let second = try await start()
                #expect(try keysShown(try await app.request(.get, "/api/v1/attempts/\(first)", token: student.accessToken)) == want[1], "\(policy): while another attempt is open")
                let last = try await app.request(.post, "/api/v1/attempts/\(second)/submit", token: student.accessToken)
                #expect(try keysShown(last) == want[2], "\(policy): after the last attempt")
                #expect(try keysShown(try await app.request(.get, "/api/v1/attempts/\(first)", token: student.accessToken)) == want[2])

                let passer = try await app.register()
                _ = try await app.request(.post, "/api/v1/courses/\(course.id)/enrollment", token: passer.accessToken)
                let started = try await app.request(.post, "/api/v1/quizzes/\(quizID)/attempts", token: passer.accessToken)
                let id = try #require((started.json["attempt"] as? [String: Any])?["id"] as? String)
                let passed = try await app.request(.post, "/api/v1/attempts/\(id)/submit", json: ["answers": try QuizzesTests.rightAnswers(quiz)], token: passer.accessToken)
                #expect((passed.json["attempt"] as? [String: Any]).flatMap { ($0["result"] as? [String: Any])?["passed"] as? Bool } == true)
                #expect(try keysShown(passed) == want[3], "\(policy): after a passing attempt")
            }
        }
    }

    @Test("the result page shows the student's answer next to the correct one only when the policy allows", arguments: TestEngine.available)
    func reviewPage(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let owner = try await app.account(role: .instructor)
            for (policy, revealed) in [("after_each_attempt", true), ("never", false), ("after_last_attempt", false)] {
                let (course, quizID, quiz) = try await QuizzesTests.courseWithQuiz(app, owner: owner, settings: ["revealAnswers": policy])
                let (_, browser) = try await Self.enrolledStudent(app, course)
                let attempt = try await Self.start(browser, course, quizID)
                let ids = try Self.questionIDs(quiz)
                let wrongStar = try #require(((quiz["questions"] as? [[String: Any]])?[0]["options"] as? [[String: Any]])?.first { $0["text"] as? String == "Vega" }?["id"] as? String)
                _ = try await browser.post("\(attempt)/submit", form: ["q.\(ids[0])": wrongStar, "confirm": "true"])
                let result = try await browser.get(attempt)
                #expect(result.text.contains("Your answer: <strong>Vega</strong>"), "\(policy)")
                #expect(result.text.contains("Your answer: <strong>No answer</strong>"), "\(policy)")
                #expect(result.text.contains("Correct answer: <strong>The Sun</strong>") == revealed, "\(policy)")
                #expect(result.text.contains("data-testid=\"answers-withheld\"") == !revealed, "\(policy)")
                #expect(result.text.contains("Try again"))
            }
        }
    }

    @Test("previous and next follow the course order with quizzes, and the last item leads back to the course", arguments: TestEngine.available)
    func courseOrder(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let owner = try await app.account(role: .instructor)
            let course = try await app.buildCourse(owner: owner, modules: 2, lessonsPerModule: 1, lessonTitles: ["First steps", "Second steps"])
            let created = try await app.request(
                .post, "/api/v1/courses/\(course.id)/quizzes",
                json: ["moduleId": course.moduleIDs[0], "title": "Check one", "questions": [["kind": "true_false", "prompt": "Sure?", "truth": true] as [String: any Sendable]]],
                token: owner.accessToken
            )
            let quizID = try #require((created.json["quiz"] as? [String: Any])?["id"] as? String)
            let (_, browser) = try await Self.enrolledStudent(app, course)
            let lesson1 = "/courses/\(course.slug)/lessons/\(course.lessonIDs[0])"
            let quiz = "/courses/\(course.slug)/quizzes/\(quizID)"
            let lesson2 = "/courses/\(course.slug)/lessons/\(course.lessonIDs[1])"

            let first = try await browser.get(lesson1)
            #expect(first.text.contains("<title>First steps · \(try await Self.courseTitle(app, course)) · Lyceum</title>"))
            #expect(first.text.contains("rel=\"next\" href=\"\(quiz)\">Next: Check one →"))
            #expect(!first.text.contains("rel=\"prev\""))
            let middle = try await browser.get(quiz)
            #expect(middle.text.contains("rel=\"prev\" href=\"\(lesson1)\">← Previous: First steps"))
            #expect(middle.text.contains("rel=\"next\" href=\"\(lesson2)\">Next: Second steps →"))
            let last = try await browser.get(lesson2)
            #expect(last.text.contains("rel=\"prev\" href=\"\(quiz)\">← Previous: Check one"))
            #expect(!last.text.contains("rel=\"next\""))
            #expect(last.text.contains("href=\"/courses/\(course.slug)#progress\" data-testid=\"finish-course\""))
            let page = try await browser.get("/courses/\(course.slug)")
            #expect(page.text.contains("id=\"progress\""))
        }
    }

    static func courseTitle(_ app: TestApp, _ course: BuiltCourse) async throws -> String {
        try #require((try await app.request(.get, "/api/v1/courses/\(course.id)").json["course"] as? [String: Any])?["title"] as? String)
    }

    @Test("a course read to 100% says what is missing; once complete it shows the badge and the certificate", arguments: TestEngine.available)
    func completionMissing(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let owner = try await app.account(role: .instructor)
            let (course, quizID, quiz) = try await QuizzesTests.courseWithQuiz(app, owner: owner)
            let (_, browser) = try await Self.enrolledStudent(app, course)
            let before = try await browser.get("/courses/\(course.slug)")
            #expect(before.text.contains("Start the course"))
            #expect(!before.text.contains("Continue where you left off"))
            #expect(!before.text.contains("data-testid=\"course-complete\""))

            _ = try await browser.post("/courses/\(course.slug)/lessons/\(course.lessonIDs[0])/completion", form: ["completed": "true"])
            let read = try await browser.get("/courses/\(course.slug)")
            #expect(read.text.contains("<strong data-testid=\"progress-percent\">100%</strong>"))
            #expect(read.text.contains("1 of 1 lesson"))
            #expect(read.text.contains(">Pass Sky check with 60%</a>"))
            #expect(read.text.contains("Continue where you left off"))
            #expect(!read.text.contains("data-testid=\"course-complete\""))

            let attempt = try await Self.start(browser, course, quizID)
            _ = try await browser.post("\(attempt)/submit", form: try Self.rightForm(quiz))
            let done = try await browser.get("/courses/\(course.slug)")
            #expect(done.text.contains("data-testid=\"course-complete\""))
            #expect(done.text.contains("View your certificate"))
            #expect(!done.text.contains("completion-missing"))
            let lesson = try await browser.get("/courses/\(course.slug)/lessons/\(course.lessonIDs[0])")
            #expect(lesson.text.contains("Course complete"))
            #expect(lesson.text.contains("View your certificate"))
        }
    }

    @Test("My certificates lists the student's certificates, each printable with a link to share", arguments: TestEngine.available)
    func certificates(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let owner = try await app.account(role: .instructor)
            let (course, quizID, quiz) = try await QuizzesTests.courseWithQuiz(app, owner: owner)
            let (student, browser) = try await Self.enrolledStudent(app, course)
            let empty = try await browser.get("/certificates")
            #expect(empty.text.contains("<title>My certificates · Lyceum</title>"))
            #expect(empty.text.contains("You have no certificate yet"))

            _ = try await browser.post("/courses/\(course.slug)/lessons/\(course.lessonIDs[0])/completion", form: ["completed": "true"])
            let attempt = try await Self.start(browser, course, quizID)
            _ = try await browser.post("\(attempt)/submit", form: try Self.rightForm(quiz))
            let grades = try await app.request(.get, "/api/v1/courses/\(course.id)/grades", token: student.accessToken)
            let code = try #require((grades.json["certificate"] as? [String: Any])?["code"] as? String)
            let title = try await Self.courseTitle(app, course)

            let list = try await browser.get("/certificates")
            #expect(list.text.contains("<a href=\"/certificates/\(code)\">\(title)</a>"))
            let learning = try await browser.get("/learning")
            #expect(learning.text.contains("<a href=\"/certificates\">My certificates</a>"))
            #expect(learning.text.contains("(1 certificate)"))

            let page = try await browser.get("/certificates/\(code)")
            #expect(page.text.contains("<title>Certificate: \(title) · Lyceum</title>"))
            #expect(page.text.contains("<link rel=\"stylesheet\" href=\"/print/certificate.css\" media=\"print\">"))
            #expect(page.text.contains("readonly data-testid=\"share-url\""))
            #expect(page.text.contains("/certificates/\(code)\" readonly"))
            #expect(page.text.contains("<label for=\"share-url\">"))
            let print = try await app.raw(.get, "/print/certificate.css")
            #expect(print.status == .ok)
            #expect(print.headers[.contentType] == "text/css; charset=utf-8")
            #expect(print.text.contains("header.site"))

            let anonymous = try await app.raw(.get, "/certificates/\(code)", headers: [.accept: "text/html"])
            #expect(anonymous.status == .ok)
            #expect(try await Browser(app).get("/certificates").status == .seeOther)
        }
    }

    @Test("the gradebook CSV starts with a UTF-8 byte-order mark and has an email column", arguments: TestEngine.available)
    func gradebookCSV(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let owner = try await app.account(role: .instructor)
            let (course, _, _) = try await QuizzesTests.courseWithQuiz(app, owner: owner)
            let (student, _) = try await Self.enrolledStudent(app, course, name: "Zoë Ünal")
            let csv = try await app.request(.get, "/api/v1/courses/\(course.id)/gradebook.csv", token: owner.accessToken)
            #expect(Array(csv.body.readableBytesView.prefix(3)) == [0xEF, 0xBB, 0xBF])
            let text = String(decoding: csv.body.readableBytesView.dropFirst(3), as: UTF8.self)
            #expect(text.hasPrefix("Student,Email,Student ID,"))
            #expect(text.contains("Zoë Ünal,\(student.email),"), "the email comes from Identity's directory")
        }
    }

    @Test("leaving a course asks first, then says what it did", arguments: TestEngine.available)
    func leaveConfirmation(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let owner = try await app.account(role: .instructor)
            let course = try await app.buildCourse(owner: owner, modules: 1, lessonsPerModule: 1)
            let (student, browser) = try await Self.enrolledStudent(app, course)
            let title = try await Self.courseTitle(app, course)
            let page = try await browser.get("/courses/\(course.slug)")
            #expect(page.text.contains("href=\"/courses/\(course.slug)/leave\">Leave this course</a>"))

            let ask = try await browser.get("/courses/\(course.slug)/leave")
            #expect(ask.status == .ok)
            #expect(ask.text.contains("<title>Leave \(title)? · Lyceum</title>"))
            #expect(ask.text.contains("name=\"confirm\" value=\"true\""))
            let unconfirmed = try await browser.post("/courses/\(course.slug)/leave", form: [:])
            #expect(unconfirmed.status == .ok)
            #expect(unconfirmed.text.contains("Leave the course"))
            #expect(try await app.request(.get, "/api/v1/courses/\(course.id)/progress", token: student.accessToken).status == .ok)

            let left = try await browser.post("/courses/\(course.slug)/leave", form: ["confirm": "true"])
            #expect(left.status == .seeOther)
            #expect(left.headers[.location] == "/courses/\(course.slug)?done=left")
            let after = try await browser.get(try #require(left.headers[.location]))
            #expect(after.text.contains("You left this course. Your progress is kept if you enroll again."))
            #expect(after.text.contains("Enroll for free"))
            #expect(try await app.request(.get, "/api/v1/courses/\(course.id)/progress", token: student.accessToken).status == .notFound)
            #expect(try await browser.get("/courses/\(course.slug)/leave").status == .notFound)
        }
    }

    @Test("teachers preview a quiz and a lesson as students see them, without enrolling or recording; students may not", arguments: TestEngine.available)
    func preview(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let owner = try await app.account(role: .instructor)
            let (course, quizID, quiz) = try await QuizzesTests.courseWithQuiz(app, owner: owner)
            let teacher = Browser(app)
            try await CoursePagesTests.signIn(teacher, owner)
            let previewPath = "/courses/\(course.slug)/quizzes/\(quizID)/preview"

            let overview = try await teacher.get("/courses/\(course.slug)/quizzes/\(quizID)")
            #expect(overview.text.contains("href=\"\(previewPath)\""))
            let page = try await teacher.get(previewPath)
            #expect(page.status == .ok)
            #expect(page.text.contains("<title>Preview: Sky check · Lyceum</title>"))
            #expect(page.text.contains("data-testid=\"quiz-preview\""))
            #expect(page.text.contains("<legend>1. Closest star?"))
            #expect(page.text.contains("action=\"\(previewPath)\""))
            let graded = try await teacher.post(previewPath, form: try Self.rightForm(quiz))
            #expect(graded.status == .ok)
            #expect(graded.text.contains("You scored 6 of 6 (100%): passed."))
            #expect(graded.text.contains("Correct answer: <strong>The Sun</strong>"))
            let book = try await app.request(.get, "/api/v1/courses/\(course.id)/gradebook", token: owner.accessToken)
            #expect((book.json["rows"] as? [Any])?.isEmpty == true)
            #expect(try await app.request(.get, "/api/v1/courses/\(course.id)/progress", token: owner.accessToken).status == .notFound)

            let lesson = try await teacher.get("/courses/\(course.slug)/lessons/\(course.lessonIDs[0])")
            #expect(lesson.text.contains("<strong>Preview:</strong> this is what students see."))
            #expect(!lesson.text.contains("Mark as complete"))

            let (_, student) = try await Self.enrolledStudent(app, course)
            #expect(try await student.get(previewPath).status == .forbidden)
            #expect(try await student.post(previewPath, form: [:]).status == .forbidden)
            let studentLesson = try await student.get("/courses/\(course.slug)/lessons/\(course.lessonIDs[0])")
            #expect(!studentLesson.text.contains("data-testid=\"staff-preview\""))
            #expect(studentLesson.text.contains("Mark as complete"))
            #expect(try await Browser(app).get(previewPath).status == .seeOther)
        }
    }

    @Test("a timed attempt shows the time left and the deadline without script", arguments: TestEngine.available)
    func timedAttempt(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let owner = try await app.account(role: .instructor)
            let (course, quizID, quiz) = try await QuizzesTests.courseWithQuiz(app, owner: owner, settings: ["timeLimitSeconds": 120])
            let (_, browser) = try await Self.enrolledStudent(app, course)
            let attempt = try await Self.start(browser, course, quizID)
            let page = try await browser.get(attempt)
            #expect(page.text.contains("<title>Attempt 1: Sky check · Lyceum</title>"))
            #expect(page.text.contains(#"Time left: <strong data-timer>1:5"#) || page.text.contains(#"Time left: <strong data-timer>2:00"#))
            #expect(page.text.contains(" UTC)"))

            // When the countdown runs out, the script submits whatever is there: no confirmation is asked.
            app.clock.advance(by: 118)
            let ids = try Self.questionIDs(quiz)
            let late = try await browser.post("\(attempt)/submit", form: ["q.\(ids[2])": "false"])
            #expect(late.status == .seeOther)
            #expect(try await browser.get(attempt).text.contains("You scored 1 of 6"))
        }
    }

    @Test("pages name what they show and counts read naturally", arguments: TestEngine.available)
    func titlesAndCounts(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let owner = try await app.account(role: .instructor)
            let course = try await app.buildCourse(owner: owner, title: "Moon watching", modules: 1, lessonsPerModule: 1)
            _ = try await Self.enrolledStudent(app, course)
            let search = try await Browser(app).get("/courses?q=moon")
            #expect(search.text.contains("<title>Search: moon · Courses · Lyceum</title>"))
            #expect(search.text.contains("· 1 learner</p>"))
            let page = try await Browser(app).get("/courses/\(course.slug)")
            #expect(page.text.contains("· 1 learner"))
        }
    }

    @Test("a quiz of a hidden module is in no student's quiz list, grades or outline, but stays in the teachers'", arguments: TestEngine.available)
    func hiddenQuizzes(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let owner = try await app.account(role: .instructor)
            let (course, quizID, _) = try await QuizzesTests.courseWithQuiz(app, owner: owner)
            let (student, browser) = try await Self.enrolledStudent(app, course)
            let hidden = try await app.request(
                .patch, "/api/v1/courses/\(course.id)/modules/\(course.moduleIDs[0])", json: ["hidden": true], token: owner.accessToken
            )
            try #require(hidden.status.code < 300, "\(hidden.text)")
            #expect(try await app.request(.get, "/api/v1/courses/\(course.id)/quizzes", token: student.accessToken).items.isEmpty)
            let grades = try await app.request(.get, "/api/v1/courses/\(course.id)/grades", token: student.accessToken)
            #expect((grades.json["quizzes"] as? [Any])?.isEmpty == true)
            #expect(try await browser.get("/courses/\(course.slug)/quizzes/\(quizID)").status == .notFound)
            #expect(!(try await browser.get("/").text.contains("Sky check")))
            let teachers = try await app.request(.get, "/api/v1/courses/\(course.id)/quizzes", token: owner.accessToken)
            #expect(teachers.items.map { $0["id"] as? String } == [quizID])
        }
    }
}
