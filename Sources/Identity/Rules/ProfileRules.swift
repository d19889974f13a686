import Foundation
import LyceumContracts
import LyceumCore

/// Limits on what people write about themselves.
public enum ProfileRules {
    /// The longest display name, in characters.
    public static let maxDisplayNameLength = 100
    /// The longest bio, in characters.
    public static let maxBioLength = 2000

    /// A trimmed, NFC display name, or the problem with it (for `fields.displayName`).
    public static func displayName(_ raw: String) -> Result<String, FieldProblem> {
        let name = raw.trimmingCharacters(in: .whitespacesAndNewlines).precomposedStringWithCanonicalMapping
        if name.isEmpty { return .failure(FieldProblem("is required")) }
        if name.unicodeScalars.count > maxDisplayNameLength {
            return .failure(FieldProblem("must be at most \(maxDisplayNameLength) characters"))
        }
        if name.unicodeScalars.contains(where: isControl) {
            return .failure(FieldProblem("must not contain control characters"))
        }
        return .success(name)
    }

    /// A trimmed bio (empty clears it), or the problem with it (for `fields.bio`).
    public static func bio(_ raw: String) -> Result<String?, FieldProblem> {
        let bio = raw.trimmingCharacters(in: .whitespacesAndNewlines).precomposedStringWithCanonicalMapping
        if bio.isEmpty { return .success(nil) }
        if bio.unicodeScalars.count > maxBioLength { return .failure(FieldProblem("must be at most \(maxBioLength) characters")) }
        if bio.unicodeScalars.contains(where: { isControl($0) && $0 != "\n" && $0 != "\t" }) {
            return .failure(FieldProblem("must not contain control characters"))
        }
        return .success(bio)
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.generalCategory == .control
    }
}

/// What is wrong with one field, as the sentence fragment shown in `fields`.
public struct FieldProblem: Error, Sendable, Equatable {
    /// For example "must be at most 100 characters".
    public let message: String

    /// Creates the problem.
    public init(_ message: String) { self.message = message }
}

/// Password rules: length only, as current guidance advises; bcrypt's 72-byte limit is handled by pre-hashing.
public enum PasswordPolicy {
    /// The shortest password accepted, in characters.
    public static let minimumLength = 10
    /// The longest password accepted, in characters.
    public static let maximumLength = 128

    /// `nil` when `password` is acceptable, else the problem (for `fields.password`).
    public static func problem(with password: String) -> FieldProblem? {
        // Lengths count Unicode code points, as the API document's minLength and maxLength do.
        if password.unicodeScalars.count < minimumLength { return FieldProblem("must be at least \(minimumLength) characters") }
        if password.unicodeScalars.count > maximumLength { return FieldProblem("must be at most \(maximumLength) characters") }
        return nil
    }
}
