import Foundation

/// Header field text as RFC 5322 and RFC 2047 want it: ASCII only, folded so lines stay under 78 characters.
enum HeaderText {
    /// Raw UTF-8 bytes per encoded word: 39 bytes make 52 base64 characters, so `=?UTF-8?B?…?=` is 64 long and a
    /// first line `Subject: ` plus one word stays under 78.
    private static let bytesPerWord = 39

    /// An unstructured value (a subject): kept as ASCII words when it is ASCII, else RFC 2047 B-encoded words;
    /// either way folded at spaces. Line breaks in `value` become spaces, so a value cannot add a header.
    static func unstructured(_ value: String, fieldName: String) -> String {
        let flat = singleLine(value)
        if flat.unicodeScalars.allSatisfy({ $0.isASCII }), !flat.contains("=?") {
            return fold(flat.split(separator: " ", omittingEmptySubsequences: false).map(String.init), fieldName: fieldName)
        }
        return fold(encodedWords(flat), fieldName: fieldName)
    }

    /// A structured value a module set (`List-Unsubscribe: <https://…>`): kept as it is when it is ASCII, so a URL
    /// holding `=?` is never taken for an encoded word; encoded words only when it is not ASCII. Folded at spaces,
    /// line breaks turned into spaces.
    static func field(_ value: String, fieldName: String) -> String {
        let flat = singleLine(value)
        guard flat.unicodeScalars.allSatisfy({ $0.isASCII }) else { return fold(encodedWords(flat), fieldName: fieldName) }
        return fold(flat.split(separator: " ", omittingEmptySubsequences: false).map(String.init), fieldName: fieldName)
    }

    /// A display name inside an address: an atom run when it is plain, a quoted string when it has specials,
    /// encoded words when it is not ASCII.
    static func displayName(_ name: String) -> String {
        let flat = singleLine(name)
        guard flat.unicodeScalars.allSatisfy({ $0.isASCII }) else { return encodedWords(flat).joined(separator: " ") }
        let atext = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+-/=?^_`{|}~ ")
        if flat.allSatisfy({ atext.contains($0) }), !flat.contains("=?") { return flat }
        return "\"" + flat.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// `value` with every CR and LF turned into a space (header-injection safety).
    static func singleLine(_ value: String) -> String {
        String(String.UnicodeScalarView(value.unicodeScalars.map { $0 == "\r" || $0 == "\n" ? " " : $0 }))
    }

    /// `text` as `=?UTF-8?B?…?=` words, never splitting a UTF-8 sequence between two words.
    static func encodedWords(_ text: String) -> [String] {
        var words: [String] = []
        var chunk: [UInt8] = []
        for character in text {
            let bytes = Array(String(character).utf8)
            if !chunk.isEmpty, chunk.count + bytes.count > bytesPerWord {
                words.append("=?UTF-8?B?" + Data(chunk).base64EncodedString() + "?=")
                chunk = []
            }
            chunk += bytes
        }
        if !chunk.isEmpty || words.isEmpty { words.append("=?UTF-8?B?" + Data(chunk).base64EncodedString() + "?=") }
        return words
    }

    /// Joins `words` with spaces, starting a new line (CRLF and a space) before a word that would pass column 78.
    static func fold(_ words: [String], fieldName: String) -> String {
        var result = ""
        var column = fieldName.utf8.count + 2
        for (index, word) in words.enumerated() {
            if index > 0 {
                if column + 1 + word.utf8.count > 78, column > 1 {
                    result += "\r\n "
                    column = 1
                } else {
                    result += " "
                    column += 1
                }
            }
            result += word
            column += word.utf8.count
        }
        return result
    }
}
