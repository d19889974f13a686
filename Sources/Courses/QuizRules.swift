import Foundation
import LyceumContracts
import LyceumCore

/// Validation of quizzes as instructors write them.
enum QuizRules {
    /// The quiz `input` describes, checked; `id` and `createdAt` are kept when an existing quiz is replaced.
    static func quiz(
        _ input: QuizInput, courseID: String, id quizID: String = UUID().uuidString.lowercased(), createdAt now: Date
    ) throws(AppError) -> (Quiz, [QuizQuestion]) {
        var problems: [String: String] = [:]
        let title = CourseRules.text(input.title, field: "title", max: CourseRules.maxTitle, required: true, into: &problems)
        let passing = input.passingScore ?? 70
        if !(0...100).contains(passing) { problems["passingScore"] = "must be a percentage from 0 to 100" }
        if let attempts = input.maxAttempts, !(1...100).contains(attempts) { problems["maxAttempts"] = "must be from 1 to 100" }
        if let seconds = input.timeLimitSeconds, !(10...86_400).contains(seconds) {
            problems["timeLimitSeconds"] = "must be from 10 to 86400 seconds"
        }
        if !(1...100).contains(input.questions.count) { problems["questions"] = "must hold 1 to 100 questions" }
        var questions: [QuizQuestion] = []
        for (index, question) in input.questions.enumerated() {
            questions.append(Self.question(question, index: index, quizID: quizID, into: &problems))
        }
        guard problems.isEmpty else { throw AppError.validation(problems) }
        let quiz = Quiz(
            id: quizID, courseID: courseID, moduleID: input.moduleId, title: title, passingScore: passing,
            maxAttempts: input.maxAttempts, timeLimitSeconds: input.timeLimitSeconds,
            shuffleQuestions: input.shuffleQuestions ?? false, shuffleOptions: input.shuffleOptions ?? false,
            allowReview: input.allowReview ?? true, createdAt: now, isHidden: input.hidden ?? false,
            revealAnswers: input.revealAnswers ?? .afterLastAttempt
        )
        return (quiz, questions)
    }

    /// Whether two question lists ask the same thing with the same keys and points (ids aside), so replacing
    /// one with the other changes no grade.
    static func sameQuestions(_ old: [QuizQuestion], _ new: [QuizQuestion]) -> Bool {
        guard old.count == new.count else { return false }
        return zip(old, new).allSatisfy { old, new in
            old.kind == new.kind && old.prompt == new.prompt && old.points == new.points
                && old.options.map(\.text) == new.options.map(\.text) && old.key.truth == new.key.truth
                && old.key.accepted == new.key.accepted && old.key.value == new.key.value && old.key.tolerance == new.key.tolerance
                && correctIndices(old) == correctIndices(new)
        }
    }

    private static func correctIndices(_ question: QuizQuestion) -> [Int] {
        (question.key.correctOptions ?? []).compactMap { id in question.options.firstIndex { $0.id == id } }.sorted()
    }

    private static func question(_ input: QuestionInput, index: Int, quizID: String, into problems: inout [String: String]) -> QuizQuestion {
        let field = "questions.\(index)"
        let prompt = CourseRules.text(input.prompt, field: "\(field).prompt", max: 2000, required: true, into: &problems)
        let points = input.points ?? 1
        if !(1...100).contains(points) { problems["\(field).points"] = "must be from 1 to 100" }
        var options: [QuestionOption] = []
        var key = AnswerKey()
        switch input.kind {
        case .singleChoice, .multipleChoice:
            let texts = (input.options ?? []).map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            if !(2...10).contains(texts.count) || texts.contains(where: { $0.isEmpty || $0.count > 500 }) {
                problems["\(field).options"] = "must be 2 to 10 non-empty options of at most 500 characters"
            }
            options = texts.map { QuestionOption(id: String(UUID().uuidString.lowercased().prefix(8)), text: $0) }
            let correct = input.correct ?? []
            let valid = !correct.isEmpty && Set(correct).count == correct.count && correct.allSatisfy { options.indices.contains($0) }
            if !valid || (input.kind == .singleChoice && correct.count != 1) {
                problems["\(field).correct"] = input.kind == .singleChoice
                    ? "must name exactly one option by its index" : "must name one or more distinct options by index"
            } else {
                key.correctOptions = correct.map { options[$0].id }
            }
        case .trueFalse:
            if input.truth == nil { problems["\(field).truth"] = "is required" }
            key.truth = input.truth
        case .shortAnswer:
            let accepted = (input.accepted ?? []).map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
            if !(1...20).contains(accepted.count) || accepted.contains(where: { $0.count > 500 }) {
                problems["\(field).accepted"] = "must list 1 to 20 accepted answers"
            }
            key.accepted = accepted
        case .numeric:
            if !(input.value?.isFinite ?? false) { problems["\(field).value"] = "must be a finite number" }
            let tolerance = input.tolerance ?? 0
            if !tolerance.isFinite || tolerance < 0 { problems["\(field).tolerance"] = "must be zero or a positive number" }
            key.value = input.value
            key.tolerance = tolerance
        }
        return QuizQuestion(
            id: UUID().uuidString.lowercased(), quizID: quizID, position: index, kind: input.kind, prompt: prompt,
            options: options, key: key, points: points
        )
    }
}
