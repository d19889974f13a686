/// The fields the quiz editor's form posts, built from a compact description of the questions.
struct QuizForm {
    /// One question as the editor's fields describe it.
    struct Question {
        var kind: String
        var prompt: String
        var options: [String] = []
        var right: [Int] = []
        var truth: String = ""
        var accepted: String = ""
        var value: String = ""
        var points: String = "1"

        static func choice(_ prompt: String, _ options: [String], right: [Int]) -> Question {
            Question(kind: right.count == 1 ? "single_choice" : "multiple_choice", prompt: prompt, options: options, right: right)
        }

        static func truth(_ prompt: String, _ truth: Bool) -> Question {
            Question(kind: "true_false", prompt: prompt, truth: truth ? "true" : "false")
        }
    }

    var title: String
    /// The module select's value (the editor of an existing quiz posts it; a new quiz takes the route's).
    var moduleID = ""
    var passingScore = "70"
    var maxAttempts = ""
    var questions: [Question]
    /// Further fields (an `action` button, the import box) on top of the description.
    var extra: [String: String] = [:]

    var fields: [String: String] {
        var fields = [
            "title": title, "passingScore": passingScore, "maxAttempts": maxAttempts, "timeLimitMinutes": "",
            "allowReview": "true", "revealAnswers": "after_last_attempt", "questionCount": String(questions.count),
        ]
        if !moduleID.isEmpty { fields["moduleId"] = moduleID }
        for (index, question) in questions.enumerated() {
            let prefix = "q\(index)."
            fields[prefix + "kind"] = question.kind
            fields[prefix + "prompt"] = question.prompt
            fields[prefix + "points"] = question.points
            fields[prefix + "optionCount"] = String(question.options.count)
            for (position, option) in question.options.enumerated() { fields[prefix + "option\(position)"] = option }
            if question.kind == "single_choice", let right = question.right.first {
                fields[prefix + "correct"] = String(right)
            } else {
                for right in question.right { fields[prefix + "correct\(right)"] = "true" }
            }
            fields[prefix + "truth"] = question.truth
            fields[prefix + "accepted"] = question.accepted
            fields[prefix + "value"] = question.value
        }
        return fields.merging(extra) { _, new in new }
    }
}
