import Foundation
import Logging
import LyceumContracts
import LyceumCore
import LyceumHTTP
import NIOCore
import NIOHTTP1
import NIOWebSocket

/// What every connection on a replica shares.
struct SocketServices: Sendable {
    let hub: RealtimeHub
    let router: RealtimeRouter
    let authenticator: any CallerAuthenticator
    let configuration: RealtimeConfiguration
    let connectionIDs: ConnectionIDs
    let logger: Logger
}

/// One client's socket: a plain channel handler on its event loop, with no task of its own while idle.
///
/// It reassembles text messages, answers pings, keeps the command budget, and hands commands to
/// `RealtimeConnection+Commands`. Everything it writes goes through `write`, which closes a client that lets
/// more than `sendQueueLimit` bytes queue up (the channel turns unwritable) instead of buffering without
/// bound. State is small on purpose: ids, a few deadlines and the topic list.
final class RealtimeConnection: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = WebSocketFrame
    typealias OutboundOut = WebSocketFrame

    enum Credential: Sendable {
        case cookie(String)
        case token(String)
    }

    enum State {
        case awaitingAuth
        case authenticating
        case open(Principal, Credential)
        case closed
    }

    let services: SocketServices
    let requestID: String
    private let serial: UInt64
    private let sessionCookie: String?
    private let originAllowed: Bool
    private(set) var context: ChannelHandlerContext?
    var state = State.awaitingAuth
    private(set) var topics: [String] = []
    /// Live frames held back per topic while its missed events are being replayed.
    var recovering: [String: [(RealtimeFrame, ByteBuffer)]] = [:]
    private var message: ByteBuffer?
    private let openedAt: NIODeadline
    private var lastInbound: NIODeadline
    private var lastPing: NIODeadline
    var lastRevalidation: NIODeadline
    private var budget: Double
    private var budgetRefilledAt: NIODeadline
    private var refusedCommands = 0
    var commandsInFlight = 0
    var lastTyping = NIODeadline.uptimeNanoseconds(0)
    /// Whether delivered frames wait for the shard's flush.
    private var awaitsFlush = false
    var shard: HubShard?

    init(services: SocketServices, requestID: String, sessionCookie: String?, originAllowed: Bool) {
        self.services = services
        self.requestID = requestID
        serial = services.connectionIDs.next()
        self.sessionCookie = sessionCookie
        self.originAllowed = originAllowed
        let now = NIODeadline.now()
        openedAt = now
        lastInbound = now
        lastPing = now
        lastRevalidation = now
        budget = Double(services.configuration.commandBurst)
        budgetRefilledAt = now
    }

    /// The signed-in user, once authenticated.
    var principal: Principal? {
        if case .open(let principal, _) = state { return principal }
        return nil
    }

    /// The connection, to carry into a task and back to its event loop; `nil` once it left the pipeline.
    func boundToLoop() -> NIOLoopBound<RealtimeConnection>? {
        context.map { NIOLoopBound(self, eventLoop: $0.eventLoop) }
    }

    /// The connection's id, unique across replicas.
    var connectionID: String { services.connectionIDs.id(of: serial) }

    /// The signed-in user's id, once authenticated.
    var userID: String? { principal?.userID }

    var logger: Logger {
        var logger = services.logger
        logger[metadataKey: "request.id"] = .string(requestID)
        if let userID { logger[metadataKey: "user.id"] = .string(userID) }
        return logger
    }

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
        let shard = services.hub.shard(on: context.eventLoop)
        self.shard = shard
        shard.register(self)
    }

    /// Starts signing in once the handshake's handlers are gone: anything written before that could be lost.
    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        // The server allows half-closed connections, so a client that closes its side without a close frame
        // (a killed tab, a dropped TCP connection) would stay open until the idle timeout: nothing more can
        // arrive, so the connection ends now.
        if let event = event as? ChannelEvent, event == .inputClosed { return context.close(promise: nil) }
        guard case .upgradeComplete = event as? HTTPServerUpgradeEvents else { return context.fireUserInboundEventTriggered(event) }
        guard let sessionCookie else { return }
        guard originAllowed else { return close(.forbiddenOrigin) }
        authenticate(.cookie(sessionCookie), replyTo: nil)
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        shard?.unregister(self)
        markClosed()
        self.context = nil
    }

    func channelInactive(context: ChannelHandlerContext) {
        shard?.unregister(self)
        markClosed()
        context.fireChannelInactive()
    }

    /// Moves to `.closed`, telling the observers when a signed-in connection ends.
    private func markClosed() {
        guard case .open(let principal, _) = state else {
            state = .closed
            return
        }
        state = .closed
        let closed = RealtimeConnectionRef(id: connectionID, userID: principal.userID)
        for observer in services.router.observers { observer.connectionClosed(closed) }
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let frame = unwrapInboundIn(data)
        lastInbound = .now()
        switch frame.opcode {
        case .text:
            if frame.fin {
                received(frame.unmaskedData)
            } else {
                message = frame.unmaskedData
            }
        case .continuation:
            guard var partial = message else { return close(RealtimeClose(code: 1002, reason: "continuation without a first frame")) }
            var data = frame.unmaskedData
            guard partial.readableBytes + data.readableBytes <= services.configuration.maxFrameSize else {
                return close(RealtimeClose(code: 1009, reason: "message too big"))
            }
            partial.writeBuffer(&data)
            if frame.fin {
                message = nil
                received(partial)
            } else {
                message = partial
            }
        case .binary:
            close(.binaryFrame)
        case .ping:
            guard case .closed = state else {
                context.writeAndFlush(wrapOutboundOut(WebSocketFrame(fin: true, opcode: .pong, data: frame.unmaskedData)), promise: nil)
                return
            }
        case .connectionClose:
            guard case .closed = state else {
                markClosed()
                var data = frame.unmaskedData
                let code = data.readWebSocketErrorCode() ?? .normalClosure
                var reply = context.channel.allocator.buffer(capacity: 2)
                reply.write(webSocketErrorCode: code)
                let channel = context.channel
                context.writeAndFlush(wrapOutboundOut(WebSocketFrame(fin: true, opcode: .connectionClose, data: reply))).whenComplete { _ in
                    channel.close(promise: nil)
                }
                return
            }
        default:
            break
        }
    }

    /// Spends one command from the budget; `false` (after answering 429, or closing a flood) when it is spent.
    func spendCommand(id: String?) -> Bool {
        let now = NIODeadline.now()
        let configuration = services.configuration
        let elapsed = Double((now - budgetRefilledAt).nanoseconds) / 1e9
        budget = min(Double(configuration.commandBurst), budget + elapsed * Double(configuration.commandsPerSecond))
        budgetRefilledAt = now
        guard budget >= 1 else {
            refusedCommands += 1
            if refusedCommands > configuration.floodLimit {
                close(.flood)
            } else {
                write(ServerFrames.error(id: id, AppError(status: 429, code: "rate_limited", message: "Too many commands; slow down.", retryAfter: 1)))
            }
            return false
        }
        budget -= 1
        if budget >= Double(configuration.commandBurst) - 1 { refusedCommands = 0 }
        return true
    }

    // MARK: Writing

    /// Writes and flushes one text frame, unless the client has let too much queue up, which closes it as
    /// too slow; `bounded: false` is for writes whose total is bounded by other means (a resume's replay).
    func write(_ bytes: ByteBuffer, bounded: Bool = true) {
        send(bytes, bounded: bounded, flush: true)
    }

    /// `write`, with the flush left to the caller when `flush` is false. Returns whether the frame was written.
    @discardableResult
    private func send(_ bytes: ByteBuffer, bounded: Bool, flush: Bool) -> Bool {
        guard let context, context.channel.isActive else { return false }
        if case .closed = state { return false }
        // Frames delivered but not flushed yet count against the limit too: flush them before judging.
        if bounded, awaitsFlush, !context.channel.isWritable { context.flush() }
        guard context.channel.isWritable || !bounded else {
            close(.slowConsumer)
            return false
        }
        let frame = wrapOutboundOut(WebSocketFrame(fin: true, opcode: .text, data: bytes))
        if flush {
            context.writeAndFlush(frame, promise: nil)
        } else {
            context.write(frame, promise: nil)
        }
        return true
    }

    /// Delivers a published frame: held back while its topic replays missed events, else written without a
    /// flush. Returns whether the connection now needs one (`flushDeliveries`), which its shard sends once
    /// for all the frames it delivered in a row.
    func deliver(_ frame: RealtimeFrame, bytes: ByteBuffer) -> Bool {
        if recovering[frame.topic] != nil {
            recovering[frame.topic]?.append((frame, bytes))
            return false
        }
        guard send(bytes, bounded: true, flush: false), !awaitsFlush else { return false }
        awaitsFlush = true
        return true
    }

    /// Flushes the frames `deliver` wrote.
    func flushDeliveries() {
        awaitsFlush = false
        context?.flush()
    }

    /// Closes with a close frame carrying `close`'s code and reason; the socket closes once the frame is out,
    /// or after five seconds for a client that does not read it.
    func close(_ close: RealtimeClose) {
        guard let context else { return }
        if case .closed = state { return }
        markClosed()
        shard?.unregister(self)
        services.hub.metrics.closed(code: close.code)
        logger.debug("Closing a real-time connection", metadata: ["code": "\(close.code)", "reason": "\(close.reason)"])
        var data = context.channel.allocator.buffer(capacity: 2 + close.reason.utf8.count)
        data.write(webSocketErrorCode: WebSocketErrorCode(codeNumber: Int(close.code)))
        data.writeString(close.reason)
        let channel = context.channel
        context.writeAndFlush(wrapOutboundOut(WebSocketFrame(fin: true, opcode: .connectionClose, data: data))).whenComplete { _ in
            channel.close(promise: nil)
        }
        channel.eventLoop.scheduleTask(in: .seconds(5)) { channel.close(promise: nil) }
    }

    // MARK: Subscriptions

    func addTopic(_ topic: String) {
        guard !topics.contains(topic) else { return }
        topics.append(topic)
        shard?.subscribe(self, to: topic)
    }

    func removeTopic(_ topic: String) {
        guard let index = topics.firstIndex(of: topic) else { return }
        topics.remove(at: index)
        recovering[topic] = nil
        shard?.unsubscribe(self, from: topic)
    }

    /// The server ended the subscription: drop it and tell the client why.
    func endSubscription(to topic: String, reason: String) {
        guard topics.contains(topic) else { return }
        removeTopic(topic)
        write(ByteBuffer(string: ServerFrames.subscriptionEnded(topic: topic, reason: reason).text))
    }

    // MARK: Timing

    /// Heartbeats, the idle and authentication timeouts, and revalidating the credential.
    func sweep(now: NIODeadline) {
        let configuration = services.configuration
        switch state {
        case .closed:
            return
        case .awaitingAuth, .authenticating:
            if now - openedAt > TimeAmount(configuration.authTimeout) { return close(.authTimeout) }
        case .open(_, let credential):
            if now - lastRevalidation > TimeAmount(configuration.revalidateInterval) {
                lastRevalidation = now
                revalidate(credential)
            }
        }
        if now - lastInbound > TimeAmount(configuration.idleTimeout) { return close(.idle) }
        let pingInterval = TimeAmount(configuration.pingInterval)
        if now - lastInbound >= pingInterval, now - lastPing >= pingInterval, let context {
            lastPing = now
            context.writeAndFlush(wrapOutboundOut(WebSocketFrame(fin: true, opcode: .ping, data: ByteBuffer())), promise: nil)
        }
    }
}
