import Foundation

/// The `q` search text of a list route, read the same way everywhere.
public enum SearchText {
    /// The longest search text, in characters.
    public static let maximumLength = 200

    /// `raw` trimmed, or `nil` when absent or blank. Longer than ``maximumLength`` or holding a control
    /// character (PostgreSQL refuses NUL in text; no search means one) is 400 `invalid_query`.
    public static func parse(_ raw: String?) throws(AppError) -> String? {
        guard let text = raw?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else { return nil }
        guard text.count <= maximumLength else {
            throw AppError.badRequest("invalid_query", "The search text must be at most \(maximumLength) characters.")
        }
        guard !text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw AppError.badRequest("invalid_query", "The search text must not contain control characters.")
        }
        return text
    }
}
