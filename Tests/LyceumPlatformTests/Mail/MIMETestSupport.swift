import Foundation

/// Just enough of a MIME reader to check what the renderer wrote, independently of it.
enum MIMEReading {
    /// The header fields of `message` (unfolded), in order, and its body.
    static func split(_ message: String) -> (headers: [(name: String, value: String)], body: String) {
        let range = message.range(of: "\r\n\r\n")!
        var headers: [(String, String)] = []
        for line in message[..<range.lowerBound].components(separatedBy: "\r\n") {
            if line.hasPrefix(" ") || line.hasPrefix("\t") {
                headers[headers.count - 1].1 += line
            } else {
                let colon = line.firstIndex(of: ":")!
                headers.append((String(line[..<colon]), String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespaces)))
            }
        }
        return (headers, String(message[range.upperBound...]))
    }

    /// Decodes RFC 2047 B and Q words (UTF-8), joining adjacent words as RFC 2047 says.
    static func decodeWords(_ value: String) -> String {
        let pattern = try! NSRegularExpression(pattern: #"=\?UTF-8\?([BQ])\?([^?]*)\?=(\s+(?==\?))?"#, options: [.caseInsensitive])
        var result = ""
        var last = value.startIndex
        for match in pattern.matches(in: value, range: NSRange(value.startIndex..., in: value)) {
            let whole = Range(match.range, in: value)!
            result += value[last..<whole.lowerBound]
            let kind = String(value[Range(match.range(at: 1), in: value)!]).uppercased()
            let text = String(value[Range(match.range(at: 2), in: value)!])
            let bytes: Data
            if kind == "B" {
                bytes = Data(base64Encoded: text)!
            } else {
                bytes = Data(quotedPrintable(text.replacingOccurrences(of: "_", with: " ")).utf8)
            }
            result += String(decoding: bytes, as: UTF8.self)
            last = whole.upperBound
        }
        return result + value[last...]
    }

    /// Decodes quoted-printable text (soft breaks removed).
    static func quotedPrintable(_ text: String) -> String {
        var bytes: [UInt8] = []
        let source = Array(text.replacingOccurrences(of: "=\r\n", with: "").utf8)
        var index = 0
        while index < source.count {
            if source[index] == UInt8(ascii: "="), index + 2 < source.count + 0, index + 2 <= source.count - 1,
                let byte = UInt8(String(decoding: source[(index + 1)...(index + 2)], as: UTF8.self), radix: 16)
            {
                bytes.append(byte)
                index += 3
            } else {
                bytes.append(source[index])
                index += 1
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
