import Foundation
import LyceumCore

/// A submitted HTML form (`application/x-www-form-urlencoded`).
///
/// The web layer's CSRF middleware reads and checks it before any page handler runs, and hands it over in
/// `AppRequestContext.form`; handlers never read a form body themselves.
public struct FormData: Sendable {
    private let values: [String: String]
    private let repeated: [String: [String]]

    /// Parses a form body; the first value of a repeated field wins, and `all(_:)` has every value.
    public init(urlEncoded text: String) {
        var values: [String: String] = [:]
        var repeated: [String: [String]] = [:]
        for pair in text.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = Self.decode(parts[0])
            let value = parts.count > 1 ? Self.decode(parts[1]) : ""
            if values[name] == nil { values[name] = value }
            repeated[name, default: []].append(value)
        }
        self.values = values
        self.repeated = repeated
    }

    /// Every value of a field the form repeats (`<input name="x">` several times, a multiple select), in the
    /// order sent, empty ones left out.
    public func all(_ name: String) -> [String] {
        (repeated[name] ?? []).filter { !$0.isEmpty }
    }

    /// The value of `name`, or an empty string.
    public subscript(name: String) -> String { values[name] ?? "" }

    /// The value of `name`, or `nil` when the form has no such field or it is empty.
    public func nonEmpty(_ name: String) -> String? {
        guard let value = values[name], !value.isEmpty else { return nil }
        return value
    }

    /// Whether the form has a field `name`.
    public func has(_ name: String) -> Bool { values[name] != nil }

    private static func decode(_ text: Substring) -> String {
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }
}
