import Foundation

/// The two transformations every message body goes through on its way into SMTP's DATA.
public enum SMTPText {
    /// `text` with every line break (CRLF, a lone LF or a lone CR) written as CRLF.
    public static func normalisingLineBreaks(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count + 64)
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\r":
                result += "\r\n"
                previousWasCR = true
                continue
            case "\n":
                if !previousWasCR { result += "\r\n" }
            default:
                result.unicodeScalars.append(scalar)
            }
            previousWasCR = false
        }
        return result
    }

    /// The DATA payload for `message` (CRLF lines): every line starting with "." gets one more (RFC 5321 4.5.2),
    /// and the payload ends with the lone-dot line that closes DATA.
    public static func dataPayload(_ message: String) -> String {
        var lines = normalisingLineBreaks(message).components(separatedBy: "\r\n")
        if lines.last == "" { lines.removeLast() }
        return lines.map { $0.hasPrefix(".") ? "." + $0 : $0 }.joined(separator: "\r\n") + "\r\n.\r\n"
    }
}
