import LyceumContracts
import Foundation
import SQLKit

/// SQL for quizzes, questions and attempts. Structured fields (options, keys, answers) are JSON text,
/// which reads the same on both engines.
struct QuizStore {
    private static let encoder = JSONEncoder()
    private static let decoder = JSONDecoder()

    static let quizColumns = [
        "id", "course_id", "module_id", "title", "passing_score", "max_attempts", "time_limit_seconds",
        "shuffle_questions", "shuffle_options", "allow_review", "created_at", "hidden", "reveal_answers",
    ]
    static let attemptColumns = [
        "id", "quiz_id", "course_id", "user_id", "number", "started_at", "deadline_at", "submitted_at", "answers",
        "question_order", "option_order", "score", "max_score", "percent", "passed",
    ]

    static func json(_ value: some Encodable) throws -> String {
        String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static func value<Value: Decodable>(_ type: Value.Type, from text: String) throws -> Value {
        try decoder.decode(Value.self, from: Data(text.utf8))
    }

    static func insert(_ quiz: Quiz, questions: [QuizQuestion], on sql: any SQLDatabase) async throws {
        try await sql.insert(into: "quizzes").columns(quizColumns)
            .values(
                SQLBind(quiz.id), SQLBind(quiz.courseID), SQLBind(quiz.moduleID), SQLBind(quiz.title),
                SQLBind(quiz.passingScore), SQLBind(quiz.maxAttempts), SQLBind(quiz.timeLimitSeconds),
                SQLBind(quiz.shuffleQuestions), SQLBind(quiz.shuffleOptions), SQLBind(quiz.allowReview),
                SQLBind(quiz.createdAt), SQLBind(quiz.isHidden), SQLBind(quiz.revealAnswers.rawValue)
            )
            .run()
        try await insert(questions, quizID: quiz.id, on: sql)
    }

    static func insert(_ questions: [QuizQuestion], quizID: String, on sql: any SQLDatabase) async throws {
        for question in questions {
            try await sql.insert(into: "quiz_questions")
                .columns("id", "quiz_id", "position", "kind", "prompt", "options", "answer_key", "points")
                .values(
                    SQLBind(question.id), SQLBind(quizID), SQLBind(question.position), SQLBind(question.kind.rawValue),
                    SQLBind(question.prompt), SQLBind(try json(question.options)), SQLBind(try json(question.key)),
                    SQLBind(question.points)
                )
                .run()
        }
    }

    /// Writes a quiz's settings (its questions are written separately).
    static func update(_ quiz: Quiz, on sql: any SQLDatabase) async throws {
        try await sql.update("quizzes")
            .set("module_id", to: quiz.moduleID).set("title", to: quiz.title).set("passing_score", to: quiz.passingScore)
            .set("max_attempts", to: quiz.maxAttempts).set("time_limit_seconds", to: quiz.timeLimitSeconds)
            .set("shuffle_questions", to: quiz.shuffleQuestions).set("shuffle_options", to: quiz.shuffleOptions)
            .set("allow_review", to: quiz.allowReview).set("hidden", to: quiz.isHidden)
            .set("reveal_answers", to: quiz.revealAnswers.rawValue)
            .where("id", .equal, quiz.id).run()
    }

    static func deleteQuestions(quizID: String, on sql: any SQLDatabase) async throws {
        try await sql.delete(from: "quiz_questions").where("quiz_id", .equal, quizID).run()
    }

    /// How many attempts (submitted or not) a quiz has.
    static func attemptCount(quizID: String, on sql: any SQLDatabase) async throws -> Int {
        try await sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("quiz_attempts")
            .where("quiz_id", .equal, quizID).first()?.decode(column: "n", as: Int.self) ?? 0
    }

    static func quiz(id: String, on sql: any SQLDatabase) async throws -> Quiz? {
        try await sql.select().columns(quizColumns.map { SQLIdentifier($0) }).from("quizzes").where("id", .equal, id)
            .first().map(decodeQuiz)
    }

    static func quizzes(courseID: String, on sql: any SQLDatabase) async throws -> [Quiz] {
        try await sql.select().columns(quizColumns.map { SQLIdentifier($0) }).from("quizzes").where("course_id", .equal, courseID)
            .orderBy("created_at").orderBy("id").all().map(decodeQuiz)
    }

    static func questions(quizID: String, on sql: any SQLDatabase) async throws -> [QuizQuestion] {
        try await sql.select().columns("id", "quiz_id", "position", "kind", "prompt", "options", "answer_key", "points")
            .from("quiz_questions").where("quiz_id", .equal, quizID).orderBy("position").all()
            .map { row in
                QuizQuestion(
                    id: try row.decode(column: "id", as: String.self),
                    quizID: try row.decode(column: "quiz_id", as: String.self),
                    position: try row.decode(column: "position", as: Int.self),
                    kind: QuestionKind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .shortAnswer,
                    prompt: try row.decode(column: "prompt", as: String.self),
                    options: try value([QuestionOption].self, from: try row.decode(column: "options", as: String.self)),
                    key: try value(AnswerKey.self, from: try row.decode(column: "answer_key", as: String.self)),
                    points: try row.decode(column: "points", as: Int.self)
                )
            }
    }

    /// The quizzes of a course one student has passed at least once.
    static func passedQuizIDs(courseID: String, userID: String, on sql: any SQLDatabase) async throws -> Set<String> {
        let rows = try await sql.select().distinct().column("quiz_id").from("quiz_attempts")
            .where("course_id", .equal, courseID).where("user_id", .equal, userID).where("passed", .equal, SQLBind(true)).all()
        return Set(try rows.map { try $0.decode(column: "quiz_id", as: String.self) })
    }

    static func delete(quizID: String, on sql: any SQLDatabase) async throws {
        try await sql.delete(from: "quizzes").where("id", .equal, quizID).run()
    }

    static func insert(_ attempt: QuizAttempt, on sql: any SQLDatabase) async throws {
        try await sql.insert(into: "quiz_attempts").columns(attemptColumns)
            .values(
                SQLBind(attempt.id), SQLBind(attempt.quizID), SQLBind(attempt.courseID), SQLBind(attempt.userID),
                SQLBind(attempt.number), SQLBind(attempt.startedAt), SQLBind(attempt.deadlineAt), SQLBind(attempt.submittedAt),
                SQLBind(try json(attempt.answers)), SQLBind(try json(attempt.questionOrder)),
                SQLBind(try json(attempt.optionOrder)), SQLBind(attempt.score), SQLBind(attempt.maxScore),
                SQLBind(attempt.percent), SQLBind(attempt.passed)
            )
            .run()
    }

    /// The attempt with `id`. `lockingForUpdate` also locks its row on PostgreSQL until the transaction ends (answer
    /// saves and submits of one attempt then apply one after the other); SQLite transactions are already serial.
    static func attempt(id: String, lockingForUpdate: Bool = false, on sql: any SQLDatabase) async throws -> QuizAttempt? {
        let select = sql.select().columns(attemptColumns.map { SQLIdentifier($0) }).from("quiz_attempts").where("id", .equal, id)
        return try await (lockingForUpdate ? select.for(.update) : select).first().map(decodeAttempt)
    }

    static func attempts(quizID: String, userID: String, on sql: any SQLDatabase) async throws -> [QuizAttempt] {
        try await sql.select().columns(attemptColumns.map { SQLIdentifier($0) }).from("quiz_attempts")
            .where("quiz_id", .equal, quizID).where("user_id", .equal, userID).orderBy("number").all().map(decodeAttempt)
    }

    static func attempts(courseID: String, on sql: any SQLDatabase) async throws -> [QuizAttempt] {
        try await sql.select().columns(attemptColumns.map { SQLIdentifier($0) }).from("quiz_attempts")
            .where("course_id", .equal, courseID).orderBy("number").all().map(decodeAttempt)
    }

    /// Attempts of one student across a course's quizzes.
    static func attempts(courseID: String, userID: String, on sql: any SQLDatabase) async throws -> [QuizAttempt] {
        try await sql.select().columns(attemptColumns.map { SQLIdentifier($0) }).from("quiz_attempts")
            .where("course_id", .equal, courseID).where("user_id", .equal, userID).orderBy("number").all().map(decodeAttempt)
    }

    static func saveAnswers(attemptID: String, answers: [String: SubmittedAnswer], on sql: any SQLDatabase) async throws {
        try await sql.update("quiz_attempts").set("answers", to: try json(answers))
            .where("id", .equal, attemptID).where("submitted_at", .is, SQLLiteral.null).run()
    }

    /// Records the grade; `false` when the attempt was already submitted (so it is graded exactly once).
    static func submit(_ attempt: QuizAttempt, on sql: any SQLDatabase) async throws -> Bool {
        try await sql.update("quiz_attempts")
            .set("submitted_at", to: attempt.submittedAt).set("answers", to: try json(attempt.answers))
            .set("score", to: attempt.score).set("max_score", to: attempt.maxScore)
            .set("percent", to: attempt.percent).set("passed", to: attempt.passed)
            .where("id", .equal, attempt.id).where("submitted_at", .is, SQLLiteral.null)
            .returning("id").first() != nil
    }

    private static func decodeQuiz(_ row: any SQLRow) throws -> Quiz {
        Quiz(
            id: try row.decode(column: "id", as: String.self),
            courseID: try row.decode(column: "course_id", as: String.self),
            moduleID: try row.decode(column: "module_id", as: String.self),
            title: try row.decode(column: "title", as: String.self),
            passingScore: try row.decode(column: "passing_score", as: Int.self),
            maxAttempts: try row.decode(column: "max_attempts", as: Int?.self),
            timeLimitSeconds: try row.decode(column: "time_limit_seconds", as: Int?.self),
            shuffleQuestions: try row.decode(column: "shuffle_questions", as: Bool.self),
            shuffleOptions: try row.decode(column: "shuffle_options", as: Bool.self),
            allowReview: try row.decode(column: "allow_review", as: Bool.self),
            createdAt: try row.decode(column: "created_at", as: Date.self),
            isHidden: try row.decode(column: "hidden", as: Bool.self),
            revealAnswers: AnswerReveal(rawValue: try row.decode(column: "reveal_answers", as: String.self)) ?? .afterLastAttempt
        )
    }

    private static func decodeAttempt(_ row: any SQLRow) throws -> QuizAttempt {
        QuizAttempt(
            id: try row.decode(column: "id", as: String.self),
            quizID: try row.decode(column: "quiz_id", as: String.self),
            courseID: try row.decode(column: "course_id", as: String.self),
            userID: try row.decode(column: "user_id", as: String.self),
            number: try row.decode(column: "number", as: Int.self),
            startedAt: try row.decode(column: "started_at", as: Date.self),
            deadlineAt: try row.decode(column: "deadline_at", as: Date?.self),
            submittedAt: try row.decode(column: "submitted_at", as: Date?.self),
            answers: try value([String: SubmittedAnswer].self, from: try row.decode(column: "answers", as: String.self)),
            questionOrder: try value([String].self, from: try row.decode(column: "question_order", as: String.self)),
            optionOrder: try value([String: [String]].self, from: try row.decode(column: "option_order", as: String.self)),
            score: try row.decode(column: "score", as: Int?.self),
            maxScore: try row.decode(column: "max_score", as: Int?.self),
            percent: try row.decode(column: "percent", as: Int?.self),
            passed: try row.decode(column: "passed", as: Bool?.self)
        )
    }
}
