import Foundation
import LyceumCore

/// The limits and checks every post's text passes before it is stored.
enum ForumContentRules {
    static let titleLength = 1...200
    static let bodyLength = 1...20_000
    static let maximumTags = 5
    static let tagLength = 1...30
    static let reasonLength = 1...500
    static let maximumBlockedWords = 500
    static let blockedWordLength = 1...60

    /// A trimmed title, or a `title` field error.
    static func title(_ text: String?, required: Bool, into fields: inout [String: String]) -> String? {
        let trimmed = text?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        if trimmed.isEmpty {
            if required { fields["title"] = "A title is required." }
            return nil
        }
        if !titleLength.contains(trimmed.count) { fields["title"] = "The title must be at most \(titleLength.upperBound) characters." }
        return trimmed
    }

    /// A body, or a `body` field error.
    static func body(_ text: String, into fields: inout [String: String]) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if !bodyLength.contains(trimmed.count) {
            fields["body"] = "The text must be 1 to \(bodyLength.upperBound) characters."
        }
        return trimmed
    }

    /// Tags lowercased, deduplicated, in the order given: letters, digits and hyphens only.
    static func tags(_ tags: [String], into fields: inout [String: String]) -> [String] {
        var result: [String] = []
        for tag in tags {
            let normalised = tag.trimmingCharacters(in: .whitespaces).lowercased()
            guard tagLength.contains(normalised.count), normalised.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }) else {
                fields["tags"] = "Each tag is 1 to \(tagLength.upperBound) letters, digits or hyphens."
                return []
            }
            if !result.contains(normalised) { result.append(normalised) }
        }
        // Counted as submitted, repeats included, as the document's `maxItems` counts them.
        if tags.count > maximumTags { fields["tags"] = "At most \(maximumTags) tags." }
        return result
    }

    /// A blocked-words list as admins submit it: trimmed, lowercased, deduplicated and sorted.
    static func blockedWords(_ words: [String]) throws(AppError) -> [String] {
        let normalised = Set(words.map { $0.trimmingCharacters(in: .whitespacesAndNewlines).lowercased() }.filter { !$0.isEmpty })
        guard normalised.count <= maximumBlockedWords, normalised.allSatisfy({ blockedWordLength.contains($0.count) }) else {
            throw AppError.validation(["words": "At most \(maximumBlockedWords) words of 1 to \(blockedWordLength.upperBound) characters."])
        }
        return normalised.sorted()
    }

    /// Throws 422 `content_blocked` when any text contains a blocked word as a whole word, ignoring case.
    static func rejectBlocked(_ texts: [String], blocked: [String]) throws(AppError) {
        guard !blocked.isEmpty else { return }
        for text in texts {
            let lowered = text.lowercased()
            for word in blocked where containsWholeWord(word, in: lowered) {
                throw AppError(status: 422, code: "content_blocked", message: "The post contains words this site does not allow.")
            }
        }
    }

    /// Whether `word` occurs in `text` with no letter or digit right before or after it.
    static func containsWholeWord(_ word: String, in text: String) -> Bool {
        var searchStart = text.startIndex
        while let range = text.range(of: word, range: searchStart..<text.endIndex) {
            let before = range.lowerBound == text.startIndex ? nil : text[text.index(before: range.lowerBound)]
            let after = range.upperBound == text.endIndex ? nil : text[range.upperBound]
            if !isWordCharacter(before) && !isWordCharacter(after) { return true }
            searchStart = text.index(after: range.lowerBound)
        }
        return false
    }

    private static func isWordCharacter(_ character: Character?) -> Bool {
        guard let character else { return false }
        return character.isLetter || character.isNumber || character == "_"
    }
}
