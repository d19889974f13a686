import Foundation
import LyceumCore
import LyceumWeb

/// What the forum pages' refused forms show again: the message, the fields to mark and what was typed.
extension ForumPages {
    /// A refused form filled again: what was typed, the message, and the fields to mark invalid — the error's own,
    /// or for a blocked word, which names none, every text field in `text`.
    static func typedForm(
        _ error: AppError, title: String = "", body: String, tags: String = "", anonymous: Bool = false, text: [String]
    ) -> ForumPageContent.TypedForm {
        let fields = error.fields.isEmpty && error.code == "content_blocked"
            ? Dictionary(uniqueKeysWithValues: text.map { ($0, error.message) }) : error.fields
        return .init(title: title, body: body, tags: tags, anonymous: anonymous, error: error.formMessage, fields: fields)
    }

    /// Tags as a form takes them: separated by commas, blanks left out.
    static func tagList(_ text: String) -> [String] {
        text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
