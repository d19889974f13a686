import Foundation

/// Prices as instructors type and read them ("49.00"), against the minor units (cents) the courses store.
enum MoneyText {
    /// Minor units of `text`: digits with an optional decimal point or comma and at most two decimals
    /// ("49", "49.5", "49,00"); `nil` for anything else, including negative amounts.
    static func minorUnits(_ text: String) -> Int? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let parts = trimmed.split(separator: trimmed.contains(",") ? "," : ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let whole = parts.first, !whole.isEmpty, whole.count <= 9,
            whole.allSatisfy(\.isASCII), whole.allSatisfy(\.isNumber), let units = Int(whole)
        else { return nil }
        guard parts.count == 2 else { return units * 100 }
        let fraction = parts[1]
        guard (1...2).contains(fraction.count), fraction.allSatisfy(\.isASCII), fraction.allSatisfy(\.isNumber),
            let cents = Int(fraction)
        else { return nil }
        return units * 100 + (fraction.count == 1 ? cents * 10 : cents)
    }

    /// `minor` units as a decimal amount with two decimals ("49.00").
    static func text(minor: Int) -> String {
        let cents = minor % 100
        return "\(minor / 100).\(cents < 10 ? "0" : "")\(cents)"
    }
}
