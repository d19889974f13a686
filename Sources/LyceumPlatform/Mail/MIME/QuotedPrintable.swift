import Foundation

/// Quoted-printable (RFC 2045 section 6.7) for text bodies: lines of at most 76 characters, soft breaks as `=`.
enum QuotedPrintable {
    /// Encodes `text`, whose lines end in CRLF (or not at all), keeping its line breaks as hard breaks.
    static func encode(_ text: String) -> String {
        text.components(separatedBy: "\r\n").map(encodeLine).joined(separator: "\r\n")
    }

    private static func encodeLine(_ line: String) -> String {
        let bytes = Array(line.utf8)
        var output = ""
        var column = 0
        for (index, byte) in bytes.enumerated() {
            let isLast = index == bytes.count - 1
            let literal = (byte >= 33 && byte <= 126 && byte != UInt8(ascii: "=")) || ((byte == 32 || byte == 9) && !isLast)
            let token = literal ? String(UnicodeScalar(byte)) : "=" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            if column + token.count > (isLast ? 76 : 75) {
                output += "=\r\n"
                column = 0
            }
            output += token
            column += token.count
        }
        return output
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
