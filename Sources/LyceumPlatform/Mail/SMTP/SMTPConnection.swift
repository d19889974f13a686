import Foundation
import NIOCore
import NIOPosix
import NIOSSL
import Synchronization

/// One TCP connection to the relay, optionally inside TLS: writes command lines and reads replies, each read
/// bounded by a time-out that closes the connection. Knows nothing of the dialogue; `SMTPSession` does.
final class SMTPConnection: Sendable {
    private let channel: any Channel
    private let replies: NIOLoopBound<SMTPReplyHandler>
    private let tlsActive: Mutex<Bool>

    /// Whether the bytes travel inside TLS now (from the start, or after STARTTLS).
    var isSecure: Bool { tlsActive.withLock { $0 } }

    private init(channel: any Channel, replies: NIOLoopBound<SMTPReplyHandler>, secure: Bool) {
        self.channel = channel
        self.replies = replies
        self.tlsActive = Mutex(secure)
    }

    /// Connects to `host:port`, inside TLS from the first byte when `tls` is given.
    static func connect(host: String, port: Int, tls: NIOSSLContext?, timeout: Duration) async throws(SMTPError) -> SMTPConnection {
        let serverHostname = SMTPConnection.serverHostname(host)
        // Each connection attempt (one per address of the host) gets its own reply handler, kept here as it is
        // made: a handshake that fails at once may take it out of the pipeline before the connection is returned,
        // and its failure must still reach the first read.
        let handlers = ReplyHandlers()
        let bootstrap = ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connectTimeout(TimeAmount(timeout))
            .channelOption(.socketOption(.tcp_nodelay), value: 1)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    if let tls {
                        try channel.pipeline.syncOperations.addHandler(NIOSSLClientHandler(context: tls, serverHostname: serverHostname))
                    }
                    let handler = SMTPReplyHandler()
                    try channel.pipeline.syncOperations.addHandler(handler)
                    handlers.keep(NIOLoopBound(handler, eventLoop: channel.eventLoop), for: channel)
                }
            }
        do {
            let channel = try await bootstrap.connect(host: host, port: port).get()
            guard let replies = handlers.handler(for: channel) else { throw SMTPError.connection("the connection has no SMTP handler") }
            return SMTPConnection(channel: channel, replies: replies, secure: tls != nil)
        } catch let error as NIOSSLError {
            throw .tls("\(error)")
        } catch {
            throw .connection("\(error)")
        }
    }

    /// The name to check the certificate against and send as SNI; `nil` for an IP address (then NIOSSL checks the
    /// certificate against the address connected to).
    static func serverHostname(_ host: String) -> String? {
        var ipv4 = in_addr()
        var ipv6 = in6_addr()
        if inet_pton(AF_INET, host, &ipv4) == 1 || inet_pton(AF_INET6, host, &ipv6) == 1 { return nil }
        return host
    }

    /// Sends `text` (one or more CRLF-terminated lines) in one flush.
    func write(_ text: String) {
        channel.writeAndFlush(channel.allocator.buffer(string: text), promise: nil)
    }

    /// The next reply, or `SMTPError.timeout(step)` (and a closed connection) after `timeout`.
    func reply(to step: String, within timeout: Duration) async throws(SMTPError) -> SMTPReply {
        let replies = self.replies
        let channel = self.channel
        do {
            return try await channel.eventLoop.flatSubmit {
                let reply = replies.value.nextReply(on: channel.eventLoop)
                let timer = channel.eventLoop.scheduleTask(in: TimeAmount(timeout)) {
                    replies.value.fail(.timeout(step: step))
                    channel.close(promise: nil)
                }
                reply.whenComplete { _ in timer.cancel() }
                return reply
            }.get()
        } catch let error as SMTPError {
            throw error
        } catch {
            throw .connection("\(error)")
        }
    }

    /// Puts TLS under the dialogue (after the relay's 220 to STARTTLS); the handshake runs before the next write
    /// leaves, and a refused certificate fails the next reply.
    /// Bytes the relay (or someone on the path) sent in clear after that 220 are a protocol violation
    /// (the STARTTLS command-injection attack): the connection is closed rather than reading them as TLS replies.
    func startTLS(_ context: NIOSSLContext, host: String) async throws(SMTPError) {
        let channel = self.channel
        let replies = self.replies
        let serverHostname = SMTPConnection.serverHostname(host)
        do {
            try await channel.eventLoop.submit {
                guard !replies.value.hasUnreadBytes else {
                    channel.close(promise: nil)
                    throw SMTPError.protocolViolation("the relay sent more after its 220 to STARTTLS, before TLS began")
                }
                try channel.pipeline.syncOperations.addHandler(
                    NIOSSLClientHandler(context: context, serverHostname: serverHostname), position: .first
                )
            }.get()
        } catch let error as SMTPError {
            throw error
        } catch {
            throw .tls("\(error)")
        }
        tlsActive.withLock { $0 = true }
    }

    /// Closes the connection (without QUIT).
    func close() async {
        try? await channel.close()
    }

    /// Whether the connection is still open.
    var isActive: Bool { channel.isActive }
}

/// The reply handler of each channel a connection attempt made.
private final class ReplyHandlers: Sendable {
    private let handlers = Mutex<[ObjectIdentifier: NIOLoopBound<SMTPReplyHandler>]>([:])

    func keep(_ handler: NIOLoopBound<SMTPReplyHandler>, for channel: any Channel) {
        handlers.withLock { $0[ObjectIdentifier(channel)] = handler }
    }

    func handler(for channel: any Channel) -> NIOLoopBound<SMTPReplyHandler>? {
        handlers.withLock { $0[ObjectIdentifier(channel)] }
    }
}

extension TimeAmount {
    init(_ duration: Duration) {
        let (seconds, attoseconds) = duration.components
        self = .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }
}
