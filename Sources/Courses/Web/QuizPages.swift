import Foundation
import HTTPTypes
import Hummingbird
import LyceumContracts
import LyceumCore
import LyceumHTTP
import LyceumWeb

/// The quiz pages of the learner's side: the quiz's overview, taking an attempt (with a confirmation before
/// submitting unanswered questions), the result at its own address, and the teachers' preview.
extension CoursePages {
    /// Seconds before the deadline from which a submission is taken as the time running out: the countdown
    /// script submits the form then, and asking to confirm unanswered questions would only lose the attempt.
    static let timeUpMargin: TimeInterval = 5

    @Sendable func quiz(_ request: Request, context: AppRequestContext) async throws -> Response {
        let quizID = try context.parameters.require("quiz")
        let outline = try await courses.outline(context.principal, try slug(context))
        guard let quiz = outline.quizzes.first(where: { $0.id == quizID }) else { throw AppError.notFound("quiz") }
        let course = outline.course
        let attempts = context.principal == nil ? [] : try await courses.myAttempts(context.principal, quizID: quiz.id)
        let enrolled = outline.access.isEnrolled
        let open = attempts.last.flatMap { $0.submittedAt == nil ? $0 : nil }
        let left = quiz.maxAttempts.map { max(0, $0 - attempts.count) }
        let content = Content.QuizOverview(
            course: .init(slug: course.slug, title: course.title),
            quiz: .init(id: quiz.id, title: quiz.title, passingScore: quiz.passingScore, timeLimit: CoursePageText.timeLimit(seconds: quiz.timeLimitSeconds)),
            attemptsText: CoursePageText.attemptsLeft(left),
            enrolled: enrolled,
            signInURL: context.principal == nil ? "/signin?next=/courses/\(course.slug)/quizzes/\(quiz.id)" : nil,
            attempts: attempts.map {
                .init(url: "/attempts/\($0.id)", number: $0.number, percent: $0.percent, passed: $0.passed == true, inProgress: $0.submittedAt == nil)
            },
            hasAttempts: !attempts.isEmpty,
            continueURL: enrolled ? open.map { "/attempts/\($0.id)" } : nil,
            canStart: enrolled && open == nil && left != 0,
            noneLeft: enrolled && open == nil && left == 0,
            previewURL: outline.access.canTeach ? "/courses/\(course.slug)/quizzes/\(quiz.id)/preview" : nil,
            path: CoursePath(outline).navigation(around: quiz.id)
        )
        return try renderer.render(Page("quiz", title: quiz.title, content: content, section: .courses), context: context)
    }

    @Sendable func startQuiz(_ request: Request, context: AppRequestContext) async throws -> Response {
        let sheet = try await courses.startAttempt(context.principal, quizID: try context.parameters.require("quiz"))
        return PageRenderer.redirect(to: "/attempts/\(sheet.attempt.id)")
    }

    /// The attempt while it is open; once submitted, its result (and review) at the same address.
    @Sendable func attempt(_ request: Request, context: AppRequestContext) async throws -> Response {
        let attemptID = try context.parameters.require("attempt")
        guard context.principal != nil else { return PageRenderer.signIn(returningTo: "/attempts/\(attemptID)") }
        let sheet = try await courses.attempt(context.principal, attemptID: attemptID)
        return try await renderAttempt(sheet, typed: [:], errors: [:], context: context)
    }

    /// Saves the form's answers and, when every question is answered (or the confirmation says so, or time is
    /// up), submits and redirects to the result's address. With unanswered questions it shows what is missing
    /// and asks to confirm; the answers given so far are saved first, so nothing typed is lost.
    @Sendable func submit(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try context.submittedForm()
        let attemptID = try context.parameters.require("attempt")
        let current = try await courses.attempt(context.principal, attemptID: attemptID)
        let result = "/attempts/\(attemptID)"
        guard current.attempt.submittedAt == nil else { return PageRenderer.redirect(to: result) }
        let (answers, typed, errors) = Self.answers(from: form, for: current.questions)
        if form["confirm"] == "true" {
            // The confirmation carries no answers of its own: those saved before stand.
            _ = try await courses.submitAttempt(context.principal, attemptID: attemptID, answers: answers)
            return PageRenderer.redirect(to: result)
        }
        let timeUp = current.attempt.deadlineAt.map { courses.now() >= $0.addingTimeInterval(-Self.timeUpMargin) } ?? false
        if timeUp {
            _ = try await courses.submitAttempt(context.principal, attemptID: attemptID, answers: answers, replacingAll: true)
            return PageRenderer.redirect(to: result)
        }
        let saved = try await courses.saveAnswers(context.principal, attemptID: attemptID, answers: answers, replacingAll: true)
        if !errors.isEmpty {
            return try await renderAttempt(saved, typed: typed, errors: errors, context: context, status: .unprocessableContent)
        }
        let unanswered = saved.questions.enumerated().filter { saved.attempt.answers[$0.element.id] == nil }
        guard unanswered.isEmpty else {
            let course = try await courses.outline(context.principal, saved.quiz.courseID).course
            let content = Content.AttemptSummary(
                attempt: .init(id: attemptID, quizId: saved.quiz.id, quizTitle: saved.quiz.title, number: saved.attempt.number),
                course: .init(slug: course.slug, title: course.title),
                unanswered: unanswered.map { .init(number: $0.offset + 1, prompt: $0.element.prompt) },
                count: "\(unanswered.count) of \(CoursePageText.count(saved.questions.count, "question"))"
            )
            return try renderer.render(
                Page("attempt-summary", title: "Submit \(saved.quiz.title)?", content: content, section: .courses, narrow: true),
                context: context
            )
        }
        _ = try await courses.submitAttempt(context.principal, attemptID: attemptID, answers: answers, replacingAll: true)
        return PageRenderer.redirect(to: result)
    }

    /// A quiz exactly as its students take it, for the course's teachers; nothing is recorded.
    @Sendable func previewQuiz(_ request: Request, context: AppRequestContext) async throws -> Response {
        let quizID = try context.parameters.require("quiz")
        guard context.principal != nil else {
            return PageRenderer.signIn(returningTo: "/courses/\(try slug(context))/quizzes/\(quizID)/preview")
        }
        let (course, sheet) = try await courses.previewQuiz(context.principal, quizID: quizID)
        return try await renderAttempt(sheet, typed: [:], errors: [:], context: context, preview: course)
    }

    /// Grades a preview on the server, as a student's attempt would be, and shows the result without storing it.
    @Sendable func gradePreview(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try context.submittedForm()
        let quizID = try context.parameters.require("quiz")
        let (course, sheet) = try await courses.previewQuiz(context.principal, quizID: quizID) { questions in
            Self.answers(from: form, for: questions).answers
        }
        return try await renderAttempt(sheet, typed: [:], errors: [:], context: context, preview: course)
    }

    /// The answers a quiz form carries, what was typed per question, and the typed values that are not answers.
    static func answers(
        from form: FormData, for questions: [AttemptSheet.Question]
    ) -> (answers: [String: SubmittedAnswer], typed: [String: String], errors: [String: String]) {
        var answers: [String: SubmittedAnswer] = [:]
        var typed: [String: String] = [:]
        var errors: [String: String] = [:]
        for question in questions {
            let name = "q.\(question.id)"
            switch question.kind {
            case .singleChoice:
                if question.options.contains(where: { $0.id == form[name] }) { answers[question.id] = .text(form[name]) }
            case .multipleChoice:
                let chosen = question.options.map(\.id).filter { form.has("\(name).\($0)") }
                if !chosen.isEmpty { answers[question.id] = .options(chosen) }
            case .trueFalse:
                if ["true", "false"].contains(form[name]) { answers[question.id] = .truth(form[name] == "true") }
            case .shortAnswer:
                let text = String(form[name].prefix(500))
                typed[question.id] = text
                if !text.trimmingCharacters(in: .whitespaces).isEmpty { answers[question.id] = .text(text) }
            case .numeric:
                let text = String(form[name].prefix(100))
                typed[question.id] = text
                let trimmed = text.trimmingCharacters(in: .whitespaces)
                guard !trimmed.isEmpty else { continue }
                if let number = Double(trimmed.replacingOccurrences(of: ",", with: ".")), number.isFinite {
                    answers[question.id] = .number(number)
                } else {
                    errors[question.id] = "Enter a number, such as 42 or 3.5."
                }
            }
        }
        return (answers, typed, errors)
    }

    /// An open attempt (or a preview) as a form, or a submitted one as its result and review.
    func renderAttempt(
        _ sheet: AttemptSheet, typed: [String: String], errors: [String: String], context: AppRequestContext,
        status: HTTPResponse.Status = .ok, preview: Course? = nil
    ) async throws -> Response {
        let attempt = sheet.attempt
        let quiz = sheet.quiz
        let submitted = attempt.submittedAt != nil
        let outline: CourseOutline? = preview == nil ? try await courses.outline(context.principal, quiz.courseID) : nil
        guard let course = preview ?? outline?.course else { throw AppError.notFound("course") }
        var result: Content.Attempt.Result?
        if let score = attempt.score, let maxScore = attempt.maxScore, let percent = attempt.percent {
            var late = sheet.lateAnswersIgnored
            if let deadline = attempt.deadlineAt, let submittedAt = attempt.submittedAt,
                submittedAt > deadline.addingTimeInterval(CoursesService.deadlineGrace)
            {
                late = true
            }
            result = .init(score: score, maxScore: maxScore, percent: percent, passed: attempt.passed == true, late: late)
        }
        let review = sheet.review.map { reviews in
            Content.Attempt.Review(
                items: zip(sheet.questions, reviews).enumerated().map { index, pair in
                    let (question, review) = pair
                    return .init(
                        number: index + 1, prompt: question.prompt, correct: review.correct,
                        yourAnswer: Self.describe(attempt.answers[question.id], of: question),
                        rightAnswer: review.key.map { Self.describe($0, of: question) }
                    )
                },
                withheld: reviews.contains { $0.key == nil } ? Self.withheldReason(quiz.revealAnswers) : nil
            )
        }
        let now = courses.now()
        let timer = submitted ? nil : attempt.deadlineAt.map { deadline in
            Content.Attempt.Timer(
                deadline: ISO8601Text.string(deadline), left: CoursePageText.clock(Int(deadline.timeIntervalSince(now).rounded(.down))),
                until: CoursePageText.timeOfDay(deadline)
            )
        }
        let content = Content.Attempt(
            attempt: .init(id: attempt.id, quizId: quiz.id, quizTitle: quiz.title, number: attempt.number),
            course: .init(slug: course.slug, title: course.title),
            open: !submitted,
            preview: preview != nil,
            formAction: preview != nil ? "/courses/\(course.slug)/quizzes/\(quiz.id)/preview" : "/attempts/\(attempt.id)/submit",
            questions: sheet.questions.enumerated().map { index, question in
                Self.question(question, number: index + 1, answer: attempt.answers[question.id], typed: typed[question.id], error: errors[question.id])
            },
            timer: timer,
            result: result,
            review: review,
            reviewOff: submitted && sheet.review == nil,
            attemptsText: submitted && preview == nil ? CoursePageText.attemptsLeft(sheet.attemptsLeft) : nil,
            retry: submitted && preview == nil && sheet.attemptsLeft != 0 && outline?.access.isEnrolled == true,
            path: submitted ? outline.map { CoursePath($0).navigation(around: quiz.id) } : nil
        )
        let title =
            if preview != nil { "Preview: \(quiz.title)" } else if submitted { "Result: \(quiz.title)" } else { "Attempt \(attempt.number): \(quiz.title)" }
        return try renderer.render(Page("attempt", title: title, content: content, section: .courses), context: context, status: status)
    }

    private static func question(
        _ question: AttemptSheet.Question, number: Int, answer: SubmittedAnswer?, typed: String?, error: String?
    ) -> Content.Attempt.Question {
        let fieldID = "q-\(question.id)"
        var chosen: Set<String> = []
        var value = typed ?? ""
        var truth: Bool?
        switch answer {
        case .text(let text): if question.kind == .singleChoice { chosen = [text] } else if typed == nil { value = text }
        case .options(let ids): chosen = Set(ids)
        case .truth(let answer): truth = answer
        case .number(let number): if typed == nil { value = String(format: "%g", number) }
        case nil: break
        }
        return .init(
            number: number, prompt: question.prompt, points: question.points,
            single: question.kind == .singleChoice, multiple: question.kind == .multipleChoice,
            truefalse: question.kind == .trueFalse, short: question.kind == .shortAnswer, numeric: question.kind == .numeric,
            options: question.options.map {
                .init(id: $0.id, text: $0.text, questionId: question.id, fieldId: "\(fieldID)-\($0.id)", checked: chosen.contains($0.id))
            },
            questionId: question.id, fieldId: fieldID, isTrue: truth == true, isFalse: truth == false, value: value, fieldError: error
        )
    }

    private static func withheldReason(_ reveal: AnswerReveal) -> String {
        switch reveal {
        case .never: "Your instructor does not show the correct answers of this quiz."
        case .afterLastAttempt: "The correct answers are shown once you pass or have no attempt left."
        case .afterEachAttempt: "The correct answers are not available."
        }
    }

    /// A student's answer in words.
    static func describe(_ answer: SubmittedAnswer?, of question: AttemptSheet.Question) -> String {
        guard let answer else { return "No answer" }
        let text = { (id: String) in question.options.first { $0.id == id }?.text ?? id }
        switch answer {
        case .text(let value): return question.kind == .singleChoice ? text(value) : value
        case .options(let ids): return question.options.filter { ids.contains($0.id) }.map(\.text).joined(separator: ", ")
        case .truth(let value): return value ? "True" : "False"
        case .number(let value): return String(format: "%g", value)
        }
    }

    /// The right answer of a reviewed question, in words.
    static func describe(_ key: AnswerKey, of question: AttemptSheet.Question) -> String {
        switch question.kind {
        case .singleChoice, .multipleChoice:
            let right = Set(key.correctOptions ?? [])
            return question.options.filter { right.contains($0.id) }.map(\.text).joined(separator: ", ")
        case .trueFalse: return key.truth == true ? "True" : "False"
        case .shortAnswer: return key.accepted?.first ?? ""
        case .numeric:
            let value = key.value.map { String(format: "%g", $0) } ?? ""
            let tolerance = key.tolerance ?? 0
            return tolerance > 0 ? "\(value) ± \(String(format: "%g", tolerance))" : value
        }
    }
}
