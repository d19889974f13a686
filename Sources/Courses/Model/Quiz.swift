import Foundation

/// The kinds of question a quiz may ask.
public enum QuestionKind: String, Sendable, Codable, CaseIterable {
    case singleChoice = "single_choice"
    case multipleChoice = "multiple_choice"
    case trueFalse = "true_false"
    case shortAnswer = "short_answer"
    case numeric
}

/// One option of a choice question.
public struct QuestionOption: Sendable, Codable, Equatable {
    public let id: String
    public let text: String
}

/// What counts as right. Stored server-side only; never sent to a student before they submit.
public struct AnswerKey: Sendable, Codable, Equatable {
    /// Correct option ids (single and multiple choice).
    public var correctOptions: [String]?
    /// The right value of a true/false question.
    public var truth: Bool?
    /// Accepted answers of a short-answer question, compared after normalisation.
    public var accepted: [String]?
    /// The right number of a numeric question.
    public var value: Double?
    /// How far a numeric answer may be from `value`.
    public var tolerance: Double?
}

/// A question with its key.
public struct QuizQuestion: Sendable, Equatable {
    public let id: String
    public let quizID: String
    public var position: Int
    public var kind: QuestionKind
    public var prompt: String
    public var options: [QuestionOption]
    public var key: AnswerKey
    public var points: Int
}

/// A quiz attached to a module.
public struct Quiz: Sendable, Equatable {
    public let id: String
    public let courseID: String
    public var moduleID: String
    public var title: String
    /// Percent needed to pass, 0...100.
    public var passingScore: Int
    /// Attempts allowed per student; `nil` is unlimited.
    public var maxAttempts: Int?
    /// Time allowed per attempt, enforced on the server; `nil` is untimed.
    public var timeLimitSeconds: Int?
    public var shuffleQuestions: Bool
    public var shuffleOptions: Bool
    /// Whether students may review a submitted attempt: their answers, marked right or wrong.
    public var allowReview: Bool
    public let createdAt: Date
    /// Hidden from students; it does not count towards completion while hidden.
    public var isHidden: Bool = false
    /// When a review may also show the correct answers.
    public var revealAnswers: AnswerReveal = .afterLastAttempt
}

/// When a student's review of an attempt shows the correct answers (their own answers and marks are shown
/// whenever the quiz allows review).
public enum AnswerReveal: String, Sendable, Codable, CaseIterable {
    /// Never: students see only which of their answers were right.
    case never
    /// Once the student has no attempt left or has passed (the default, as in Moodle's "after the quiz is closed").
    case afterLastAttempt = "after_last_attempt"
    /// After every submitted attempt.
    case afterEachAttempt = "after_each_attempt"
}

/// A student's answer to one question, in the JSON shape of its kind.
public enum SubmittedAnswer: Sendable, Codable, Equatable {
    /// Chosen option ids (multiple choice).
    case options([String])
    /// True or false.
    case truth(Bool)
    /// A chosen option id (single choice) or typed text (short answer).
    case text(String)
    /// A number (numeric).
    case number(Double)

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let value = try? container.decode(Bool.self) {
            self = .truth(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .text(value)
        } else if let value = try? container.decode([String].self) {
            self = .options(value)
        } else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not an answer")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .text(let value): try container.encode(value)
        case .options(let value): try container.encode(value)
        case .truth(let value): try container.encode(value)
        case .number(let value): try container.encode(value)
        }
    }
}

/// One attempt at a quiz.
public struct QuizAttempt: Sendable, Equatable {
    public let id: String
    public let quizID: String
    public let courseID: String
    public let userID: String
    public let number: Int
    public let startedAt: Date
    public let deadlineAt: Date?
    public var submittedAt: Date?
    public var answers: [String: SubmittedAnswer]
    /// The order questions are shown in (shuffled per attempt when the quiz says so).
    public let questionOrder: [String]
    /// Per question, the order its options are shown in.
    public let optionOrder: [String: [String]]
    public var score: Int?
    public var maxScore: Int?
    public var percent: Int?
    public var passed: Bool?
}
