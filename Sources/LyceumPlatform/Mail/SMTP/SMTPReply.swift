/// One reply from the relay: a three-digit code and its text lines (several for a multi-line reply).
public struct SMTPReply: Sendable, Equatable, CustomStringConvertible {
    /// The reply code, such as 250.
    public let code: Int
    /// The text of each line, without the code and separator.
    public let lines: [String]

    /// Creates a reply.
    public init(code: Int, lines: [String]) {
        self.code = code
        self.lines = lines
    }

    /// A 2xx reply.
    public var isSuccess: Bool { (200..<300).contains(code) }

    public var description: String { "\(code) \(lines.joined(separator: " / "))" }
}
