import Foundation
import HTTPTypes
import Identity
import LyceumApp
import LyceumContracts
import LyceumCore
import LyceumPlatform
import LyceumTestSupport
import NIOCore
import SQLKit
import Testing

@Suite("Quizzes, gradebook and certificates")
struct QuizzesTests {
    static func questions() -> [[String: any Sendable]] {
        [
            ["kind": "single_choice", "prompt": "Closest star?", "options": ["Sirius", "The Sun", "Vega"], "correct": [1], "points": 2],
            ["kind": "multiple_choice", "prompt": "Gas giants?", "options": ["Jupiter", "Mars", "Saturn"], "correct": [0, 2]],
            ["kind": "true_false", "prompt": "The Moon is a planet.", "truth": false],
            ["kind": "short_answer", "prompt": "Our galaxy?", "accepted": ["Milky Way", "The Milky Way"]],
            ["kind": "numeric", "prompt": "Planets in the solar system?", "value": 8, "tolerance": 0],
        ]
    }

    /// A published course with one lesson and one quiz; returns the course, quiz id and the quiz JSON.
    static func courseWithQuiz(
        _ app: TestApp, owner: APIUser, settings: [String: any Sendable] = [:]
    ) async throws -> (BuiltCourse, String, [String: Any]) {
        let course = try await app.buildCourse(owner: owner, modules: 1, lessonsPerModule: 1)
        var quiz: [String: any Sendable] = ["moduleId": course.moduleIDs[0], "title": "Sky check", "passingScore": 60, "questions": questions()]
        quiz.merge(settings) { _, new in new }
        let created = try await app.request(.post, "/api/v1/courses/\(course.id)/quizzes", json: quiz, token: owner.accessToken)
        try #require(created.status == .created, "quiz creation failed: \(created.text)")
        let body = try #require(created.json["quiz"] as? [String: Any])
        return (course, try #require(body["id"] as? String), body)
    }

    /// Right answers for `Self.questions()` given the created quiz JSON (question ids and option ids).
    static func rightAnswers(_ quiz: [String: Any]) throws -> [String: any Sendable] {
        let questions = try #require(quiz["questions"] as? [[String: Any]])
        func option(_ question: [String: Any], _ text: String) -> String {
            ((question["options"] as? [[String: Any]]) ?? []).first { $0["text"] as? String == text }?["id"] as? String ?? ""
        }
        let ids = questions.compactMap { $0["id"] as? String }
        return [
            ids[0]: option(questions[0], "The Sun"),
            ids[1]: [option(questions[1], "Saturn"), option(questions[1], "Jupiter")],
            ids[2]: false,
            ids[3]: "  the MILKY   way ",
            ids[4]: 8,
        ]
    }

    @Test("students take quizzes graded on the server; keys never reach them before submitting", arguments: TestEngine.available)
    func takeQuiz(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let owner = try await app.account(role: .instructor)
            let student = try await app.register()
            let (course, quizID, quiz) = try await Self.courseWithQuiz(app, owner: owner, settings: ["shuffleQuestions": true, "shuffleOptions": true])

            let listed = try await app.request(.get, "/api/v1/courses/\(course.id)/quizzes", token: student.accessToken)
            #expect(listed.items.first?["questions"] is NSNull)
            #expect(!listed.text.contains("\"key\""))
            #expect(try await app.request(.post, "/api/v1/quizzes/\(quizID)/attempts", token: student.accessToken).errorCode == "enrollment_required")

            _ = try await app.request(.post, "/api/v1/courses/\(course.id)/enrollment", token: student.accessToken)
            let started = try await app.request(.post, "/api/v1/quizzes/\(quizID)/attempts", token: student.accessToken)
            #expect(started.status == .created)
            #expect(!started.text.contains("\"key\""))
            #expect(!started.text.contains("correct"))
            let attempt = try #require(started.json["attempt"] as? [String: Any])
            let attemptID = try #require(attempt["id"] as? String)
            #expect((attempt["questions"] as? [Any])?.count == 5)
            let again = try await app.request(.post, "/api/v1/quizzes/\(quizID)/attempts", token: student.accessToken)
            #expect((again.json["attempt"] as? [String: Any])?["id"] as? String == attemptID)

            let answers = try Self.rightAnswers(quiz)
            let firstTwo = Dictionary(uniqueKeysWithValues: answers.sorted { $0.key < $1.key }.prefix(2).map { ($0.key, $0.value) })
            let saved = try await app.request(.patch, "/api/v1/attempts/\(attemptID)", json: ["answers": firstTwo], token: student.accessToken)
            #expect(saved.status == .ok)
            #expect(((saved.json["attempt"] as? [String: Any])?["answers"] as? [String: Any])?.count == 2)

            let submitted = try await app.request(.post, "/api/v1/attempts/\(attemptID)/submit", json: ["answers": answers], token: student.accessToken)
            #expect(submitted.status == .ok)
            let graded = try #require(submitted.json["attempt"] as? [String: Any])
            let result = try #require(graded["result"] as? [String: Any])
            #expect(result["score"] as? Int == 6)
            #expect(result["maxScore"] as? Int == 6)
            #expect(result["percent"] as? Int == 100)
            #expect(result["passed"] as? Bool == true)
            #expect((graded["review"] as? [[String: Any]])?.allSatisfy { $0["correct"] as? Bool == true } == true)

            let other = try await app.register()
            #expect(try await app.request(.get, "/api/v1/attempts/\(attemptID)", token: other.accessToken).status == .notFound)
            let resubmit = try await app.request(.post, "/api/v1/attempts/\(attemptID)/submit", json: ["answers": [:] as [String: any Sendable]], token: student.accessToken)
            #expect(((resubmit.json["attempt"] as? [String: Any])?["result"] as? [String: Any])?["score"] as? Int == 6)
            #expect(try await app.request(.patch, "/api/v1/attempts/\(attemptID)", json: ["answers": answers], token: student.accessToken).errorCode == "attempt_submitted")
        }
    }

    @Test("a third attempt when two are allowed is refused", arguments: TestEngine.available)
    func attemptLimit(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let owner = try await app.account(role: .instructor)
            let student = try await app.register()
            let (course, quizID, _) = try await Self.courseWithQuiz(app, owner: owner, settings: ["maxAttempts": 2, "allowReview": false])
            _ = try await app.request(.post, "/api/v1/courses/\(course.id)/enrollment", token: student.accessToken)
            for _ in 0..<2 {
                let started = try await app.request(.post, "/api/v1/quizzes/\(quizID)/attempts", token: student.accessToken)
                let id = try #require((started.json["attempt"] as? [String: Any])?["id"] as? String)
                let submitted = try await app.request(.post, "/api/v1/attempts/\(id)/submit", token: student.accessToken)
                let attempt = try #require(submitted.json["attempt"] as? [String: Any])
                #expect((attempt["result"] as? [String: Any])?["passed"] as? Bool == false)
                #expect(attempt["review"] is NSNull)
                #expect(!submitted.text.contains("\"key\""))
            }
            let third = try await app.request(.post, "/api/v1/quizzes/\(quizID)/attempts", token: student.accessToken)
            #expect(third.status == .conflict)
            #expect(third.errorCode == "attempt_limit_reached")
        }
    }

    @Test("answers after the time limit are refused and do not count", arguments: TestEngine.available)
    func timeLimit(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let owner = try await app.account(role: .instructor)
            let student = try await app.register()
            let (course, quizID, quiz) = try await Self.courseWithQuiz(app, owner: owner, settings: ["timeLimitSeconds": 60])
            _ = try await app.request(.post, "/api/v1/courses/\(course.id)/enrollment", token: student.accessToken)
            let started = try await app.request(.post, "/api/v1/quizzes/\(quizID)/attempts", token: student.accessToken)
            let attempt = try #require(started.json["attempt"] as? [String: Any])
            let attemptID = try #require(attempt["id"] as? String)
            #expect(attempt["deadlineAt"] is String)
            let answers = try Self.rightAnswers(quiz)
            let firstID = try #require(((quiz["questions"] as? [[String: Any]])?.first)?["id"] as? String)
            _ = try await app.request(.patch, "/api/v1/attempts/\(attemptID)", json: ["answers": [firstID: answers[firstID]!]], token: student.accessToken)

            app.clock.advance(by: 65)
            let late = try await app.request(.patch, "/api/v1/attempts/\(attemptID)", json: ["answers": answers], token: student.accessToken)
            #expect(late.status == .conflict)
            #expect(late.errorCode == "time_limit_exceeded")
            let submitted = try await app.request(.post, "/api/v1/attempts/\(attemptID)/submit", json: ["answers": answers], token: student.accessToken)
            let graded = try #require(submitted.json["attempt"] as? [String: Any])
            #expect(graded["lateAnswersIgnored"] as? Bool == true)
            #expect((graded["result"] as? [String: Any])?["score"] as? Int == 2)
        }
    }

    @Test("malformed answers and quizzes get 422 naming the field", arguments: TestEngine.available)
    func badInput(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let owner = try await app.account(role: .instructor)
            let student = try await app.register()
            let (course, quizID, quiz) = try await Self.courseWithQuiz(app, owner: owner)
            _ = try await app.request(.post, "/api/v1/courses/\(course.id)/enrollment", token: student.accessToken)
            let started = try await app.request(.post, "/api/v1/quizzes/\(quizID)/attempts", token: student.accessToken)
            let attemptID = try #require((started.json["attempt"] as? [String: Any])?["id"] as? String)
            let ids = (quiz["questions"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
            let wrong: [String: any Sendable] = [ids[0]: true, ids[2]: "maybe", "ghost": 1]
            let wrongShape = try await app.request(.patch, "/api/v1/attempts/\(attemptID)", json: ["answers": wrong], token: student.accessToken)
            #expect(wrongShape.status == .unprocessableContent)
            #expect(Set(wrongShape.errorFields.keys) == ["answers.\(ids[0])", "answers.\(ids[2])", "answers.ghost"])
            let unknownOption = try await app.request(.patch, "/api/v1/attempts/\(attemptID)", json: ["answers": [ids[0]: "not-an-option"]], token: student.accessToken)
            #expect(unknownOption.status == .unprocessableContent)

            let badQuiz: [String: any Sendable] = [
                "moduleId": "nope", "title": "Broken", "passingScore": 120,
                "questions": [
                    ["kind": "single_choice", "prompt": "Pick", "options": ["a", "b"], "correct": [0, 1]] as [String: any Sendable],
                    ["kind": "numeric", "prompt": "n"] as [String: any Sendable],
                ],
            ]
            let refused = try await app.request(.post, "/api/v1/courses/\(course.id)/quizzes", json: badQuiz, token: owner.accessToken)
            #expect(refused.status == .unprocessableContent)
            #expect(refused.errorFields["moduleId"] != nil)
            var fixedModule = badQuiz
            fixedModule["moduleId"] = course.moduleIDs[0]
            let fields = try await app.request(.post, "/api/v1/courses/\(course.id)/quizzes", json: fixedModule, token: owner.accessToken).errorFields
            #expect(Set(fields.keys) == ["passingScore", "questions.0.correct", "questions.1.value"])
            #expect(try await app.request(.post, "/api/v1/courses/\(course.id)/quizzes", json: fixedModule, token: student.accessToken).status == .forbidden)
        }
    }

    @Test("concurrent submits of one attempt are graded once", arguments: TestEngine.available)
    func concurrentSubmits(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let owner = try await app.account(role: .instructor)
            let student = try await app.register()
            let (course, quizID, quiz) = try await Self.courseWithQuiz(app, owner: owner)
            _ = try await app.request(.post, "/api/v1/courses/\(course.id)/enrollment", token: student.accessToken)
            let started = try await app.request(.post, "/api/v1/quizzes/\(quizID)/attempts", token: student.accessToken)
            let attemptID = try #require((started.json["attempt"] as? [String: Any])?["id"] as? String)
            let right = try Self.rightAnswers(quiz)
            let submittedAt = try await withThrowingTaskGroup(of: String?.self) { group in
                for index in 0..<8 {
                    group.addTask {
                        let answers: [String: any Sendable] = index % 2 == 0 ? right : [:]
                        let reply = try await app.request(.post, "/api/v1/attempts/\(attemptID)/submit", json: ["answers": answers], token: student.accessToken)
                        return (reply.json["attempt"] as? [String: Any])?["submittedAt"] as? String
                    }
                }
                var all: [String?] = []
                for try await value in group { all.append(value) }
                return all
            }
            #expect(submittedAt.allSatisfy { $0 != nil })
            #expect(Set(submittedAt.compactMap { $0 }).count == 1)
            let attempts = try await app.services.database.read { sql in
                try await sql.raw("SELECT COUNT(*) AS n FROM quiz_attempts WHERE submitted_at IS NOT NULL").first()?.decode(column: "n", as: Int.self)
            }
            #expect(attempts == 1)
        }
    }

    @Test("completing lessons and passing quizzes completes the course, with a verifiable certificate and a gradebook", arguments: TestEngine.available)
    func completionGradebookCertificate(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let owner = try await app.account(role: .instructor)
            let student = try await app.register(name: "Grace \"Amazing\" Hopper, PhD")
            let lazy = try await app.register(name: "=HYPERLINK(\"http://evil\")")
            let (course, quizID, quiz) = try await Self.courseWithQuiz(app, owner: owner)
            for user in [student, lazy] {
                _ = try await app.request(.post, "/api/v1/courses/\(course.id)/enrollment", token: user.accessToken)
            }
            let lessonDone = try await app.request(.put, "/api/v1/courses/\(course.id)/lessons/\(course.lessonIDs[0])/completion", token: student.accessToken)
            #expect(lessonDone.progress["percent"] as? Int == 100)
            #expect(lessonDone.progress["completedAt"] is NSNull)

            let started = try await app.request(.post, "/api/v1/quizzes/\(quizID)/attempts", token: student.accessToken)
            let attemptID = try #require((started.json["attempt"] as? [String: Any])?["id"] as? String)
            _ = try await app.request(.post, "/api/v1/attempts/\(attemptID)/submit", json: ["answers": try Self.rightAnswers(quiz)], token: student.accessToken)

            let grades = try await app.request(.get, "/api/v1/courses/\(course.id)/grades", token: student.accessToken)
            #expect((grades.json["progress"] as? [String: Any])?["completedAt"] is String)
            let certificate = try #require(grades.json["certificate"] as? [String: Any])
            let code = try #require(certificate["code"] as? String)
            let verified = try await app.request(.get, "/api/v1/certificates/\(code)")
            #expect(verified.status == .ok)
            #expect((verified.json["certificate"] as? [String: Any])?["studentName"] as? String == "Grace \"Amazing\" Hopper, PhD")
            #expect(try await app.request(.get, "/api/v1/certificates/NOPE0-NOPE0").status == .notFound)
            // Identity hears CourseCompleted through the outbox and emails the certificate, once.
            let congratulations = try await app.mail(to: student.email).filter { $0.subject.hasPrefix("You completed") }
            #expect(congratulations.count == 1)
            #expect(congratulations.first?.body.contains("/certificates/\(code)") == true)
            #expect(try await app.mail(to: lazy.email).allSatisfy { !$0.subject.hasPrefix("You completed") })

            #expect(try await app.request(.get, "/api/v1/courses/\(course.id)/gradebook", token: student.accessToken).status == .forbidden)
            let book = try await app.request(.get, "/api/v1/courses/\(course.id)/gradebook", token: owner.accessToken)
            #expect(book.status == .ok)
            let rows = try #require(book.json["rows"] as? [[String: Any]])
            #expect(rows.count == 2)
            let graceGrades = rows.first { ($0["student"] as? [String: Any])?["id"] as? String == student.id }?["grades"] as? [[String: Any]]
            #expect(graceGrades?.first?["bestPercent"] as? Int == 100)
            #expect(graceGrades?.first?["attempts"] as? Int == 1)

            let csv = try await app.request(.get, "/api/v1/courses/\(course.id)/gradebook.csv", token: owner.accessToken)
            #expect(csv.headers[.contentType] == "text/csv; charset=utf-8")
            let lines = csv.text.components(separatedBy: "\r\n")
            #expect(lines[0] == "\u{FEFF}Student,Email,Student ID,Lessons completed,Lessons total,Progress %,Completed at,Sky check: best %,Sky check: attempts,Sky check: passed")
            #expect(csv.text.contains("\"Grace \"\"Amazing\"\" Hopper, PhD\","))
            #expect(csv.text.contains(",\(student.id),1,1,100,"))
            #expect(csv.text.contains(",100,1,yes"))
            #expect(csv.text.contains("\"'=HYPERLINK(\"\"http://evil\"\")\""))
        }
    }
}
