import Foundation
import LyceumCore

/// The limits every chat input passes before it reaches storage.
enum ChatRules {
    /// A message's length in Unicode code points (as JSON Schema counts them): at most this many as sent, and
    /// at least one once trimmed.
    static let bodyLength = 1...4_000
    /// Characters of a message shown in the room list.
    static let previewLength = 140
    /// A reaction: 1 to 16 Unicode scalars (an emoji sequence or a short word), no spaces or control characters.
    static let emojiScalars = 1...16
    /// Distinct reactions one message may collect.
    static let emojiPerMessage = 20
    /// People in a direct conversation, the creator included.
    static let directMembers = 2...20
    /// History page size.
    static let pageLimit = 1...100
    static let defaultPageSize = 50
    /// Stored frames a resume replays at most; a client that missed more reloads the history.
    static let resumeLimit = 500
    /// Direct conversations listed at most.
    static let directRoomsListed = 200

    /// The trimmed body, or 422 naming `body`.
    static func body(_ text: String) throws(AppError) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard text.unicodeScalars.count <= bodyLength.upperBound, !trimmed.isEmpty else {
            throw AppError.validation(["body": "A message is at most \(bodyLength.upperBound) characters and not blank."])
        }
        guard !trimmed.unicodeScalars.contains(where: { $0.value == 0 }) else {
            throw AppError.validation(["body": "A message cannot contain NUL characters."])
        }
        return trimmed
    }

    /// The reaction as sent, or 422 naming `emoji`.
    static func emoji(_ text: String) throws(AppError) -> String {
        let scalars = text.unicodeScalars
        guard emojiScalars.contains(scalars.count),
            !scalars.contains(where: { $0.properties.isWhitespace || $0.properties.generalCategory == .control })
        else {
            throw AppError.validation(["emoji": "A reaction is 1 to \(emojiScalars.upperBound) characters without spaces."])
        }
        return text
    }

    /// A message id as routes and payloads name it: a UUID, lowercased; `nil` for anything else.
    static func messageID(_ text: String) -> String? {
        guard text.utf8.count == 36, UUID(uuidString: text) != nil else { return nil }
        return text.lowercased()
    }

    /// A user id as a client names it: a UUID, lowercased; `nil` for anything else.
    static func userID(_ text: String) -> String? {
        messageID(text)
    }

    /// The `limit` query parameter: 1 to 100, 50 when absent; 400 `invalid_limit` otherwise.
    static func pageSize(_ text: String?) throws(AppError) -> Int {
        guard let text else { return defaultPageSize }
        guard let value = Int(text), pageLimit.contains(value) else {
            throw AppError.badRequest("invalid_limit", "limit must be a whole number from 1 to \(pageLimit.upperBound).")
        }
        return value
    }

    /// The `before` query parameter: a positive `seq`; 400 `invalid_before` otherwise.
    static func before(_ text: String?) throws(AppError) -> Int64? {
        guard let text else { return nil }
        guard let value = Int64(text), value >= 1 else {
            throw AppError.badRequest("invalid_before", "before must be a message's seq, a whole number from 1.")
        }
        return value
    }

    /// The start of a message for the room list.
    static func preview(_ body: String) -> String {
        body.count <= previewLength ? body : String(body.prefix(previewLength - 1)) + "…"
    }

    /// The member set's key: one direct conversation per set of people.
    static func directKey(_ memberIDs: [String]) -> String {
        SecureToken.digest(of: memberIDs.sorted().joined(separator: "\n"))
    }
}
