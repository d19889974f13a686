import Foundation
import LyceumContracts
import LyceumCore
import LyceumHTTP

/// A quiz; `questions` (with answer keys) only for teachers.
struct QuizView: Codable {
    struct QuestionView: Codable {
        let id: String
        let kind: QuestionKind
        let prompt: String
        let options: [QuestionOption]
        let points: Int
        let key: AnswerKey
    }

    let id: String
    let moduleId: String
    let title: String
    let passingScore: Int
    @ExplicitNull var maxAttempts: Int?
    @ExplicitNull var timeLimitSeconds: Int?
    let shuffleQuestions: Bool
    let shuffleOptions: Bool
    let allowReview: Bool
    let revealAnswers: AnswerReveal
    let hidden: Bool
    @ExplicitNull var questions: [QuestionView]?
    /// Attempts so far; only in an editor's view of one quiz.
    var attemptCount: Int?

    init(_ quiz: Quiz, questions: [QuizQuestion]?, attemptCount: Int? = nil) {
        id = quiz.id
        moduleId = quiz.moduleID
        title = quiz.title
        passingScore = quiz.passingScore
        maxAttempts = quiz.maxAttempts
        timeLimitSeconds = quiz.timeLimitSeconds
        shuffleQuestions = quiz.shuffleQuestions
        shuffleOptions = quiz.shuffleOptions
        allowReview = quiz.allowReview
        revealAnswers = quiz.revealAnswers
        hidden = quiz.isHidden
        self.attemptCount = attemptCount
        self.questions = questions.map { $0.map { QuestionView(id: $0.id, kind: $0.kind, prompt: $0.prompt, options: $0.options, points: $0.points, key: $0.key) } }
    }
}

/// An attempt as its student sees it. Keys appear only in `review`, after submission, when the quiz allows
/// review and its `revealAnswers` policy reveals them for this attempt (otherwise `key` is null).
struct AttemptView: Codable {
    struct Question: Codable {
        let id: String
        let kind: QuestionKind
        let prompt: String
        let options: [QuestionOption]
        let points: Int
    }

    struct Result: Codable {
        let score: Int
        let maxScore: Int
        let percent: Int
        let passed: Bool
    }

    struct Review: Codable {
        let questionId: String
        let correct: Bool
        @ExplicitNull var key: AnswerKey?
    }

    let id: String
    let quizId: String
    let quizTitle: String
    let number: Int
    let startedAt: Date
    @ExplicitNull var deadlineAt: Date?
    @ExplicitNull var submittedAt: Date?
    let questions: [Question]
    let answers: [String: SubmittedAnswer]
    @ExplicitNull var result: Result?
    @ExplicitNull var review: [Review]?
    let lateAnswersIgnored: Bool
    @ExplicitNull var attemptsLeft: Int?

    init(_ sheet: AttemptSheet) {
        let attempt = sheet.attempt
        id = attempt.id
        quizId = attempt.quizID
        quizTitle = sheet.quiz.title
        number = attempt.number
        startedAt = attempt.startedAt
        deadlineAt = attempt.deadlineAt
        submittedAt = attempt.submittedAt
        questions = sheet.questions.map { Question(id: $0.id, kind: $0.kind, prompt: $0.prompt, options: $0.options, points: $0.points) }
        answers = attempt.answers
        if let score = attempt.score, let maxScore = attempt.maxScore, let percent = attempt.percent, let passed = attempt.passed {
            result = Result(score: score, maxScore: maxScore, percent: percent, passed: passed)
        }
        review = sheet.review?.map { Review(questionId: $0.questionID, correct: $0.correct, key: $0.key) }
        lateAnswersIgnored = sheet.lateAnswersIgnored
        attemptsLeft = sheet.attemptsLeft
    }
}

/// One quiz column of a grade row.
struct GradeView: Codable {
    let quizId: String
    let attempts: Int
    @ExplicitNull var bestPercent: Int?
    let passed: Bool

    init(_ grade: QuizGrade) {
        quizId = grade.quizID
        attempts = grade.attempts
        bestPercent = grade.bestPercent
        passed = grade.passed
    }
}

/// `{quizzes: [{id, title}], rows: [{student, progress, grades}]}`.
struct GradebookView: Codable {
    struct QuizColumn: Codable {
        let id: String
        let title: String
        let passingScore: Int
    }

    struct Row: Codable {
        let student: RosterEntryView.Student
        let progress: ProgressView
        let grades: [GradeView]
    }

    let quizzes: [QuizColumn]
    let rows: [Row]

    init(_ gradebook: Gradebook) {
        quizzes = gradebook.quizzes.map { QuizColumn(id: $0.id, title: $0.title, passingScore: $0.passingScore) }
        rows = gradebook.rows.map {
            Row(student: .init(id: $0.student.id, displayName: $0.student.displayName), progress: ProgressView($0.progress), grades: $0.grades.map(GradeView.init))
        }
    }
}

/// `{code, studentName, courseTitle, issuedAt}`: what anyone may verify.
struct CertificateView: Codable {
    let code: String
    let studentName: String
    let courseTitle: String
    let courseId: String
    let issuedAt: Date

    init(_ certificate: Certificate) {
        code = certificate.code
        studentName = certificate.studentName
        courseTitle = certificate.courseTitle
        courseId = certificate.courseID
        issuedAt = certificate.issuedAt
    }
}
