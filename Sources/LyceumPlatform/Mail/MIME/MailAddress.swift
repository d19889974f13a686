import Foundation

/// An email address with an optional display name, as in `Lyceum <no-reply@school.example>`.
public struct MailAddress: Sendable, Equatable, CustomStringConvertible {
    /// The display name, if any (`Lyceum`).
    public let displayName: String?
    /// The address itself (`no-reply@school.example`): ASCII, one `@`, no spaces or angle brackets.
    public let address: String

    /// The part after the `@`.
    public var domain: Substring { address[address.index(after: address.lastIndex(of: "@")!)...] }

    /// Parses `Name <local@domain>` or a bare `local@domain`; `nil` when it is neither.
    public init?(_ text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.hasSuffix(">"), let open = trimmed.lastIndex(of: "<") {
            var name = trimmed[..<open].trimmingCharacters(in: .whitespaces)
            if name.count >= 2, name.hasPrefix("\""), name.hasSuffix("\"") { name = String(name.dropFirst().dropLast()) }
            let address = String(trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)])
            guard Self.isAddress(address), !name.contains(where: \.isNewline) else { return nil }
            self.displayName = name.isEmpty ? nil : name
            self.address = address
        } else {
            guard Self.isAddress(trimmed) else { return nil }
            self.displayName = nil
            self.address = trimmed
        }
    }

    public var description: String { displayName.map { "\($0) <\(address)>" } ?? address }

    /// Whether `text` is an ASCII addr-spec this mailer can put in an envelope (no SMTPUTF8).
    static func isAddress(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty, text.utf8.count <= 254 else { return false }
        return text.utf8.allSatisfy { byte in byte > 32 && byte < 127 && !"<>()[]\\,;:\"".utf8.contains(byte) }
    }
}
