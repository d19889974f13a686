/// What a paid course costs: an amount in minor units (cents) of a supported currency.
public struct CoursePrice: Sendable, Equatable, Codable {
    /// The currencies courses may be priced in: ISO 4217 codes, lowercase as Stripe writes them, each with two
    /// decimals (so minor units are cents everywhere).
    public static let supportedCurrencies: [String] = ["usd", "eur", "gbp", "chf", "cad", "aud", "nzd", "sek", "nok", "dkk", "pln"]

    /// The amount in minor units, more than zero.
    public let amountMinor: Int
    /// The ISO 4217 code, lowercase.
    public let currency: String

    /// Creates a price; `currency` is lowercased.
    public init(amountMinor: Int, currency: String) {
        self.amountMinor = amountMinor
        self.currency = currency.lowercased()
    }

    /// Whether `code` (any case) is one of `supportedCurrencies`.
    public static func isSupported(_ code: String) -> Bool {
        supportedCurrencies.contains(code.lowercased())
    }

    /// The amount as people read it: "$49.00", "€12.50", "£5.00", or "CHF 30.00" for currencies without a symbol here.
    public var text: String { Self.text(amountMinor: amountMinor, currency: currency) }

    /// `amountMinor` of `currency` as people read it (see `text`).
    public static func text(amountMinor: Int, currency: String) -> String {
        let sign = amountMinor < 0 ? "-" : ""
        let minor = abs(amountMinor)
        let cents = minor % 100
        let number = "\(minor / 100).\(cents < 10 ? "0" : "")\(cents)"
        switch currency.lowercased() {
        case "usd": return "\(sign)$\(number)"
        case "eur": return "\(sign)€\(number)"
        case "gbp": return "\(sign)£\(number)"
        default: return "\(sign)\(currency.uppercased()) \(number)"
        }
    }
}
