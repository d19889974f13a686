import Foundation

/// A request body in Stripe's form encoding (`application/x-www-form-urlencoded`): fields in the order they
/// were added, nested keys written as Stripe reads them (`line_items[0][price_data][currency]`).
struct StripeForm: Sendable {
    private(set) var fields: [(key: String, value: String)] = []

    /// Appends a field.
    mutating func add(_ key: String, _ value: String) {
        fields.append((key, value))
    }

    /// The encoded body: every byte outside RFC 3986's unreserved characters percent-encoded, brackets too.
    var encoded: String {
        fields.map { Self.escape($0.key) + "=" + Self.escape($0.value) }.joined(separator: "&")
    }

    private static let unreserved: CharacterSet = {
        var set = CharacterSet()
        set.insert(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
        return set
    }()

    static func escape(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? ""
    }
}
