import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOWebSocket
import Testing

/// A WebSocket client for tests: speaks to the live test server on loopback, sends text (or raw frames for
/// the malformed cases) and reads what the server sends, close frames included. `presence.changed` events,
/// which any room subscriber may get at any moment, are dropped unless the socket is opened to hear them.
final class TestSocket: Sendable {
    /// One thing the server sent.
    enum Received: Sendable {
        case message([String: any Sendable])
        case close(code: Int, reason: String)
    }

    private let channel: any Channel
    private let received: AsyncStream<Received>
    private let iterator: IteratorBox

    private init(channel: any Channel, received: AsyncStream<Received>) {
        self.channel = channel
        self.received = received
        iterator = IteratorBox(received.makeAsyncIterator())
    }

    /// Opens a socket to `/api/v1/realtime` on `port` with extra handshake headers (cookie, origin); it hears
    /// `presence.changed` events only when `hearsPresence`.
    static func connect(
        port: Int, headers: [(String, String)] = [], path: String = "/api/v1/realtime", hearsPresence: Bool = false
    ) async throws -> TestSocket {
        let (stream, continuation) = AsyncStream<Received>.makeStream()
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connect(host: "127.0.0.1", port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    var requestHeaders = HTTPHeaders([("Host", "127.0.0.1:\(port)"), ("Content-Length", "0")])
                    for (name, value) in headers { requestHeaders.add(name: name, value: value) }
                    let upgrader = NIOTypedWebSocketClientUpgrader<Bool>(maxFrameSize: 1 << 20) { channel, _ in
                        channel.eventLoop.makeCompletedFuture {
                            try channel.pipeline.syncOperations.addHandler(Collector(continuation: continuation, hearsPresence: hearsPresence))
                            return true
                        }
                    }
                    let configuration = NIOTypedHTTPClientUpgradeConfiguration<Bool>(
                        upgradeRequestHead: HTTPRequestHead(version: .http1_1, method: .GET, uri: path, headers: requestHeaders),
                        upgraders: [upgrader],
                        notUpgradingCompletionHandler: { channel in channel.eventLoop.makeSucceededFuture(false) }
                    )
                    var pipeline = NIOUpgradableHTTPClientPipelineConfiguration(upgradeConfiguration: configuration)
                    // Frames the server sends right behind its 101 (a refusal's close) arrive in the same read.
                    pipeline.leftOverBytesStrategy = .forwardBytes
                    let negotiated = try channel.pipeline.syncOperations.configureUpgradableHTTPClientPipeline(configuration: pipeline)
                    return negotiated.map { ($0, channel) }
                }
            }
            .get()
        guard channel.0 else { throw SocketTestError.notUpgraded }
        return TestSocket(channel: channel.1, received: stream)
    }

    /// Sends one text frame.
    func send(_ text: String) async throws {
        try await write(WebSocketFrame(fin: true, opcode: .text, data: ByteBuffer(string: text)))
    }

    /// Sends a JSON object as one text frame.
    func send(json: [String: any Sendable]) async throws {
        try await send(String(decoding: try JSONSerialization.data(withJSONObject: json), as: UTF8.self))
    }

    /// Sends text frames in one flush, so they reach the server together however loaded the machine is.
    func sendBurst(json messages: [[String: any Sendable]]) async throws {
        let channel = self.channel
        let frames = try messages.map { message in
            var frame = WebSocketFrame(fin: true, opcode: .text, data: ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: message)))
            frame.maskKey = .random()
            return frame
        }
        try await channel.eventLoop.flatSubmit {
            let written = frames.map { channel.write($0) }
            channel.flush()
            return EventLoopFuture.andAllSucceed(written, on: channel.eventLoop)
        }.get()
    }

    /// Sends any frame, masked as a client must (the encoder applies the key).
    func write(_ frame: WebSocketFrame) async throws {
        var frame = frame
        frame.maskKey = .random()
        try await channel.writeAndFlush(frame)
    }

    /// The next thing the server sends, within `timeout`.
    func next(timeout: Duration = .seconds(10)) async throws -> Received {
        let iterator = self.iterator
        return try await withThrowingTaskGroup(of: Received?.self) { group in
            group.addTask { await iterator.next() }
            group.addTask {
                try await Task.sleep(for: timeout)
                throw SocketTestError.timedOut
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let value = first else { throw SocketTestError.closed }
            return value
        }
    }

    /// The next JSON message; fails the test on a close.
    func nextMessage(timeout: Duration = .seconds(10)) async throws -> [String: any Sendable] {
        switch try await next(timeout: timeout) {
        case .message(let json): return json
        case .close(let code, let reason): throw SocketTestError.unexpectedClose(code, reason)
        }
    }

    /// Reads messages until one satisfies `match`, returning it; the ones skipped are returned too.
    func waitFor(
        timeout: Duration = .seconds(10), _ match: ([String: any Sendable]) -> Bool
    ) async throws -> (match: [String: any Sendable], skipped: [[String: any Sendable]]) {
        var skipped: [[String: any Sendable]] = []
        while true {
            let message = try await nextMessage(timeout: timeout)
            if match(message) { return (message, skipped) }
            skipped.append(message)
        }
    }

    /// Reads until the server closes, returning its close code and reason (skipping other messages).
    func closed(timeout: Duration = .seconds(10)) async throws -> (code: Int, reason: String) {
        while true {
            if case .close(let code, let reason) = try await next(timeout: timeout) { return (code, reason) }
        }
    }

    /// Stops reading from the socket, like a client on a stalled network: the server's writes pile up.
    func pauseReading() async throws {
        try await channel.setOption(ChannelOptions.autoRead, value: false).get()
    }

    /// Closes the TCP connection without a close frame, like a dropped network.
    func drop() async {
        try? await channel.close()
    }
}

enum SocketTestError: Error {
    case notUpgraded
    case timedOut
    case closed
    case unexpectedClose(Int, String)
}

/// Lets the stream's single iterator be shared by the socket's methods.
private final class IteratorBox: @unchecked Sendable {
    private var iterator: AsyncStream<TestSocket.Received>.AsyncIterator
    private let lock = NSLock()

    init(_ iterator: AsyncStream<TestSocket.Received>.AsyncIterator) {
        self.iterator = iterator
    }

    func next() async -> TestSocket.Received? {
        // Calls never overlap: a test awaits each read before the next.
        var copy = lock.withLock { iterator }
        let value = await copy.next()
        lock.withLock { iterator = copy }
        return value
    }
}

/// Turns server frames into `Received` values.
private final class Collector: ChannelInboundHandler, Sendable {
    typealias InboundIn = WebSocketFrame
    let continuation: AsyncStream<TestSocket.Received>.Continuation
    let hearsPresence: Bool

    init(continuation: AsyncStream<TestSocket.Received>.Continuation, hearsPresence: Bool) {
        self.continuation = continuation
        self.hearsPresence = hearsPresence
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let frame = unwrapInboundIn(data)
        switch frame.opcode {
        case .text:
            let json = (try? JSONSerialization.jsonObject(with: Data(frame.unmaskedData.readableBytesView))) as? [String: any Sendable]
            if !hearsPresence, json?["event"] as? String == "presence.changed" { return }
            continuation.yield(.message(json ?? ["unparsed": String(buffer: frame.unmaskedData)]))
        case .connectionClose:
            var data = frame.unmaskedData
            let code = data.readInteger(as: UInt16.self).map(Int.init) ?? 1005
            continuation.yield(.close(code: code, reason: data.readString(length: data.readableBytes) ?? ""))
        case .ping:
            var pong = WebSocketFrame(fin: true, opcode: .pong, data: frame.unmaskedData)
            pong.maskKey = .random()
            context.writeAndFlush(NIOAny(pong), promise: nil)
        default:
            break
        }
    }

    /// The end is told a moment after the channel closes: a close frame that came with the handshake's
    /// answer (a refused origin closes at once) is replayed after the upgrade, which may be after the close.
    func handlerAdded(context: ChannelHandlerContext) {
        if !context.channel.isActive { reportLost(on: context.eventLoop) }
    }

    func channelInactive(context: ChannelHandlerContext) {
        reportLost(on: context.eventLoop)
    }

    private func reportLost(on eventLoop: any EventLoop) {
        let continuation = continuation
        eventLoop.scheduleTask(in: .milliseconds(200)) {
            continuation.yield(.close(code: 1006, reason: "connection lost"))
            continuation.finish()
        }
    }
}

extension TestSocket {
    /// Sends a handshake over plain TCP and returns everything the server sent until it closed, split into
    /// the HTTP head and the close frame's code and reason, for refusals that come right behind the 101
    /// (NIO's client upgrade handler can lose frames that arrive with the answer when the server closes at once).
    static func refusal(port: Int, headers: [(String, String)]) async throws -> (status: String, code: Int?, reason: String) {
        var request = "GET /api/v1/realtime HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
        request += "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
        for (name, value) in headers { request += "\(name): \(value)\r\n" }
        var bytes = try await exchange(port: port, request + "\r\n")
        let text = String(buffer: bytes)
        guard let end = text.range(of: "\r\n\r\n") else { return (text, nil, "") }
        let head = String(text[..<end.lowerBound])
        bytes.moveReaderIndex(forwardBy: text.utf8.distance(from: text.utf8.startIndex, to: end.upperBound.samePosition(in: text.utf8)!))
        // A server frame is unmasked: opcode byte, length byte, then the payload (code and reason).
        guard let opcode = bytes.readInteger(as: UInt8.self), opcode == 0x88, let length = bytes.readInteger(as: UInt8.self),
            let code = bytes.readInteger(as: UInt16.self)
        else { return (head, nil, "") }
        return (head.components(separatedBy: "\r\n").first ?? "", Int(code), bytes.readString(length: Int(length) - 2) ?? "")
    }
}

extension TestSocket {
    /// Sends `request` as raw bytes and returns every byte the server sends until it closes the connection,
    /// or until `timeout`, when the client closes it (so a request the server never answers returns nothing).
    static func exchange(port: Int, _ request: String, timeout: Duration = .seconds(10)) async throws -> ByteBuffer {
        let promise = MultiThreadedEventLoopGroup.singleton.any().makePromise(of: ByteBuffer.self)
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture { try channel.pipeline.syncOperations.addHandler(RawCollector(promise: promise)) }
            }
            .connect(host: "127.0.0.1", port: port).get()
        let deadline = channel.eventLoop.scheduleTask(in: .seconds(timeout.components.seconds)) { channel.close(promise: nil) }
        defer { deadline.cancel() }
        try await channel.writeAndFlush(ByteBuffer(string: request))
        return try await promise.futureResult.get()
    }
}

/// Collects every byte until the connection closes.
private final class RawCollector: ChannelInboundHandler, Sendable {
    typealias InboundIn = ByteBuffer
    let promise: EventLoopPromise<ByteBuffer>
    private let received = NIOLockedValueBox(ByteBuffer())

    init(promise: EventLoopPromise<ByteBuffer>) {
        self.promise = promise
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var bytes = unwrapInboundIn(data)
        received.withLockedValue { _ = $0.writeBuffer(&bytes) }
    }

    func channelInactive(context: ChannelHandlerContext) {
        promise.succeed(received.withLockedValue { $0 })
    }
}
