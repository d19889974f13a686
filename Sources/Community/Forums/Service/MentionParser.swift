import Foundation
/// Finds `@displayName` mentions in a post. Display names may contain spaces, so each `@` offers the
/// runs of one, two and three words after it; the longest run that names a user wins.
struct MentionParser {
    /// The candidate names after each `@`, longest first.
    let candidates: [[String]]

    init(text: String) {
        var candidates: [[String]] = []
        var remainder = Substring(text)
        while let at = remainder.firstIndex(of: "@") {
            let previous = at == remainder.startIndex ? nil : remainder[remainder.index(before: at)]
            remainder = remainder[remainder.index(after: at)...]
            if let previous, previous.isLetter || previous.isNumber { continue }
            let words = remainder.prefix(200).split(whereSeparator: \.isWhitespace).prefix(3).map { word in
                String(word).trimmingCharacters(in: CharacterSet.punctuationCharacters.subtracting(CharacterSet(charactersIn: "-'.")))
            }
            var runs: [String] = []
            for count in stride(from: words.count, through: 1, by: -1) {
                let run = words.prefix(count).joined(separator: " ").trimmingCharacters(in: CharacterSet(charactersIn: ".,;:!?"))
                if !run.isEmpty { runs.append(run) }
            }
            if !runs.isEmpty { candidates.append(runs) }
            if candidates.count >= 30 { break }
        }
        self.candidates = candidates
    }

    /// Every name worth looking up.
    var names: [String] { Array(Set(candidates.flatMap { $0 })).sorted() }

    /// For each `@`, the longest candidate that is a known name (lowercased keys).
    func resolve(known: Set<String>) -> [String] {
        candidates.compactMap { runs in runs.first { known.contains($0.lowercased()) } }
    }
}
