import Foundation
import LyceumContracts
import LyceumCore

/// A compact plain-text way to write quiz questions in a form, turned into `QuestionInput`s.
///
/// One block per question, blocks separated by a blank line:
/// ```
/// ? Which planet is largest?      a prompt
/// - Mars                           a wrong option
/// * Jupiter                        a right option (several * make it multiple choice)
/// = false                          true/false answer
/// ~ Milky Way                      an accepted short answer (one line each)
/// # 8 ± 0.5                        a numeric answer with optional tolerance (also "+-")
/// ```
public enum QuizText {
    /// The questions in `text`; 422 `validation_failed` with `fields.questions` naming the first bad block.
    public static func parse(_ text: String) throws(AppError) -> [QuestionInput] {
        let blocks = text.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n\n")
            .map { $0.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } }
            .filter { !$0.isEmpty }
        guard !blocks.isEmpty else { throw AppError.validation(["questions": "write at least one question"]) }
        return try blocks.enumerated().map { index, lines throws(AppError) in try question(lines, number: index + 1) }
    }

    private static func question(_ lines: [String], number: Int) throws(AppError) -> QuestionInput {
        func fail(_ problem: String) -> AppError { AppError.validation(["questions": "question \(number) \(problem)"]) }
        guard let first = lines.first, first.hasPrefix("?") else { throw fail("must start with a line beginning with ?") }
        let prompt = String(first.dropFirst()).trimmingCharacters(in: .whitespaces)
        var options: [String] = []
        var correct: [Int] = []
        var truth: Bool?
        var accepted: [String] = []
        var value: Double?
        var tolerance: Double?
        for line in lines.dropFirst() {
            let marker = line.first
            let rest = String(line.dropFirst()).trimmingCharacters(in: .whitespaces)
            switch marker {
            case "*":
                correct.append(options.count)
                options.append(rest)
            case "-":
                options.append(rest)
            case "=":
                switch rest.lowercased() {
                case "true", "yes": truth = true
                case "false", "no": truth = false
                default: throw fail("has \"= \(rest)\"; write = true or = false")
                }
            case "~":
                accepted.append(rest)
            case "#":
                let parts = rest.replacingOccurrences(of: "+-", with: "±").split(separator: "±").map { $0.trimmingCharacters(in: .whitespaces) }
                guard let first = parts.first, let number = Double(first.replacingOccurrences(of: ",", with: ".")) else {
                    throw fail("has a # line without a number")
                }
                value = number
                if parts.count > 1 {
                    guard let slack = Double(parts[1].replacingOccurrences(of: ",", with: ".")) else { throw fail("has an unreadable tolerance") }
                    tolerance = slack
                }
            default:
                throw fail("has a line \"\(line.prefix(30))\" that starts with none of * - = ~ #")
            }
        }
        let kinds = [!options.isEmpty, truth != nil, !accepted.isEmpty, value != nil].filter { $0 }.count
        guard kinds == 1 else { throw fail("must have exactly one kind of answer (options, =, ~ or #)") }
        let kind: QuestionKind =
            if !options.isEmpty { correct.count > 1 ? .multipleChoice : .singleChoice }
            else if truth != nil { .trueFalse }
            else if !accepted.isEmpty { .shortAnswer }
            else { .numeric }
        return QuestionInput(
            kind: kind, prompt: prompt, options: options.isEmpty ? nil : options, correct: options.isEmpty ? nil : correct,
            truth: truth, accepted: accepted.isEmpty ? nil : accepted, value: value, tolerance: tolerance, points: nil
        )
    }
}
