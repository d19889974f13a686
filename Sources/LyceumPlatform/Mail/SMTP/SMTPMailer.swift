import Foundation
import Logging
import NIOSSL
import ServiceLifecycle

/// Sends mail through an SMTP relay (Amazon SES's SMTP interface or any other) on SwiftNIO: implicit TLS or
/// STARTTLS with the certificate checked against the system's CAs (plus `trustedCAFile`), AUTH PLAIN or LOGIN,
/// PIPELINING and 8BITMIME when offered, and idle connections reused for the next message.
///
/// A 5xx reply throws `PermanentJobFailure` (the `SendMail` job is dead at once); 4xx replies and connection, TLS and
/// time-out errors throw `SMTPError`, which the job retries with backoff. Each accepted message is recorded by its
/// idempotency key, and a message already recorded is not sent again. Run it as a service so its idle connections
/// are closed with QUIT at shutdown.
public final class SMTPMailer: Mailer, Service {
    private let settings: SMTPSettings
    private let pool: SMTPConnectionPool
    private let deliveries: MailDeliveryLog
    private let clock: @Sendable () -> Date

    /// Creates the mailer; it connects when the first message comes.
    /// - Throws: `ConfigurationError` when the CA file cannot be read.
    public init(settings: SMTPSettings, database: any Database, clock: @escaping @Sendable () -> Date = { Date() }) throws(ConfigurationError) {
        var tlsConfiguration = TLSConfiguration.makeClientConfiguration()
        tlsConfiguration.certificateVerification = .fullVerification
        tlsConfiguration.minimumTLSVersion = .tlsv12
        if let file = settings.trustedCAFile {
            do {
                tlsConfiguration.additionalTrustRoots = [.certificates(try NIOSSLCertificate.fromPEMFile(file))]
            } catch {
                throw ConfigurationError("LYCEUM_SMTP_CA_FILE names \(file), which is not a readable PEM file of certificates.")
            }
        }
        let tls: NIOSSLContext
        do {
            tls = try NIOSSLContext(configuration: tlsConfiguration)
        } catch {
            throw ConfigurationError("TLS for SMTP cannot be set up: \(error)")
        }
        self.settings = settings
        self.deliveries = MailDeliveryLog(database: database)
        self.clock = clock
        self.pool = SMTPConnectionPool(maxIdle: settings.maxIdleConnections, idleTimeout: settings.idleTimeout) { () async throws(SMTPError) in
            try await SMTPSession.open(settings, tls: tls)
        }
    }

    public func send(_ message: MailMessage, logger: Logger) async throws {
        var logger = logger
        if let key = message.idempotencyKey {
            logger[metadataKey: "mail.key"] = "\(key)"
            if try await deliveries.contains(key) {
                logger.info("Mail already delivered; not sending it again")
                return
            }
        }
        let session: SMTPSession
        do {
            session = try await pool.checkout()
        } catch {
            throw Self.jobError(error, logger: logger)
        }
        let rendered: MIMEMessage
        do {
            rendered = try MIMEMessage(message, from: settings.from, replyTo: settings.replyTo, date: clock(), eightBit: session.extensions.eightBitMIME)
        } catch {
            await pool.checkin(session)
            logger.warning("Mail cannot be rendered", metadata: ["error": "\(error)"])
            throw PermanentJobFailure(error.description)
        }
        logger[metadataKey: "mail.id"] = "\(rendered.messageID)"
        do {
            try await session.send(rendered)
            await pool.checkin(session)
        } catch {
            if case .rejected = error { await pool.checkin(session) } else { await session.connection.close() }
            throw Self.jobError(error, logger: logger)
        }
        logger.info("Mail accepted by the relay", metadata: ["smtp.relay": "\(settings.server.host)"])
        guard let key = message.idempotencyKey else { return }
        do {
            try await deliveries.record(key, messageID: rendered.messageID, at: clock())
        } catch {
            // The relay has the message: failing the job now would send it again on the retry.
            logger.error("Mail was sent but its delivery could not be recorded", metadata: ["mail.key": "\(key)", "error": "\(error)"])
        }
    }

    /// Waits for shutdown, then closes the idle connections with QUIT.
    public func run() async throws {
        try? await gracefulShutdown()
        await pool.shutdown()
    }

    /// Closes the idle connections now.
    public func shutdown() async {
        await pool.shutdown()
    }

    /// How many connections wait idle for the next message.
    public var idleConnections: Int {
        get async { await pool.idleCount }
    }

    private static func jobError(_ error: SMTPError, logger: Logger) -> any Error {
        if error.isPermanent {
            logger.warning("Mail refused by the relay for good", metadata: ["error": "\(error)"])
            return PermanentJobFailure(error.description)
        }
        logger.notice("Mail not delivered; it will be tried again", metadata: ["error": "\(error)"])
        return error
    }
}
