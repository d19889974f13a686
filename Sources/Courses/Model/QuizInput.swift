/// A new quiz with all its questions, as an instructor submits it in one call.
public struct QuizInput: Sendable, Decodable {
    public var moduleId: String
    public var title: String
    public var passingScore: Int?
    public var maxAttempts: Int?
    public var timeLimitSeconds: Int?
    public var shuffleQuestions: Bool?
    public var shuffleOptions: Bool?
    public var allowReview: Bool?
    /// When reviews show the correct answers; `after_last_attempt` when absent.
    public var revealAnswers: AnswerReveal?
    /// Hidden from students; `false` when absent.
    public var hidden: Bool?
    public var questions: [QuestionInput]
}

/// One question of a new quiz. Which fields matter depends on `kind`:
/// choice questions use `options` and `correct` (indices into `options`), true/false uses `truth`,
/// short answer uses `accepted`, numeric uses `value` and `tolerance`.
public struct QuestionInput: Sendable, Decodable {
    public var kind: QuestionKind
    public var prompt: String
    public var options: [String]?
    public var correct: [Int]?
    public var truth: Bool?
    public var accepted: [String]?
    public var value: Double?
    public var tolerance: Double?
    public var points: Int?
}
