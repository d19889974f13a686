/// What went wrong talking to the relay. `isPermanent` sorts them: a 5xx reply will be the same next time,
/// everything else (4xx replies, connection, TLS and time-outs) may pass.
public enum SMTPError: Error, Equatable, CustomStringConvertible {
    /// The relay answered `reply` to `command` (the command's verb only, never its arguments).
    case rejected(command: String, reply: SMTPReply)
    /// The connection could not be made or broke.
    case connection(String)
    /// TLS could not be set up: the handshake failed or the certificate was refused.
    case tls(String)
    /// The relay did not answer `step` in time.
    case timeout(step: String)
    /// The relay sent something that is not SMTP.
    case protocolViolation(String)
    /// `starttls=required`, and the relay does not offer STARTTLS.
    case startTLSUnavailable
    /// The URL has credentials, and the connection is not protected (and not to this machine).
    case insecureAuthentication
    /// The URL has credentials, and the relay offers neither AUTH PLAIN nor LOGIN.
    case authenticationUnavailable

    /// Whether retrying cannot help: the relay refused with a 5xx reply.
    public var isPermanent: Bool {
        if case .rejected(_, let reply) = self { return reply.code >= 500 }
        return false
    }

    public var description: String {
        switch self {
        case .rejected(let command, let reply): "The relay answered \(command) with \(reply)"
        case .connection(let detail): "Cannot talk to the relay: \(detail)"
        case .tls(let detail): "TLS with the relay failed: \(detail)"
        case .timeout(let step): "The relay did not answer \(step) in time"
        case .protocolViolation(let detail): "The relay broke the SMTP protocol: \(detail)"
        case .startTLSUnavailable: "The relay does not offer STARTTLS, and LYCEUM_SMTP_URL requires it"
        case .insecureAuthentication: "Refusing to send the SMTP password over a connection without TLS"
        case .authenticationUnavailable: "The relay offers neither AUTH PLAIN nor AUTH LOGIN"
        }
    }
}
