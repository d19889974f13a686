import Foundation
import Identity
import LyceumCore
import LyceumHTTP

extension IdentityService {
    /// The signed-in user of a page request, or `nil`.
    func viewer(_ context: AppRequestContext) async throws -> User? {
        guard let principal = context.principal else { return nil }
        return try await user(id: principal.userID)
    }
}

/// Small formatting helpers for page values.
enum PageFormat {
    /// "Free" or a price such as "49.00 EUR".
    static func price(minor: Int, currency: String) -> String {
        minor == 0 ? "Free" : String(format: "%d.%02d %@", minor / 100, minor % 100, currency)
    }

    /// A calendar date such as "23 November 2026" (UTC).
    static func date(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_GB")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateStyle = .long
        return formatter.string(from: date)
    }

    /// Options for a `<select>`: `[{value, label, selected}]`.
    static func options(_ values: [String], selected: String?, labels: [String: String] = [:]) -> [[String: Any]] {
        values.map { ["value": $0, "label": labels[$0] ?? $0, "selected": $0 == selected] }
    }
}
