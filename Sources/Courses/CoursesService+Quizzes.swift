import Foundation
import LyceumContracts
import LyceumCore
import LyceumPlatform
import SQLKit

/// An attempt as its student sees it, with the questions in the attempt's order and no answer keys.
public struct AttemptSheet: Sendable {
    /// A question as the student taking the attempt sees it: no answer key.
    public struct Question: Sendable, Equatable {
        public let id: String
        public let kind: QuestionKind
        public let prompt: String
        /// The options in this attempt's order.
        public let options: [QuestionOption]
        public let points: Int
    }

    /// The review of one question: only present once the attempt is submitted and the quiz allows review.
    public struct Review: Sendable, Equatable {
        public let questionID: String
        /// Whether the attempt's answer was right.
        public let correct: Bool
        /// The right answer, only when the quiz's `revealAnswers` policy allows it for this attempt.
        public let key: AnswerKey?
    }

    public let attempt: QuizAttempt
    public let quiz: Quiz
    /// The questions in this attempt's order, without their keys.
    public let questions: [Question]
    /// Per-question results and keys in question order; `nil` unless the attempt is submitted and the quiz
    /// allows review, so no caller can show a key the service would not give.
    public let review: [Review]?
    /// Answers sent after the time limit, which were not counted.
    public let lateAnswersIgnored: Bool
    /// Attempts the student may still start after this one; `nil` when the quiz allows unlimited attempts.
    public let attemptsLeft: Int?
}

extension CoursesService {
    /// Seconds of network slack allowed after a deadline before answers stop counting.
    static let deadlineGrace: TimeInterval = 2

    /// Creates a quiz in a module of a course the caller edits.
    public func createQuiz(_ principal: Principal?, _ idOrSlug: String, input: QuizInput) async throws -> (Quiz, [QuizQuestion]) {
        let now = now()
        return try await changing { sql in
            let course = try await editableCourse(idOrSlug, for: principal, on: sql)
            guard try await StructureStore.modules(courseID: course.id, on: sql).contains(where: { $0.id == input.moduleId }) else {
                throw AppError.validation(["moduleId": "is not a module of this course"])
            }
            let (quiz, questions) = try QuizRules.quiz(input, courseID: course.id, createdAt: now)
            try await QuizStore.insert(quiz, questions: questions, on: sql)
            return (quiz, questions)
        }
    }

    /// The quizzes of a course the caller can see, with questions (and keys) for teachers only. Students do not
    /// get hidden quizzes, nor those of hidden modules.
    public func quizzes(_ principal: Principal?, _ idOrSlug: String) async throws -> (access: CourseAccess, quizzes: [(Quiz, [QuizQuestion])]) {
        try await database.read { sql in
            let (course, access) = try await visibleCourse(idOrSlug, for: principal, on: sql)
            var quizzes = try await QuizStore.quizzes(courseID: course.id, on: sql)
            if !access.canTeach {
                let hiddenModules = Set(try await StructureStore.modules(courseID: course.id, on: sql).filter(\.isHidden).map(\.id))
                quizzes.removeAll { $0.isHidden || hiddenModules.contains($0.moduleID) }
            }
            var result: [(Quiz, [QuizQuestion])] = []
            for quiz in quizzes {
                result.append((quiz, access.canTeach ? try await QuizStore.questions(quizID: quiz.id, on: sql) : []))
            }
            return (access, result)
        }
    }

    /// Deletes a quiz and its attempts.
    public func deleteQuiz(_ principal: Principal?, quizID: String) async throws {
        let principal = try require(principal)
        try await changing { sql in
            guard let quiz = try await QuizStore.quiz(id: quizID, on: sql) else { throw AppError.notFound("quiz") }
            _ = try await editableCourse(quiz.courseID, for: principal, on: sql)
            try await QuizStore.delete(quizID: quizID, on: sql)
        }
    }

    /// Starts an attempt, or returns the one in progress. 403 unless enrolled; 409 `attempt_limit_reached`
    /// when every allowed attempt is used. Concurrent starts create one attempt.
    public func startAttempt(_ principal: Principal?, quizID: String) async throws -> AttemptSheet {
        let principal = try require(principal)
        for _ in 0..<3 {
            do {
                let (attempt, quiz, questions, count) = try await withStudentName(principal.userID) { studentName in
                    try await database.transaction { sql in
                        try await openAttempt(principal: principal, quizID: quizID, studentName: studentName, on: sql)
                    }
                }
                return Self.sheet(attempt, quiz: quiz, questions: questions, lateAnswersIgnored: false, attempts: count)
            } catch let error where DatabaseFailure(error) == .uniqueViolation {
                continue
            }
        }
        throw AppError.conflict("attempt_conflict", "Another attempt was started at the same moment; try again.")
    }

    /// The open attempt, started now unless one is in progress, with its quiz, questions and the student's
    /// attempts at the quiz (this one included).
    private func openAttempt(
        principal: Principal, quizID: String, studentName: String?, on sql: any SQLDatabase
    ) async throws -> (QuizAttempt, Quiz, [QuizQuestion], [QuizAttempt]) {
        let now = now()
        guard let quiz = try await QuizStore.quiz(id: quizID, on: sql) else { throw AppError.notFound("quiz") }
        let (_, access) = try await visibleCourse(quiz.courseID, for: principal, on: sql)
        if !access.canTeach {
            if quiz.isHidden { throw AppError.notFound("quiz") }
            if try await StructureStore.isModuleHidden(id: quiz.moduleID, on: sql) { throw AppError.notFound("quiz") }
        }
        guard access.isEnrolled else {
            throw AppError(status: 403, code: "enrollment_required", message: "Enroll in the course to take its quizzes.")
        }
        let questions = try await QuizStore.questions(quizID: quiz.id, on: sql)
        var attempts = try await QuizStore.attempts(quizID: quiz.id, userID: principal.userID, on: sql)
        if var open = attempts.last, open.submittedAt == nil {
            if let deadline = open.deadlineAt, deadline.addingTimeInterval(Self.deadlineGrace) < now {
                grade(&open, quiz: quiz, questions: questions, at: now)
                if try await QuizStore.submit(open, on: sql) { try await announceGraded(open, quiz: quiz, at: now, on: sql) }
                try await refreshCompletion(courseID: quiz.courseID, userID: principal.userID, studentName: studentName, at: now, on: sql)
                attempts[attempts.count - 1] = open
            } else {
                return (open, quiz, questions, attempts)
            }
        }
        if let limit = quiz.maxAttempts, attempts.count >= limit {
            throw AppError.conflict("attempt_limit_reached", "You have used all \(limit) attempts at this quiz.")
        }
        var order = questions.map(\.id)
        if quiz.shuffleQuestions { order.shuffle() }
        var optionOrder: [String: [String]] = [:]
        for question in questions where !question.options.isEmpty {
            var ids = question.options.map(\.id)
            if quiz.shuffleOptions { ids.shuffle() }
            optionOrder[question.id] = ids
        }
        let attempt = QuizAttempt(
            id: UUID().uuidString.lowercased(), quizID: quiz.id, courseID: quiz.courseID, userID: principal.userID,
            number: attempts.count + 1, startedAt: now,
            deadlineAt: quiz.timeLimitSeconds.map { now.addingTimeInterval(TimeInterval($0)) }, submittedAt: nil,
            answers: [:], questionOrder: order, optionOrder: optionOrder, score: nil, maxScore: nil, percent: nil, passed: nil
        )
        try await QuizStore.insert(attempt, on: sql)
        return (attempt, quiz, questions, attempts + [attempt])
    }

    /// A quiz as its students would take it, for the course's teachers, without enrolling and without recording
    /// anything: an attempt sheet that is never stored. With `answering`, which reads the answers off the
    /// questions shown, the sheet is graded, its review showing every key. 403 unless the caller teaches the course.
    public func previewQuiz(
        _ principal: Principal?, quizID: String, answering: (([AttemptSheet.Question]) -> [String: SubmittedAnswer])? = nil
    ) async throws -> (course: Course, sheet: AttemptSheet) {
        let principal = try require(principal)
        let now = now()
        let (course, quiz, questions) = try await database.read { sql in
            guard let quiz = try await QuizStore.quiz(id: quizID, on: sql) else { throw AppError.notFound("quiz") }
            let (course, access) = try await visibleCourse(quiz.courseID, for: principal, on: sql)
            guard access.canTeach else { throw AppError.forbidden("Only the course's teachers may preview its quizzes.") }
            return (course, quiz, try await QuizStore.questions(quizID: quiz.id, on: sql))
        }
        var attempt = QuizAttempt(
            id: "preview", quizID: quiz.id, courseID: course.id, userID: principal.userID, number: 1, startedAt: now,
            deadlineAt: quiz.timeLimitSeconds.map { now.addingTimeInterval(TimeInterval($0)) }, submittedAt: nil,
            answers: [:], questionOrder: questions.map(\.id), optionOrder: [:], score: nil, maxScore: nil, percent: nil, passed: nil
        )
        var shown = quiz
        if let answering {
            let answers = answering(Self.sheet(attempt, quiz: quiz, questions: questions, lateAnswersIgnored: false, attempts: [attempt]).questions)
            try Self.check(answers, against: questions)
            attempt.answers = answers
            grade(&attempt, quiz: quiz, questions: questions, at: now)
            shown.allowReview = true
            shown.revealAnswers = .afterEachAttempt
        }
        return (course, Self.sheet(attempt, quiz: shown, questions: questions, lateAnswersIgnored: false, attempts: [attempt]))
    }

    /// The caller's attempt (404 for anyone else's).
    public func attempt(_ principal: Principal?, attemptID: String) async throws -> AttemptSheet {
        try await sheet(try require(principal), attemptID: attemptID, lateAnswersIgnored: false)
    }

    /// Saves answers to an open attempt. 409 `time_limit_exceeded` after the deadline, 409 `attempt_submitted`
    /// after submission, 422 naming answers that do not fit their question. With `replacingAll`, `answers` is
    /// the whole set (a question it leaves out becomes unanswered), as a page's form sends it; otherwise it is
    /// merged into the saved answers.
    public func saveAnswers(
        _ principal: Principal?, attemptID: String, answers: [String: SubmittedAnswer], replacingAll: Bool = false
    ) async throws -> AttemptSheet {
        let principal = try require(principal)
        let now = now()
        try await database.transaction { sql in
            let (attempt, _, questions) = try await ownedAttempt(principal, attemptID: attemptID, lockingForUpdate: true, on: sql)
            guard attempt.submittedAt == nil else {
                throw AppError.conflict("attempt_submitted", "This attempt has already been submitted.")
            }
            if let deadline = attempt.deadlineAt, deadline.addingTimeInterval(Self.deadlineGrace) < now {
                throw AppError.conflict("time_limit_exceeded", "The time limit has passed; answers are no longer accepted.")
            }
            try Self.check(answers, against: questions)
            let kept = replacingAll ? answers : attempt.answers.merging(answers) { _, new in new }
            try await QuizStore.saveAnswers(attemptID: attempt.id, answers: kept, on: sql)
        }
        return try await sheet(principal, attemptID: attemptID, lateAnswersIgnored: false)
    }

    /// Submits and grades an attempt on the server, exactly once: submitting again (or concurrently) returns
    /// the first result. Answers sent after the time limit are not counted. `replacingAll` as in `saveAnswers`.
    public func submitAttempt(
        _ principal: Principal?, attemptID: String, answers: [String: SubmittedAnswer], replacingAll: Bool = false
    ) async throws -> AttemptSheet {
        let principal = try require(principal)
        let now = now()
        let (attempt, quiz, questions, lateIgnored, all) = try await withStudentName(principal.userID) { studentName in
            try await database.transaction { sql in
                var (attempt, quiz, questions) = try await ownedAttempt(principal, attemptID: attemptID, lockingForUpdate: true, on: sql)
                try await EnrollmentStore.lock(courseID: quiz.courseID, userID: principal.userID, on: sql)
                guard attempt.submittedAt == nil else {
                    return (attempt, quiz, questions, false, try await QuizStore.attempts(quizID: quiz.id, userID: principal.userID, on: sql))
                }
                try Self.check(answers, against: questions)
                var late = false
                if let deadline = attempt.deadlineAt, deadline.addingTimeInterval(Self.deadlineGrace) < now {
                    late = !answers.isEmpty
                } else if replacingAll {
                    attempt.answers = answers
                } else {
                    attempt.answers.merge(answers) { _, new in new }
                }
                grade(&attempt, quiz: quiz, questions: questions, at: now)
                if try await QuizStore.submit(attempt, on: sql) {
                    try await announceGraded(attempt, quiz: quiz, at: now, on: sql)
                    try await refreshCompletion(courseID: quiz.courseID, userID: principal.userID, studentName: studentName, at: now, on: sql)
                } else if let stored = try await QuizStore.attempt(id: attempt.id, on: sql) {
                    // Graded by another submit in between: answer with the grade that was kept.
                    attempt = stored
                }
                return (attempt, quiz, questions, late, try await QuizStore.attempts(quizID: quiz.id, userID: principal.userID, on: sql))
            }
        }
        return Self.sheet(attempt, quiz: quiz, questions: questions, lateAnswersIgnored: lateIgnored, attempts: all)
    }

    func grade(_ attempt: inout QuizAttempt, quiz: Quiz, questions: [QuizQuestion], at now: Date) {
        let maxScore = questions.reduce(0) { $0 + $1.points }
        let score = questions.filter { QuizGrading.isCorrect(attempt.answers[$0.id], for: $0) }.reduce(0) { $0 + $1.points }
        let percent = maxScore == 0 ? 0 : score * 100 / maxScore
        attempt.submittedAt = now
        attempt.score = score
        attempt.maxScore = maxScore
        attempt.percent = percent
        attempt.passed = percent >= quiz.passingScore
    }

    /// Announces `QuizAttemptGraded` for an attempt just graded, in the transaction that stored the grade.
    private func announceGraded(_ attempt: QuizAttempt, quiz: Quiz, at now: Date, on sql: any SQLDatabase) async throws {
        let graded = QuizAttemptGraded(
            attemptID: attempt.id, userID: attempt.userID, courseID: quiz.courseID, quizID: quiz.id, quizTitle: quiz.title,
            score: attempt.score ?? 0, maxScore: attempt.maxScore ?? 0, percent: attempt.percent ?? 0, passed: attempt.passed ?? false,
            gradedAt: now
        )
        try await jobs.publish(graded, on: sql)
    }

    private func ownedAttempt(
        _ principal: Principal, attemptID: String, lockingForUpdate: Bool = false, on sql: any SQLDatabase
    ) async throws -> (QuizAttempt, Quiz, [QuizQuestion]) {
        guard let attempt = try await QuizStore.attempt(id: attemptID, lockingForUpdate: lockingForUpdate, on: sql),
            attempt.userID == principal.userID,
            let quiz = try await QuizStore.quiz(id: attempt.quizID, on: sql)
        else { throw AppError.notFound("attempt") }
        return (attempt, quiz, try await QuizStore.questions(quizID: quiz.id, on: sql))
    }

    private func sheet(_ principal: Principal, attemptID: String, lateAnswersIgnored: Bool) async throws -> AttemptSheet {
        try await database.read { sql in
            let (attempt, quiz, questions) = try await ownedAttempt(principal, attemptID: attemptID, on: sql)
            let attempts = try await QuizStore.attempts(quizID: quiz.id, userID: principal.userID, on: sql)
            return Self.sheet(attempt, quiz: quiz, questions: questions, lateAnswersIgnored: lateAnswersIgnored, attempts: attempts)
        }
    }

    /// Whether the review of `attempt` may show the correct answers, by the quiz's `revealAnswers` policy.
    /// `attempts` are all of the student's attempts at the quiz. "After the last attempt" waits until no other
    /// attempt is in progress, so a key is never shown while an attempt it would answer is still open.
    static func revealsAnswers(of attempt: QuizAttempt, quiz: Quiz, attempts: [QuizAttempt]) -> Bool {
        guard attempt.submittedAt != nil, quiz.allowReview else { return false }
        switch quiz.revealAnswers {
        case .never: return false
        case .afterEachAttempt: return true
        case .afterLastAttempt:
            let inProgress = attempts.contains { $0.submittedAt == nil && $0.id != attempt.id }
            let noneLeft = quiz.maxAttempts.map { attempts.count >= $0 } ?? false
            return !inProgress && (attempt.passed == true || noneLeft)
        }
    }

    /// The attempt as its student sees it: questions and options in the attempt's order, keys only in the
    /// review and only when the quiz's policy reveals them.
    static func sheet(
        _ attempt: QuizAttempt, quiz: Quiz, questions: [QuizQuestion], lateAnswersIgnored: Bool, attempts: [QuizAttempt]
    ) -> AttemptSheet {
        let byID = Dictionary(uniqueKeysWithValues: questions.map { ($0.id, $0) })
        let ordered = attempt.questionOrder.compactMap { id -> QuizQuestion? in
            guard var question = byID[id] else { return nil }
            if let order = attempt.optionOrder[id] {
                let options = Dictionary(uniqueKeysWithValues: question.options.map { ($0.id, $0) })
                question.options = order.compactMap { options[$0] }
            }
            return question
        }
        let reveal = revealsAnswers(of: attempt, quiz: quiz, attempts: attempts)
        let review = attempt.submittedAt != nil && quiz.allowReview
            ? ordered.map { question in
                AttemptSheet.Review(
                    questionID: question.id, correct: QuizGrading.isCorrect(attempt.answers[question.id], for: question),
                    key: reveal ? question.key : nil
                )
            }
            : nil
        let used = attempts.contains { $0.id == attempt.id } ? attempts.count : attempts.count + 1
        return AttemptSheet(
            attempt: attempt, quiz: quiz,
            questions: ordered.map {
                AttemptSheet.Question(id: $0.id, kind: $0.kind, prompt: $0.prompt, options: $0.options, points: $0.points)
            },
            review: review, lateAnswersIgnored: lateAnswersIgnored,
            attemptsLeft: quiz.maxAttempts.map { max(0, $0 - used) }
        )
    }

    private static func check(_ answers: [String: SubmittedAnswer], against questions: [QuizQuestion]) throws(AppError) {
        let byID = Dictionary(uniqueKeysWithValues: questions.map { ($0.id, $0) })
        var problems: [String: String] = [:]
        for (id, answer) in answers {
            guard let question = byID[id] else {
                problems["answers.\(id)"] = "is not a question of this quiz"
                continue
            }
            if !QuizGrading.fits(answer, question) { problems["answers.\(id)"] = "does not fit a \(question.kind.rawValue) question" }
        }
        guard problems.isEmpty else { throw AppError.validation(problems) }
    }

    /// Re-evaluates whether a student has completed a course (every lesson done, every quiz passed), keeps the
    /// completion date in step, and issues the certificate the first time, announcing `CourseCompleted`.
    /// Without `studentName`, throws `StudentNameNeeded` when it would issue one (see `withStudentName`).
    func refreshCompletion(courseID: String, userID: String, studentName: String?, at now: Date, on sql: any SQLDatabase) async throws {
        guard let state = try await EnrollmentStore.completion(courseID: courseID, userID: userID, on: sql) else { return }
        if state.finished, state.completedAt == nil {
            guard let studentName else { throw StudentNameNeeded() }
            guard let course = try await CourseStore.find(courseID, on: sql) else { return }
            try await EnrollmentStore.setCompleted(courseID: courseID, userID: userID, at: now, on: sql)
            if let code = try await CertificateStore.issue(course: course, userID: userID, studentName: studentName, at: now, on: sql) {
                let event = CourseCompleted(userID: userID, courseID: courseID, courseTitle: course.title, certificateCode: code, completedAt: now)
                try await jobs.publish(event, on: sql)
            }
        } else if !state.finished, state.completedAt != nil {
            try await EnrollmentStore.setCompleted(courseID: courseID, userID: userID, at: nil, on: sql)
        }
    }

    /// Runs `body` without the student's display name, which only issuing a certificate needs; if `body` throws
    /// `StudentNameNeeded`, reads the name (outside any transaction) and runs `body` once more with it.
    func withStudentName<Result: Sendable>(_ userID: String, _ body: (String?) async throws -> Result) async throws -> Result {
        do {
            return try await body(nil)
        } catch is StudentNameNeeded {
            return try await body(try await users.summaries(ids: [userID])[userID]?.displayName ?? "Student")
        }
    }
}

/// Thrown by a transaction that would issue a certificate but was run without the student's name.
struct StudentNameNeeded: Error {}
