/// What the relay offered in its EHLO reply, as far as this mailer uses it.
struct SMTPExtensions: Sendable, Equatable {
    var startTLS = false
    var pipelining = false
    var eightBitMIME = false
    /// AUTH mechanisms, upper-cased.
    var authMechanisms: Set<String> = []

    /// Nothing (a relay that only knows HELO).
    static let none = SMTPExtensions()

    /// Reads the EHLO reply's lines after the greeting line.
    init(ehlo reply: SMTPReply) {
        for line in reply.lines.dropFirst() {
            let words = line.uppercased().split(separator: " ").map(String.init)
            switch words.first {
            case "STARTTLS": startTLS = true
            case "PIPELINING": pipelining = true
            case "8BITMIME": eightBitMIME = true
            case "AUTH": authMechanisms.formUnion(words.dropFirst())
            default: break
            }
        }
    }

    private init() {}
}
