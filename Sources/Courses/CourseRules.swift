import Foundation
import LyceumContracts
import LyceumCore

/// What a course may contain, checked before anything is written.
enum CourseRules {
    static let maxTitle = 200
    static let maxSummary = 500
    static let maxMarkdown = 100_000
    static let maxTags = 20

    /// A URL-safe slug from `text`: lowercase ASCII letters, digits and single hyphens. Other scripts are
    /// transliterated first ("Основы астрономии" → "osnovy-astronomii"), so any title gives a readable address.
    static func slug(from text: String) -> String {
        let latin = text.applyingTransform(StringTransform("Any-Latin; Latin-ASCII"), reverse: false) ?? text
        let folded = latin.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: Locale(identifier: "en_US_POSIX"))
        var slug = ""
        for scalar in folded.unicodeScalars {
            if scalar.isASCII, CharacterSet.alphanumerics.contains(scalar) {
                slug.unicodeScalars.append(scalar)
            } else if !slug.isEmpty, slug.last != "-" {
                slug.append("-")
            }
        }
        var result = String(slug.prefix(80)).lowercased()
        while result.hasSuffix("-") { result.removeLast() }
        return result
    }

    /// The slug of a new course that names none: made from the title, or, when the title gives no valid slug
    /// (no Latin letters or digits, too short, shaped like a UUID), that made slug with a random suffix.
    static func defaultSlug(for title: String) -> String {
        let made = slug(from: title)
        if isValidSlug(made) { return made }
        let suffix = String(UUID().uuidString.lowercased().prefix(8))
        var stem = String(made.prefix(60))
        while stem.hasSuffix("-") { stem.removeLast() }
        return stem.isEmpty ? "course-\(suffix)" : "\(stem)-\(suffix)"
    }

    static func isValidSlug(_ slug: String) -> Bool {
        (3...80).contains(slug.count) && !slug.hasPrefix("-") && !slug.hasSuffix("-") && !slug.contains("--")
            && slug.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
            && UUID(uuidString: slug) == nil
    }

    static func text(_ value: String, field: String, max: Int, required: Bool, into problems: inout [String: String]) -> String {
        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
        if required && trimmed.isEmpty { problems[field] = "is required" }
        // Lengths count Unicode code points, as the API document's maxLength does (not grapheme clusters).
        if trimmed.unicodeScalars.count > max { problems[field] = "must be at most \(max) characters" }
        if trimmed.unicodeScalars.contains(where: { $0.properties.generalCategory == .control && $0 != "\n" && $0 != "\t" }) {
            problems[field] = "must not contain control characters"
        }
        return trimmed
    }

    static func tags(_ values: [String], into problems: inout [String: String]) -> [String] {
        let cleaned = values.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }.filter { !$0.isEmpty }
        if cleaned.count > maxTags { problems["tags"] = "must be at most \(maxTags) tags" }
        if cleaned.contains(where: { $0.unicodeScalars.count > 40 || $0.contains(",") }) {
            problems["tags"] = "must each be at most 40 characters without commas"
        }
        var seen = Set<String>()
        return cleaned.filter { seen.insert($0).inserted }
    }

    static func language(_ value: String, into problems: inout [String: String]) -> String {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        let valid = (2...35).contains(trimmed.count) && trimmed.allSatisfy { ($0.isASCII && $0.isLetter) || $0 == "-" }
        if !valid { problems["language"] = "must be a language tag such as en or pt-BR" }
        return trimmed
    }

    static func currency(_ value: String, into problems: inout [String: String]) -> String {
        let upper = value.trimmingCharacters(in: .whitespaces).uppercased()
        if !CoursePrice.isSupported(upper) {
            let codes = CoursePrice.supportedCurrencies.map { $0.uppercased() }.joined(separator: ", ")
            problems["currency"] = "must be one of the supported ISO 4217 codes: \(codes)"
        }
        return upper
    }

    static func price(_ value: Int, into problems: inout [String: String]) -> Int {
        if !(0...100_000_000).contains(value) { problems["priceMinor"] = "must be from 0 to 100000000 minor units" }
        return value
    }

    static func videoURL(_ value: String?, into problems: inout [String: String]) -> String? {
        guard let value = value?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        let lower = value.lowercased()
        // Any https host: the lesson page links to it and never frames it, so no provider list is needed.
        if !lower.hasPrefix("https://") || value.unicodeScalars.count > 2000 {
            problems["videoUrl"] = "must be an https address of at most 2000 characters"
        }
        return value
    }

    static func minutes(_ value: Int, into problems: inout [String: String]) -> Int {
        if !(0...1440).contains(value) { problems["estimatedMinutes"] = "must be from 0 to 1440" }
        return value
    }
}
