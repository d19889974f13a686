/// Everything the SMTP mailer needs: the relay, the sender, and its timings.
public struct SMTPSettings: Sendable {
    /// The relay (`LYCEUM_SMTP_URL`).
    public var server: SMTPServerURL
    /// The `From` address and envelope sender (`LYCEUM_MAIL_FROM`).
    public var from: MailAddress
    /// The `Reply-To` address (`LYCEUM_MAIL_REPLY_TO`).
    public var replyTo: MailAddress?
    /// A PEM file of CA certificates trusted besides the system's (`LYCEUM_SMTP_CA_FILE`).
    public var trustedCAFile: String?
    /// How long connecting may take.
    public var connectTimeout: Duration = .seconds(15)
    /// How long the relay may take to answer one command.
    public var commandTimeout: Duration = .seconds(30)
    /// How long the relay may take to accept the message after its last line.
    public var dataTimeout: Duration = .seconds(120)
    /// How long an idle connection is kept for the next message.
    public var idleTimeout: Duration = .seconds(10)
    /// How many idle connections are kept.
    public var maxIdleConnections = 2

    /// Creates settings with the default timings.
    public init(server: SMTPServerURL, from: MailAddress, replyTo: MailAddress? = nil, trustedCAFile: String? = nil) {
        self.server = server
        self.from = from
        self.replyTo = replyTo
        self.trustedCAFile = trustedCAFile
    }
}
