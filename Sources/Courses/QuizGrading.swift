import Foundation

/// Grades answers against keys. Pure functions: the only place that decides right and wrong.
enum QuizGrading {
    /// Whether `answer` is right for `question`.
    static func isCorrect(_ answer: SubmittedAnswer?, for question: QuizQuestion) -> Bool {
        guard let answer else { return false }
        let key = question.key
        switch (question.kind, answer) {
        case (.singleChoice, .text(let id)):
            return key.correctOptions == [id]
        case (.singleChoice, .options(let ids)):
            return ids.count == 1 && key.correctOptions == ids
        case (.multipleChoice, .options(let ids)):
            return Set(ids) == Set(key.correctOptions ?? []) && ids.count == Set(ids).count
        case (.trueFalse, .truth(let value)):
            return key.truth == value
        case (.shortAnswer, .text(let text)):
            let given = normalize(text)
            return !given.isEmpty && (key.accepted ?? []).contains { normalize($0) == given }
        case (.numeric, .number(let number)):
            guard let value = key.value, number.isFinite else { return false }
            return abs(number - value) <= (key.tolerance ?? 0) + 1e-9
        case (.numeric, .text(let text)):
            return isCorrect(Double(text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: ".")).map(SubmittedAnswer.number), for: question)
        default:
            return false
        }
    }

    /// Whether `answer` has the JSON shape `kind` expects (so malformed answers can be refused with 422).
    static func fits(_ answer: SubmittedAnswer, _ question: QuizQuestion) -> Bool {
        switch (question.kind, answer) {
        case (.singleChoice, .text(let id)):
            return question.options.contains { $0.id == id }
        case (.multipleChoice, .options(let ids)):
            return ids.count <= question.options.count && ids.allSatisfy { id in question.options.contains { $0.id == id } }
        case (.trueFalse, .truth):
            return true
        case (.shortAnswer, .text(let text)):
            return text.count <= 500
        case (.numeric, .number(let value)):
            return value.isFinite
        case (.numeric, .text(let text)):
            return Double(text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: ".")) != nil
        default:
            return false
        }
    }

    /// Case, width, accents-insensitive form with single spaces, for short answers.
    static func normalize(_ text: String) -> String {
        text.precomposedStringWithCompatibilityMapping
            .folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: Locale(identifier: "en_US_POSIX"))
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
