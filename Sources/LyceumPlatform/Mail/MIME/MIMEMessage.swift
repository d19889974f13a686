import Crypto
import Foundation

/// Why a message cannot be rendered: nothing a retry can change.
public enum MIMEError: Error, Equatable, CustomStringConvertible {
    /// The recipient is not an ASCII address.
    case invalidRecipient(String)
    /// An extra header's name is not a field name, or its value is longer than a line may be.
    case invalidHeader(String)

    public var description: String {
        switch self {
        case .invalidRecipient(let address): "The recipient \(address) is not an email address this mailer can send to."
        case .invalidHeader(let name): "The header \(name) cannot be sent: invalid name, or longer than 998 characters."
        }
    }
}

/// A `MailMessage` rendered as an Internet message (RFC 5322 with MIME): the headers every message gets, the
/// message's own extra headers, and the text body, or text and HTML as `multipart/alternative`. Pure: the same
/// message, sender, date and transport make the same bytes, and the `Message-ID` depends only on the message's
/// idempotency key, so a retried message keeps its id.
public struct MIMEMessage: Sendable {
    /// The `Message-ID` value, with its angle brackets.
    public let messageID: String
    /// The envelope sender (the `From` address).
    public let sender: String
    /// The envelope recipient.
    public let recipient: String
    /// The whole message, lines ending in CRLF, not yet dot-stuffed.
    public let text: String

    /// Headers the mailer writes itself; a message's extra header with one of these names is left out.
    static let reservedHeaders: Set<String> = [
        "from", "to", "cc", "bcc", "reply-to", "subject", "date", "message-id", "mime-version", "content-type",
        "content-transfer-encoding",
    ]

    /// Renders `message`.
    /// - Parameters:
    ///   - from: the `From` address (`LYCEUM_MAIL_FROM`).
    ///   - replyTo: the `Reply-To` address, if any.
    ///   - date: the `Date` header's time.
    ///   - eightBit: whether the relay offered 8BITMIME, so UTF-8 text may go as `8bit` rather than quoted-printable.
    public init(_ message: MailMessage, from: MailAddress, replyTo: MailAddress?, date: Date, eightBit: Bool) throws(MIMEError) {
        guard let recipient = MailAddress(message.recipient), recipient.displayName == nil else {
            throw .invalidRecipient(HeaderText.singleLine(message.recipient))
        }
        let idSeed = message.idempotencyKey ?? UUID().uuidString
        let digest = SHA256.hash(data: Data(idSeed.utf8)).map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
        messageID = "<\(digest.prefix(32))@\(from.domain)>"
        sender = from.address
        self.recipient = recipient.address

        var headers: [String] = [
            "From: " + Self.address(from),
            "To: " + recipient.address,
        ]
        if let replyTo { headers.append("Reply-To: " + Self.address(replyTo)) }
        headers += [
            "Subject: " + HeaderText.unstructured(message.subject, fieldName: "Subject"),
            "Date: " + Self.rfc5322Date(date),
            "Message-ID: " + messageID,
            "MIME-Version: 1.0",
        ]
        for header in message.headers where !Self.reservedHeaders.contains(header.name.lowercased()) {
            guard Self.isFieldName(header.name) else { throw .invalidHeader(HeaderText.singleLine(header.name)) }
            let value = HeaderText.field(header.value, fieldName: header.name)
            guard value.components(separatedBy: "\r\n").allSatisfy({ $0.utf8.count <= 996 - header.name.utf8.count }) else {
                throw .invalidHeader(header.name)
            }
            headers.append("\(header.name): \(value)")
        }

        let plain = Self.part(message.body, subtype: "plain", eightBit: eightBit)
        var body: String
        if let html = message.html {
            let boundary = "=_lyceum_" + digest.suffix(24)
            headers.append("Content-Type: multipart/alternative; boundary=\"\(boundary)\"")
            let htmlPart = Self.part(html, subtype: "html", eightBit: eightBit)
            body = "This is a MIME message: a text and an HTML version of the same content.\r\n"
            for part in [plain, htmlPart] {
                body += "\r\n--\(boundary)\r\n" + part.headers.joined(separator: "\r\n") + "\r\n\r\n" + part.body
            }
            body += "\r\n--\(boundary)--\r\n"
        } else {
            headers += plain.headers
            body = plain.body.hasSuffix("\r\n") ? plain.body : plain.body + "\r\n"
        }
        text = headers.joined(separator: "\r\n") + "\r\n\r\n" + body
    }

    /// Whether the message needs the relay's 8BITMIME (some body goes as `8bit`).
    public var needsEightBit: Bool { text.utf8.contains { $0 >= 0x80 } }

    private struct Part {
        let headers: [String]
        let body: String
    }

    /// One text part: `7bit` when it is ASCII, `8bit` when the relay allows it, else quoted-printable; lines never
    /// pass 998 octets. A final line break stays part of the content (in a multipart body the CRLF before the next
    /// boundary belongs to the boundary).
    private static func part(_ content: String, subtype: String, eightBit: Bool) -> Part {
        let normalised = SMTPText.normalisingLineBreaks(content)
        let lines = normalised.components(separatedBy: "\r\n")
        let shortLines = lines.allSatisfy { $0.utf8.count <= 998 }
        let ascii = normalised.utf8.allSatisfy { $0 < 0x80 }
        let encoding: String
        let body: String
        if shortLines, ascii {
            (encoding, body) = ("7bit", normalised)
        } else if shortLines, eightBit {
            (encoding, body) = ("8bit", normalised)
        } else {
            (encoding, body) = ("quoted-printable", QuotedPrintable.encode(normalised))
        }
        return Part(headers: ["Content-Type: text/\(subtype); charset=utf-8", "Content-Transfer-Encoding: \(encoding)"], body: body)
    }

    private static func address(_ address: MailAddress) -> String {
        address.displayName.map { HeaderText.displayName($0) + " <\(address.address)>" } ?? address.address
    }

    private static func isFieldName(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.count <= 76 && name.utf8.allSatisfy { $0 >= 33 && $0 <= 126 && $0 != UInt8(ascii: ":") }
    }

    /// `date` as RFC 5322 writes it, in UTC: `Tue, 24 Nov 2026 21:16:09 +0000`.
    static func rfc5322Date(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second, .weekday], from: date)
        let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        func two(_ value: Int?) -> String { value.map { $0 < 10 ? "0\($0)" : "\($0)" } ?? "00" }
        return "\(days[parts.weekday! - 1]), \(two(parts.day)) \(months[parts.month! - 1]) \(parts.year!) "
            + "\(two(parts.hour)):\(two(parts.minute)):\(two(parts.second)) +0000"
    }
}
