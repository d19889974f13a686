import Foundation

/// Where and how to reach the relay, parsed from `LYCEUM_SMTP_URL`:
/// `smtps://user:pass@host:465` (implicit TLS) or `smtp://user:pass@host:587?starttls=required|optional|off`.
public struct SMTPServerURL: Sendable, Equatable, CustomStringConvertible {
    /// How the connection is protected.
    public enum Security: Sendable, Equatable {
        /// TLS from the first byte (`smtps://`, usually port 465).
        case implicitTLS
        /// Plain SMTP upgraded with STARTTLS; `required` refuses a relay that does not offer it.
        case startTLS(required: Bool)
        /// No TLS at all (`starttls=off`): only for a relay on the same machine.
        case none
    }

    /// The relay's host name or IP address.
    public let host: String
    /// The relay's port: 587 for `smtp://` and 465 for `smtps://` unless the URL says otherwise.
    public let port: Int
    /// TLS from the start, STARTTLS, or none.
    public let security: Security
    /// The AUTH user name, percent-decoded.
    public let username: String?
    /// The AUTH password, percent-decoded; never printed.
    public let password: String?

    /// Parses `text`.
    /// - Throws: `ConfigurationError` with a sentence an operator can act on.
    public init(_ text: String) throws(ConfigurationError) {
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased(),
            ["smtp", "smtps"].contains(scheme)
        else {
            throw ConfigurationError("LYCEUM_SMTP_URL must start with smtp:// or smtps:// (e.g. smtp://user:pass@email-smtp.eu-west-1.amazonaws.com:587).")
        }
        guard let host = components.host, !host.isEmpty else {
            throw ConfigurationError("LYCEUM_SMTP_URL has no host name.")
        }
        guard components.path.isEmpty || components.path == "/", components.fragment == nil else {
            throw ConfigurationError("LYCEUM_SMTP_URL must not have a path or fragment; options go in the query (?starttls=required).")
        }
        var starttls: String?
        for item in components.queryItems ?? [] {
            guard item.name == "starttls", let value = item.value?.lowercased(), ["required", "optional", "off"].contains(value) else {
                throw ConfigurationError("LYCEUM_SMTP_URL accepts one option, starttls=required, optional or off (got \(item.name)).")
            }
            starttls = value
        }
        if scheme == "smtps" {
            guard starttls == nil else {
                throw ConfigurationError("LYCEUM_SMTP_URL: smtps:// is TLS from the start; starttls= only applies to smtp://.")
            }
            security = .implicitTLS
        } else {
            switch starttls {
            case "off": security = .none
            case "optional": security = .startTLS(required: false)
            default: security = .startTLS(required: true)
            }
        }
        self.host = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        port = components.port ?? (scheme == "smtps" ? 465 : 587)
        guard (1...65535).contains(port) else { throw ConfigurationError("LYCEUM_SMTP_URL has an invalid port.") }
        username = components.percentEncodedUser.map { $0.removingPercentEncoding ?? $0 }.flatMap { $0.isEmpty ? nil : $0 }
        password = components.percentEncodedPassword.map { $0.removingPercentEncoding ?? $0 }
        if username != nil, password == nil {
            throw ConfigurationError("LYCEUM_SMTP_URL names a user but no password (smtp://user:password@host).")
        }
        if security == .none, username != nil, !isLoopback {
            throw ConfigurationError(
                "LYCEUM_SMTP_URL: starttls=off would send the password in clear to \(self.host); use starttls=required or smtps://."
            )
        }
    }

    /// Whether the relay is on this machine (the only place a password may travel without TLS).
    public var isLoopback: Bool {
        if host == "localhost" { return true }
        var ipv4 = in_addr()
        if inet_pton(AF_INET, host, &ipv4) == 1 { return UInt32(bigEndian: ipv4.s_addr) >> 24 == 127 }
        var ipv6 = in6_addr()
        guard inet_pton(AF_INET6, host, &ipv6) == 1 else { return false }
        return withUnsafeBytes(of: &ipv6) { Array($0) } == Array(repeating: 0, count: 15) + [1]
    }

    /// The URL without its password, for logs and errors.
    public var description: String {
        let scheme = security == .implicitTLS ? "smtps" : "smtp"
        let user = username.map { "\($0)@" } ?? ""
        let option: String =
            switch security {
            case .implicitTLS: ""
            case .startTLS(let required): required ? "?starttls=required" : "?starttls=optional"
            case .none: "?starttls=off"
            }
        return "\(scheme)://\(user)\(host):\(port)\(option)"
    }
}
