import Foundation
import NIOSSL

/// One SMTP dialogue with the relay: greeting, EHLO (or HELO), STARTTLS, AUTH, then any number of messages,
/// each a MAIL FROM / RCPT TO / DATA transaction, until QUIT.
final class SMTPSession: Sendable {
    let connection: SMTPConnection
    let extensions: SMTPExtensions
    private let settings: SMTPSettings

    private init(connection: SMTPConnection, extensions: SMTPExtensions, settings: SMTPSettings) {
        self.connection = connection
        self.extensions = extensions
        self.settings = settings
    }

    /// Connects, greets, secures and authenticates as `settings` say.
    static func open(_ settings: SMTPSettings, tls: NIOSSLContext) async throws(SMTPError) -> SMTPSession {
        let server = settings.server
        let connection = try await SMTPConnection.connect(
            host: server.host, port: server.port, tls: server.security == .implicitTLS ? tls : nil, timeout: settings.connectTimeout
        )
        do {
            let greeting = try await connection.reply(to: "the greeting", within: settings.commandTimeout)
            guard greeting.code == 220 else { throw SMTPError.rejected(command: "the connection", reply: greeting) }
            let helloName = String(settings.from.domain)
            var extensions = try await hello(connection, name: helloName, timeout: settings.commandTimeout)
            if case .startTLS(let required) = server.security {
                if extensions.startTLS {
                    try await command("STARTTLS", on: connection, timeout: settings.commandTimeout, expecting: [220])
                    try await connection.startTLS(tls, host: server.host)
                    extensions = try await hello(connection, name: helloName, timeout: settings.commandTimeout)
                } else if required {
                    throw SMTPError.startTLSUnavailable
                }
            }
            if let username = server.username, let password = server.password {
                guard connection.isSecure || (server.security == .none && server.isLoopback) else { throw SMTPError.insecureAuthentication }
                try await authenticate(connection, extensions: extensions, username: username, password: password, timeout: settings.commandTimeout)
            }
            return SMTPSession(connection: connection, extensions: extensions, settings: settings)
        } catch {
            await connection.close()
            throw error as? SMTPError ?? .connection("\(error)")
        }
    }

    /// Sends one message in one transaction; with PIPELINING, MAIL FROM, RCPT TO and DATA leave in one flush.
    func send(_ message: MIMEMessage) async throws(SMTPError) {
        let timeout = settings.commandTimeout
        let body = extensions.eightBitMIME && message.needsEightBit ? " BODY=8BITMIME" : ""
        let steps = [("MAIL FROM", "MAIL FROM:<\(message.sender)>\(body)\r\n", [250]), ("RCPT TO", "RCPT TO:<\(message.recipient)>\r\n", [250, 251]),
            ("DATA", "DATA\r\n", [354])]
        if extensions.pipelining {
            connection.write(steps.map(\.1).joined())
            var failure: SMTPError?
            var dataAccepted = false
            for (name, _, expected) in steps {
                let reply = try await connection.reply(to: name, within: timeout)
                if failure == nil, !expected.contains(reply.code) { failure = .rejected(command: name, reply: reply) }
                dataAccepted = name == "DATA" && reply.code == 354
            }
            if let failure {
                // A relay that took DATA after refusing the sender or recipient now reads the message: only closing
                // the connection ends that safely.
                if dataAccepted { await connection.close() }
                throw failure
            }
        } else {
            for (name, line, expected) in steps {
                connection.write(line)
                let reply = try await connection.reply(to: name, within: timeout)
                guard expected.contains(reply.code) else { throw .rejected(command: name, reply: reply) }
            }
        }
        connection.write(SMTPText.dataPayload(message.text))
        let reply = try await connection.reply(to: "the message", within: settings.dataTimeout)
        guard reply.code == 250 else { throw .rejected(command: "the message", reply: reply) }
    }

    /// Ends any transaction, so the connection can carry the next message.
    func reset() async throws(SMTPError) {
        try await Self.command("RSET", on: connection, timeout: settings.commandTimeout, expecting: [250])
    }

    /// Says QUIT (without waiting long for the answer) and closes.
    func quit() async {
        if connection.isActive {
            connection.write("QUIT\r\n")
            _ = try? await connection.reply(to: "QUIT", within: .seconds(2))
        }
        await connection.close()
    }

    private static func hello(_ connection: SMTPConnection, name: String, timeout: Duration) async throws(SMTPError) -> SMTPExtensions {
        connection.write("EHLO \(name)\r\n")
        let reply = try await connection.reply(to: "EHLO", within: timeout)
        if reply.code == 250 { return SMTPExtensions(ehlo: reply) }
        guard reply.code >= 500 else { throw .rejected(command: "EHLO", reply: reply) }
        try await command("HELO \(name)", on: connection, timeout: timeout, expecting: [250])
        return .none
    }

    private static func authenticate(
        _ connection: SMTPConnection, extensions: SMTPExtensions, username: String, password: String, timeout: Duration
    ) async throws(SMTPError) {
        func base64(_ text: String) -> String { Data(text.utf8).base64EncodedString() }
        if extensions.authMechanisms.contains("PLAIN") {
            connection.write("AUTH PLAIN \(base64("\0\(username)\0\(password)"))\r\n")
            try expect(try await connection.reply(to: "AUTH", within: timeout), [235], "AUTH")
        } else if extensions.authMechanisms.contains("LOGIN") {
            try await command("AUTH LOGIN", on: connection, timeout: timeout, expecting: [334])
            connection.write(base64(username) + "\r\n")
            try expect(try await connection.reply(to: "AUTH", within: timeout), [334], "AUTH")
            connection.write(base64(password) + "\r\n")
            try expect(try await connection.reply(to: "AUTH", within: timeout), [235], "AUTH")
        } else {
            throw .authenticationUnavailable
        }
    }

    private static func command(_ line: String, on connection: SMTPConnection, timeout: Duration, expecting codes: [Int]) async throws(SMTPError) {
        let verb = String(line.prefix { $0 != " " })
        connection.write(line + "\r\n")
        try expect(try await connection.reply(to: verb, within: timeout), codes, verb)
    }

    private static func expect(_ reply: SMTPReply, _ codes: [Int], _ command: String) throws(SMTPError) {
        guard codes.contains(reply.code) else { throw .rejected(command: command, reply: reply) }
    }
}
