import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOWebSocket

/// The server's answer to a command: `ack` or `error`, with the few fields the modes read.
struct Reply: Sendable {
    var ok: Bool
    var status = 0
    var code = ""
    var message = ""
    var retryAfter: Double?
    /// `ack` of `subscribe`: the room's position and whether the replay is complete.
    var position: Int64?
    var recovered: Bool?
    /// `ack` of `message.send`: the new message's seq.
    var messageSeq: Int64?
}

enum LoadError: Error, CustomStringConvertible {
    case notUpgraded
    case closed(code: Int, reason: String)
    case lost
    case timedOut(String)
    case refused(Reply)

    var description: String {
        switch self {
        case .notUpgraded: "handshake not upgraded"
        case .closed(let code, let reason): "closed \(code) \(reason)"
        case .lost: "connection lost"
        case .timedOut(let what): "timed out waiting for \(what)"
        case .refused(let reply): "error \(reply.status) \(reply.code)"
        }
    }
}

/// What a connection does with the room events it hears.
struct Listening: Sendable {
    /// The `room:` topic whose seqs are tracked.
    var topic: String {
        didSet { topicBytes = Array(topic.utf8) }
    }
    private(set) var topicBytes: [UInt8]
    /// Keep the publish-to-delivery latency of every bench message (microseconds).
    var recordLatency: Bool

    init(topic: String, recordLatency: Bool) {
        self.topic = topic
        topicBytes = Array(topic.utf8)
        self.recordLatency = recordLatency
    }
}

/// One client socket: a channel handler confined to its event loop (every method below runs there unless
/// it says otherwise). It answers pings, matches `ack`/`error` to commands by `id`, and scans room events
/// without a JSON parser: the server writes `{"type":"event","topic":…,"seq":N,"event":"…","payload":{…}}`.
final class LoadConnection: ChannelInboundHandler, @unchecked Sendable {
    typealias InboundIn = WebSocketFrame
    typealias OutboundOut = WebSocketFrame

    let eventLoop: any EventLoop
    let stats: SharedStats
    /// Any text frame counts as the welcome (the echo server's baseline).
    let echoMode: Bool
    private var context: ChannelHandlerContext?
    private(set) var channel: (any Channel)?
    private var welcome: EventLoopPromise<Void>
    private var pending: [String: EventLoopPromise<Reply>] = [:]
    private var nextID = 0
    private var fragments: ByteBuffer?
    private(set) var closed: (code: Int, reason: String)?
    private var ended = false

    // Room bookkeeping (fanout and storm).
    var listening: Listening?
    var tracker: SeqTracker?
    private(set) var latencies: [UInt32] = []
    private(set) var lastDeliveryNanos: UInt64 = 0
    /// Set by the storm: when `contiguous` reaches `catchUpTarget`, `caughtUpNanos` is stamped.
    var catchUpTarget: Int64?
    private(set) var caughtUpNanos: UInt64?

    init(eventLoop: any EventLoop, stats: SharedStats, echoMode: Bool) {
        self.eventLoop = eventLoop
        self.stats = stats
        self.echoMode = echoMode
        welcome = eventLoop.makePromise()
    }

    // MARK: Opening

    /// Connects and upgrades; the returned connection has not signed in yet. Any thread.
    static func open(_ endpoint: Endpoint, group: any EventLoopGroup, stats: SharedStats, echoMode: Bool = false) async throws -> LoadConnection {
        let upgraded = try await ClientBootstrap(group: group)
            .channelOption(.socketOption(.tcp_nodelay), value: 1)
            .connectTimeout(.seconds(30))
            .connect(host: endpoint.host, port: endpoint.port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    let headers = HTTPHeaders([("Host", endpoint.hostHeader), ("Content-Length", "0")])
                    let upgrader = NIOTypedWebSocketClientUpgrader<LoadConnection?>(maxFrameSize: 1 << 20) { channel, _ in
                        channel.eventLoop.makeCompletedFuture {
                            let connection = LoadConnection(eventLoop: channel.eventLoop, stats: stats, echoMode: echoMode)
                            try channel.pipeline.syncOperations.addHandler(connection)
                            return connection
                        }
                    }
                    let configuration = NIOTypedHTTPClientUpgradeConfiguration<LoadConnection?>(
                        upgradeRequestHead: HTTPRequestHead(version: .http1_1, method: .GET, uri: endpoint.path, headers: headers),
                        upgraders: [upgrader],
                        notUpgradingCompletionHandler: { channel in
                            channel.close(promise: nil)
                            return channel.eventLoop.makeSucceededFuture(nil)
                        }
                    )
                    var pipeline = NIOUpgradableHTTPClientPipelineConfiguration(upgradeConfiguration: configuration)
                    // A refusal's close frame can arrive in the same read as the 101.
                    pipeline.leftOverBytesStrategy = .forwardBytes
                    return try channel.pipeline.syncOperations.configureUpgradableHTTPClientPipeline(configuration: pipeline)
                }
            }
            .get()
        guard let connection = upgraded else { throw LoadError.notUpgraded }
        return connection
    }

    /// Connects, upgrades and signs in with `token`; a connection that fails to sign in is closed. Any thread.
    static func signIn(
        _ endpoint: Endpoint, token: String, group: any EventLoopGroup, stats: SharedStats, echoMode: Bool = false
    ) async throws -> LoadConnection {
        let connection = try await open(endpoint, group: group, stats: stats, echoMode: echoMode)
        do {
            try await connection.authenticate(token: token)
        } catch {
            _ = try? await connection.drop().get()
            throw error
        }
        return connection
    }

    /// Sends `auth` and waits for `welcome` (or, in echo mode, sends one frame and waits for its echo). Any thread.
    func authenticate(token: String, timeout: TimeAmount = .seconds(30)) async throws {
        try await eventLoop.flatSubmit {
            let escaped = token.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            self.sendText("{\"type\":\"auth\",\"id\":\"auth\",\"payload\":{\"token\":\"\(escaped)\"}}")
            let welcome = self.welcome
            self.eventLoop.scheduleTask(in: timeout) { welcome.fail(LoadError.timedOut("welcome")) }
            return welcome.futureResult
        }.get()
    }

    /// Sends a command and waits for its `ack` or `error`. `payload` is JSON text. Any thread.
    func request(_ type: String, topic: String?, payload: String?, timeout: TimeAmount = .seconds(60)) -> EventLoopFuture<Reply> {
        eventLoop.flatSubmit { self.requestOnLoop(type, topic: topic, payload: payload, timeout: timeout) }
    }

    func requestOnLoop(_ type: String, topic: String?, payload: String?, timeout: TimeAmount = .seconds(60)) -> EventLoopFuture<Reply> {
        if let closed { return eventLoop.makeFailedFuture(LoadError.closed(code: closed.code, reason: closed.reason)) }
        if ended { return eventLoop.makeFailedFuture(LoadError.lost) }
        nextID += 1
        let id = "c\(nextID)"
        var text = "{\"type\":\"\(type)\",\"id\":\"\(id)\""
        if let topic { text += ",\"topic\":\"\(topic)\"" }
        if let payload { text += ",\"payload\":\(payload)" }
        text += "}"
        let promise = eventLoop.makePromise(of: Reply.self)
        pending[id] = promise
        sendText(text)
        eventLoop.scheduleTask(in: timeout) { [weak self] in
            guard let self, let waiting = self.pending.removeValue(forKey: id) else { return }
            waiting.fail(LoadError.timedOut(type))
        }
        return promise.futureResult
    }

    /// Closes the TCP connection without a close frame, like a dropped network. Any thread.
    func drop() -> EventLoopFuture<Void> {
        eventLoop.flatSubmit {
            guard let channel = self.channel else { return self.eventLoop.makeSucceededVoidFuture() }
            channel.close(promise: nil)
            return channel.closeFuture
        }
    }

    /// What the driver reads at the end. Any thread.
    func snapshot<T: Sendable>(_ body: @escaping @Sendable (LoadConnection) -> T) async throws -> T {
        try await eventLoop.submit { body(self) }.get()
    }

    func takeLatencies() -> [UInt32] {
        defer { latencies = [] }
        return latencies
    }

    // MARK: Writing

    func sendText(_ text: String) {
        guard let context, !ended else { return }
        var frame = WebSocketFrame(fin: true, opcode: .text, data: context.channel.allocator.buffer(string: text))
        frame.maskKey = .random()
        context.writeAndFlush(wrapOutboundOut(frame), promise: nil)
    }

    // MARK: Reading

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
        channel = context.channel
        if !context.channel.isActive { lost() }
    }

    func channelInactive(context: ChannelHandlerContext) {
        lost()
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        context.close(promise: nil)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let frame = unwrapInboundIn(data)
        switch frame.opcode {
        case .text:
            if frame.fin {
                received(frame.unmaskedData)
            } else {
                fragments = frame.unmaskedData
            }
        case .continuation:
            guard var partial = fragments else { return }
            var more = frame.unmaskedData
            partial.writeBuffer(&more)
            if frame.fin {
                fragments = nil
                received(partial)
            } else {
                fragments = partial
            }
        case .ping:
            var pong = WebSocketFrame(fin: true, opcode: .pong, data: frame.unmaskedData)
            pong.maskKey = .random()
            context.writeAndFlush(wrapOutboundOut(pong), promise: nil)
        case .connectionClose:
            var data = frame.unmaskedData
            let code = data.readInteger(as: UInt16.self).map(Int.init) ?? 1005
            let reason = data.readString(length: data.readableBytes) ?? ""
            if closed == nil {
                closed = (code, reason)
                stats.recordClose(code: code, reason: reason)
            }
            failAll(LoadError.closed(code: code, reason: reason))
            context.close(promise: nil)
        default:
            break
        }
    }

    private func lost() {
        guard !ended else { return }
        ended = true
        failAll(closed.map { LoadError.closed(code: $0.code, reason: $0.reason) } ?? LoadError.lost)
    }

    private func failAll(_ error: LoadError) {
        welcome.fail(error)
        let waiting = pending
        pending = [:]
        for promise in waiting.values { promise.fail(error) }
    }

    private static let eventPrefix = Array(#"{"type":"event""#.utf8)
    private static let seqKey = Array(#""seq":"#.utf8)
    private static let eventKey = Array(#""event":""#.utf8)
    private static let payloadKey = Array(#""payload":"#.utf8)
    private static let topicKey = Array(#""topic":""#.utf8)
    private static let benchBody = Array(#""body":"bench "#.utf8)
    private static let messageCreated = Array("message.created".utf8)

    private func received(_ buffer: ByteBuffer) {
        if echoMode {
            welcome.succeed(())
            return
        }
        let handled: Bool = buffer.withUnsafeReadableBytes { bytes in
            guard bytes.count > Self.eventPrefix.count,
                memcmp(bytes.baseAddress!, Self.eventPrefix, Self.eventPrefix.count) == 0
            else { return false }
            return event(bytes)
        }
        if !handled { control(buffer) }
    }

    /// A room event, scanned in place; `false` sends it to the JSON path.
    private func event(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard let listening, let tracker else { return true }
        let payloadAt = find(Self.payloadKey, in: bytes, from: 0) ?? bytes.count
        guard let topicAt = find(Self.topicKey, in: bytes, from: 0), topicAt < payloadAt else { return false }
        let topicStart = topicAt + Self.topicKey.count
        guard matches(listening.topicBytes, in: bytes, at: topicStart), topicStart + listening.topicBytes.count < bytes.count,
            bytes[topicStart + listening.topicBytes.count] == UInt8(ascii: "\"")
        else { return true }  // another topic (the user: topic's notifications)
        guard let seqAt = find(Self.seqKey, in: bytes, from: topicStart), seqAt < payloadAt else { return true }  // ephemeral
        var index = seqAt + Self.seqKey.count
        guard let seq = integer(in: bytes, at: &index) else { return false }
        guard let eventAt = find(Self.eventKey, in: bytes, from: index), eventAt < payloadAt else { return false }
        let name = eventAt + Self.eventKey.count
        let isMessage = matches(Self.messageCreated, in: bytes, at: name)
        let now = monotonicNanos()
        guard tracker.mark(seq) else { return true }
        if isMessage {
            stats.noteDelivery(at: now)
            lastDeliveryNanos = now
            if listening.recordLatency, let bodyAt = find(Self.benchBody, in: bytes, from: payloadAt) {
                // "bench <sender> <index> <monotonic ns>"
                var cursor = bodyAt + Self.benchBody.count
                if integer(in: bytes, at: &cursor) != nil, skipSpace(bytes, &cursor), integer(in: bytes, at: &cursor) != nil,
                    skipSpace(bytes, &cursor), let sent = integer(in: bytes, at: &cursor)
                {
                    let micros = now >= UInt64(sent) ? (now - UInt64(sent)) / 1000 : 0
                    latencies.append(UInt32(clamping: micros))
                }
            }
        }
        if let target = catchUpTarget, caughtUpNanos == nil, tracker.contiguous >= target { caughtUpNanos = now }
        return true
    }

    /// Welcome, ack, error, pong: parsed with Foundation (rare next to events).
    private func control(_ buffer: ByteBuffer) {
        guard let object = try? JSONSerialization.jsonObject(with: Data(buffer.readableBytesView)) as? [String: Any],
            let type = object["type"] as? String
        else { return }
        let id = object["id"] as? String
        let payload = object["payload"] as? [String: Any]
        switch type {
        case "welcome":
            welcome.succeed(())
        case "ack":
            var reply = Reply(ok: true)
            reply.position = (payload?["position"] as? NSNumber)?.int64Value
            reply.recovered = payload?["recovered"] as? Bool
            reply.messageSeq = ((payload?["message"] as? [String: Any])?["seq"] as? NSNumber)?.int64Value
            complete(id, reply)
        case "error":
            var reply = Reply(ok: false)
            reply.status = (payload?["status"] as? NSNumber)?.intValue ?? 0
            reply.code = payload?["code"] as? String ?? ""
            reply.message = payload?["message"] as? String ?? ""
            reply.retryAfter = (payload?["retryAfter"] as? NSNumber)?.doubleValue
            stats.recordServerError(reply.code)
            if id == "auth" {
                welcome.fail(LoadError.refused(reply))
            } else {
                complete(id, reply)
            }
        case "event":
            // An event the fast path could not read (another spelling): count it through the JSON.
            guard let listening, let tracker, object["topic"] as? String == listening.topic,
                let seq = (object["seq"] as? NSNumber)?.int64Value
            else { return }
            let now = monotonicNanos()
            if tracker.mark(seq), object["event"] as? String == "message.created" {
                stats.noteDelivery(at: now)
                lastDeliveryNanos = now
            }
            if let target = catchUpTarget, caughtUpNanos == nil, tracker.contiguous >= target { caughtUpNanos = now }
        default:
            break
        }
    }

    private func complete(_ id: String?, _ reply: Reply) {
        guard let id, let promise = pending.removeValue(forKey: id) else { return }
        promise.succeed(reply)
    }

    /// Called by the storm on the ack of the resubscribe, before any replayed frame is read.
    func expectCatchUp(to position: Int64) {
        catchUpTarget = position
        if let tracker, caughtUpNanos == nil, tracker.contiguous >= position { caughtUpNanos = monotonicNanos() }
    }
}

// MARK: Byte scanning

private func find(_ needle: [UInt8], in bytes: UnsafeRawBufferPointer, from start: Int) -> Int? {
    guard let base = bytes.baseAddress, let first = needle.first else { return nil }
    var index = start
    let last = bytes.count - needle.count
    return needle.withUnsafeBytes { pattern -> Int? in
        while index <= last {
            guard let hit = memchr(base + index, Int32(first), last - index + 1) else { return nil }
            let at = base.distance(to: UnsafeRawPointer(hit))
            if memcmp(base + at, pattern.baseAddress!, pattern.count) == 0 { return at }
            index = at + 1
        }
        return nil
    }
}

/// Whether `bytes` holds `expected` at `index`.
private func matches(_ expected: [UInt8], in bytes: UnsafeRawBufferPointer, at index: Int) -> Bool {
    guard index >= 0, index + expected.count <= bytes.count, let base = bytes.baseAddress else { return false }
    return expected.withUnsafeBytes { memcmp(base + index, $0.baseAddress!, expected.count) == 0 }
}

private func integer(in bytes: UnsafeRawBufferPointer, at index: inout Int) -> Int64? {
    var value: Int64 = 0
    var digits = 0
    while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") {
        value = value &* 10 &+ Int64(bytes[index] - UInt8(ascii: "0"))
        index += 1
        digits += 1
    }
    return digits == 0 ? nil : value
}

private func skipSpace(_ bytes: UnsafeRawBufferPointer, _ index: inout Int) -> Bool {
    guard index < bytes.count, bytes[index] == UInt8(ascii: " ") else { return false }
    index += 1
    return true
}
