import Foundation

/// Small formatting helpers for page values.
public enum PageFormat {
    /// "Free" or a price such as "49.00 EUR".
    public static func price(minor: Int, currency: String) -> String {
        minor == 0 ? "Free" : String(format: "%d.%02d %@", minor / 100, minor % 100, currency)
    }

    /// A calendar date such as "23 November 2026" (UTC).
    public static func date(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_GB")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateStyle = .long
        return formatter.string(from: date)
    }
}
