import Foundation
import LyceumCore
import LyceumHTTP

/// A quiz as typed into the form editor: every field as text, so a round trip (an added question, a refused
/// save) gives back exactly what was typed, nothing lost.
struct QuizDraft: Sendable, Equatable {
    /// One question as typed.
    struct Question: Sendable, Equatable {
        var kind: QuestionKind = .singleChoice
        var prompt = ""
        var points = "1"
        /// Choice questions: the option texts (at least two rows are shown).
        var options = ["", ""]
        /// Choice questions: indices of the right options.
        var correct: Set<Int> = []
        /// True/false: "true", "false" or "" (not chosen).
        var truth = ""
        /// Short answer: one accepted answer per line.
        var accepted = ""
        /// Numeric: the right value and the allowed distance.
        var value = ""
        var tolerance = "0"
    }

    var title = "Check your understanding"
    var moduleID = ""
    var passingScore = "70"
    var maxAttempts = ""
    var timeLimitMinutes = ""
    var shuffle = false
    var allowReview = true
    var revealAnswers: AnswerReveal = .afterLastAttempt
    var hidden = false
    var questions = [Question()]
    /// Plain-text questions to add (the import box).
    var importText = ""

    static let maxQuestions = 100
    static let maxOptions = 10

    /// An empty draft for a new quiz in `moduleID`.
    init(moduleID: String) {
        self.moduleID = moduleID
    }

    /// The draft of an existing quiz.
    init(_ quiz: Quiz, questions: [QuizQuestion]) {
        title = quiz.title
        moduleID = quiz.moduleID
        passingScore = String(quiz.passingScore)
        maxAttempts = quiz.maxAttempts.map(String.init) ?? ""
        timeLimitMinutes = quiz.timeLimitSeconds.map { $0 % 60 == 0 ? String($0 / 60) : String(Double($0) / 60) } ?? ""
        shuffle = quiz.shuffleQuestions
        allowReview = quiz.allowReview
        revealAnswers = quiz.revealAnswers
        hidden = quiz.isHidden
        self.questions = questions.map(Self.question)
    }

    /// The draft a submitted editor form holds.
    init(form: FormData) {
        title = form["title"]
        moduleID = form["moduleId"]
        passingScore = form["passingScore"]
        maxAttempts = form["maxAttempts"]
        timeLimitMinutes = form["timeLimitMinutes"]
        shuffle = form["shuffle"] == "true"
        allowReview = form["allowReview"] == "true"
        revealAnswers = AnswerReveal(rawValue: form["revealAnswers"]) ?? .afterLastAttempt
        hidden = form["hidden"] == "true"
        importText = form["importText"]
        let count = min(Self.maxQuestions, Int(form["questionCount"]) ?? 0)
        questions = (0..<count).map { index in
            let field = "q\(index)."
            var question = Question()
            question.kind = QuestionKind(rawValue: form[field + "kind"]) ?? .singleChoice
            question.prompt = form[field + "prompt"]
            question.points = form[field + "points"]
            let optionCount = min(Self.maxOptions, Int(form[field + "optionCount"]) ?? 0)
            question.options = (0..<optionCount).map { form[field + "option\($0)"] }
            question.correct = Set((0..<optionCount).filter { form[field + "correct\($0)"] == "true" || form[field + "correct"] == String($0) })
            question.truth = form[field + "truth"]
            question.accepted = form[field + "accepted"]
            question.value = form[field + "value"]
            question.tolerance = form[field + "tolerance"]
            return question
        }
    }

    private static func question(_ question: QuizQuestion) -> Question {
        var draft = Question()
        draft.kind = question.kind
        draft.prompt = question.prompt
        draft.points = String(question.points)
        draft.options = question.options.map(\.text)
        let correct = Set(question.key.correctOptions ?? [])
        draft.correct = Set(question.options.indices.filter { correct.contains(question.options[$0].id) })
        draft.truth = question.key.truth.map { $0 ? "true" : "false" } ?? ""
        draft.accepted = (question.key.accepted ?? []).joined(separator: "\n")
        draft.value = question.key.value.map(Self.number) ?? ""
        draft.tolerance = question.key.tolerance.map(Self.number) ?? "0"
        if !question.kind.hasOptions { draft.options = ["", ""] }
        return draft
    }

    private static func number(_ value: Double) -> String {
        value.rounded() == value && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }

    // MARK: Editing without saving

    /// One of the editor's buttons other than save.
    enum Edit: Equatable {
        case addQuestion
        case removeQuestion(Int)
        case moveQuestion(Int, by: Int)
        case addOption(Int)
        case removeOption(Int, Int)
        /// Redraws the form after a kind change.
        case refresh
        /// Adds the questions of the import box.
        case importText

        /// The edit a button's `action` value names (`nil` for save or anything unknown).
        init?(action: String) {
            let parts = action.split(separator: ":").map(String.init)
            let numbers = parts.dropFirst().compactMap { Int($0) }
            switch (parts.first, numbers.count) {
            case ("add-question", 0): self = .addQuestion
            case ("remove-question", 1): self = .removeQuestion(numbers[0])
            case ("up", 1): self = .moveQuestion(numbers[0], by: -1)
            case ("down", 1): self = .moveQuestion(numbers[0], by: 1)
            case ("add-option", 1): self = .addOption(numbers[0])
            case ("remove-option", 2): self = .removeOption(numbers[0], numbers[1])
            case ("refresh", 0): self = .refresh
            case ("import", 0): self = .importText
            default: return nil
            }
        }
    }

    /// Applies `edit`; a problem (an import that does not parse) comes back as field errors, the draft unchanged.
    mutating func apply(_ edit: Edit) -> [String: String] {
        switch edit {
        case .addQuestion:
            if questions.count < Self.maxQuestions { questions.append(Question()) }
        case .removeQuestion(let index):
            if questions.indices.contains(index) { questions.remove(at: index) }
        case .moveQuestion(let index, let step):
            if questions.indices.contains(index), questions.indices.contains(index + step) { questions.swapAt(index, index + step) }
        case .addOption(let index):
            if questions.indices.contains(index), questions[index].options.count < Self.maxOptions { questions[index].options.append("") }
        case .removeOption(let index, let option):
            guard questions.indices.contains(index), questions[index].options.indices.contains(option) else { break }
            questions[index].options.remove(at: option)
            questions[index].correct = Set(questions[index].correct.compactMap { $0 == option ? nil : ($0 > option ? $0 - 1 : $0) })
        case .refresh:
            break
        case .importText:
            do {
                let imported = try QuizText.parse(importText)
                questions.removeAll { $0 == Question() }
                questions.append(contentsOf: imported.map(Self.question).prefix(Self.maxQuestions - questions.count))
                importText = ""
            } catch {
                return ["importText": error.fields["questions"] ?? error.message]
            }
        }
        return [:]
    }

    private static func question(_ input: QuestionInput) -> Question {
        var draft = Question()
        draft.kind = input.kind
        draft.prompt = input.prompt
        draft.points = String(input.points ?? 1)
        if input.kind.hasOptions { draft.options = input.options ?? [] }
        draft.correct = Set(input.correct ?? [])
        draft.truth = input.truth.map { $0 ? "true" : "false" } ?? ""
        draft.accepted = (input.accepted ?? []).joined(separator: "\n")
        draft.value = input.value.map(Self.number) ?? ""
        draft.tolerance = input.tolerance.map(Self.number) ?? "0"
        return draft
    }

    // MARK: Saving

    /// The quiz input this draft describes, or the fields whose text is not even a number where one is needed
    /// (every other rule is the service's, which reports with the same field names).
    func input() -> Result<QuizInput, AppError> {
        var problems: [String: String] = [:]
        func whole(_ text: String, field: String, optional: Bool) -> Int? {
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty {
                if !optional { problems[field] = "is required" }
                return nil
            }
            guard let number = Int(trimmed) else {
                problems[field] = "must be a whole number"
                return nil
            }
            return number
        }
        let passing = whole(passingScore, field: "passingScore", optional: false)
        let attempts = whole(maxAttempts, field: "maxAttempts", optional: true)
        let minutesText = timeLimitMinutes.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: ".")
        let minutes = minutesText.isEmpty ? nil : Double(minutesText)
        if !minutesText.isEmpty, !(minutes.map { $0.isFinite && $0 >= 1 && $0 <= 1440 } ?? false) {
            problems["timeLimitSeconds"] = "must be from 1 to 1440 minutes"
        }
        var inputs: [QuestionInput] = []
        for (index, question) in questions.enumerated() {
            let field = "questions.\(index)"
            var input = QuestionInput(kind: question.kind, prompt: question.prompt)
            input.points = whole(question.points, field: "\(field).points", optional: false)
            switch question.kind {
            case .singleChoice, .multipleChoice:
                input.options = question.options
                input.correct = question.correct.sorted()
            case .trueFalse:
                input.truth = question.truth.isEmpty ? nil : question.truth == "true"
            case .shortAnswer:
                input.accepted = question.accepted.split(whereSeparator: \.isNewline).map(String.init)
            case .numeric:
                let value = question.value.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: ".")
                let tolerance = question.tolerance.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: ".")
                input.value = Double(value)
                if input.value == nil { problems["\(field).value"] = "must be a number" }
                input.tolerance = tolerance.isEmpty ? 0 : Double(tolerance)
                if input.tolerance == nil { problems["\(field).tolerance"] = "must be a number" }
            }
            inputs.append(input)
        }
        guard problems.isEmpty else { return .failure(AppError.validation(problems)) }
        var input = QuizInput(
            moduleId: moduleID, title: title, passingScore: passing, maxAttempts: attempts,
            timeLimitSeconds: minutes.map { Int(($0 * 60).rounded()) }, shuffle: shuffle, questions: inputs
        )
        input.allowReview = allowReview
        input.revealAnswers = revealAnswers
        input.hidden = hidden
        return .success(input)
    }
}

extension QuestionKind {
    /// Whether the question offers options to choose from.
    var hasOptions: Bool { self == .singleChoice || self == .multipleChoice }

    /// How the editor names the kind.
    var label: String {
        switch self {
        case .singleChoice: "One right option"
        case .multipleChoice: "Several right options"
        case .trueFalse: "True or false"
        case .shortAnswer: "Short answer"
        case .numeric: "Number"
        }
    }
}
