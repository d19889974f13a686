import NIOCore
import NIOSSL

/// Reads the relay's bytes as SMTP replies (RFC 5321 4.2: `250-first`, `250 last`) and hands them, in order, to
/// whoever waits. The first failure (a closed connection, a TLS error, a time-out, garbage) fails every waiter,
/// now and later. Lives on the channel's event loop.
final class SMTPReplyHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer

    private static let maxPendingBytes = 64 * 1024
    private var pending = ByteBuffer()
    private var lines: [String] = []
    private var replies = CircularBuffer<SMTPReply>()
    private var waiters = CircularBuffer<EventLoopPromise<SMTPReply>>()
    private var failure: SMTPError?

    /// The next reply, as soon as it has arrived.
    func nextReply(on eventLoop: any EventLoop) -> EventLoopFuture<SMTPReply> {
        if let reply = replies.popFirst() { return eventLoop.makeSucceededFuture(reply) }
        if let failure { return eventLoop.makeFailedFuture(failure) }
        let promise = eventLoop.makePromise(of: SMTPReply.self)
        waiters.append(promise)
        return promise.futureResult
    }

    /// Fails every waiter, and every later one, with `error` (only the first failure counts).
    /// Whether bytes arrived that no read has taken yet: after the relay's 220 to STARTTLS there must be none,
    /// since anything already buffered came in clear text and would be read as if it came over TLS.
    var hasUnreadBytes: Bool { pending.readableBytes > 0 || !lines.isEmpty || !replies.isEmpty }

    func fail(_ error: SMTPError) {
        if failure == nil { failure = error }
        while let waiter = waiters.popFirst() { waiter.fail(failure ?? error) }
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var buffer = unwrapInboundIn(data)
        pending.writeBuffer(&buffer)
        while let newline = pending.readableBytesView.firstIndex(of: UInt8(ascii: "\n")) {
            let bytes = pending.readBytes(length: newline - pending.readerIndex + 1) ?? []
            let line = String(decoding: bytes.dropLast().filter { $0 != UInt8(ascii: "\r") }, as: UTF8.self)
            receive(line)
        }
        pending.discardReadBytes()
        if pending.readableBytes > Self.maxPendingBytes {
            fail(.protocolViolation("a reply line longer than \(Self.maxPendingBytes) bytes"))
            context.close(promise: nil)
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        fail(.connection("the relay closed the connection"))
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        if error is NIOSSLError || error is BoringSSLError {
            fail(.tls("\(error)"))
        } else {
            fail(.connection("\(error)"))
        }
        context.close(promise: nil)
    }

    private func receive(_ line: String) {
        let utf8 = Array(line.utf8)
        guard utf8.count >= 3, let code = Int(String(decoding: utf8[0..<3], as: UTF8.self)), (200...599).contains(code),
            utf8.count == 3 || utf8[3] == UInt8(ascii: " ") || utf8[3] == UInt8(ascii: "-")
        else {
            fail(.protocolViolation("not a reply line: \(line.prefix(80))"))
            return
        }
        lines.append(utf8.count > 4 ? String(decoding: utf8[4...], as: UTF8.self) : "")
        guard utf8.count == 3 || utf8[3] == UInt8(ascii: " ") else { return }
        let reply = SMTPReply(code: code, lines: lines)
        lines = []
        if let waiter = waiters.popFirst() {
            waiter.succeed(reply)
        } else {
            replies.append(reply)
        }
    }
}
