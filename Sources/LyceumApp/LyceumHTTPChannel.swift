import HTTPTypes
import HummingbirdCore
import Logging
import LyceumHTTP
import LyceumWeb
import NIOCore
import NIOHTTP1
import NIOHTTPTypes
import NIOHTTPTypesHTTP1
import NIOWebSocket

/// Hummingbird's HTTP/1 channel, plus WebSocket handshakes for the modules' `WebSocketEndpoint`s.
///
/// A connection's first request decides: a WebSocket handshake on an endpoint's path becomes a plain SwiftNIO
/// WebSocket pipeline handed to the endpoint, and `handle` returns at once, so an open socket holds no task;
/// anything else goes through Hummingbird's HTTP handling with `additionalChannelHandlers` (the cache's fast
/// path) as before. Handshakes on other paths, requests on an endpoint's path that are not handshakes, and any
/// other request asking for an upgrade reach the router (`UpgradeRequestFilter`).
struct LyceumHTTPChannel: ServerChildChannel, HTTPChannelHandler {
    /// What the first request turned the connection into.
    enum Negotiated: Sendable {
        case http(NIOAsyncChannel<HTTPRequestPart, HTTPResponsePart>)
        case webSocket
    }

    /// The negotiation in progress, for `handle`.
    struct Value: ServerChildChannelValue {
        let negotiated: EventLoopFuture<Negotiated>
        let channel: any Channel
    }

    let responder: HTTPChannelHandler.Responder
    let configuration: HTTP1Channel.Configuration
    let endpoints: [any WebSocketEndpoint]

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        channel.eventLoop.makeCompletedFuture {
            let endpoints = self.endpoints
            let upgrader = NIOTypedWebSocketServerUpgrader<Negotiated>(
                maxFrameSize: endpoints.map(\.maxFrameSize).max() ?? 1 << 14,
                shouldUpgrade: { channel, head in
                    channel.eventLoop.makeSucceededFuture(Self.endpoint(for: head, in: endpoints) == nil ? nil : HTTPHeaders())
                },
                upgradePipelineHandler: { channel, head in
                    channel.eventLoop.makeCompletedFuture {
                        let started = ContinuousClock.now
                        guard let endpoint = Self.endpoint(for: head, in: endpoints) else { throw ChannelError.inappropriateOperationForState }
                        let request = try? HTTPRequest(head, secure: false, splitCookie: false)
                        let fields = request?.headerFields ?? [:]
                        let handshake = WebSocketHandshake(
                            headers: fields, path: head.uri, authority: request?.authority, remoteAddress: channel.remoteAddress,
                            requestID: RequestEnvelopeMiddleware.requestID(for: fields)
                        )
                        try endpoint.acceptConnection(on: channel, handshake: handshake)
                        // The handshake never reaches the router's middleware, so its access log line is written
                        // here: `GET /api/v1/realtime 101`, timed over the server's part of the upgrade.
                        AccessLog.record(
                            logger, method: .get, path: endpoint.path, status: 101, elapsed: ContinuousClock.now - started,
                            requestID: handshake.requestID
                        )
                        return Negotiated.webSocket
                    }
                }
            )
            let upgrade = NIOTypedHTTPServerUpgradeConfiguration<Negotiated>(
                upgraders: [upgrader],
                notUpgradingCompletionHandler: { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try channel.pipeline.syncOperations.addHandler(HTTP1ToHTTPServerCodec(secure: false))
                        try channel.pipeline.syncOperations.addHandlers(self.configuration.additionalChannelHandlers())
                        try channel.pipeline.syncOperations.addHandler(
                            HTTPConnectionStateHandler(idleTimeout: self.configuration.idleTimeout.map { .init($0) }, logger: logger)
                        )
                        return Negotiated.http(
                            try NIOAsyncChannel(wrappingChannelSynchronously: channel, configuration: .init(isOutboundHalfClosureEnabled: true))
                        )
                    }
                }
            )
            var pipeline = NIOUpgradableHTTPServerPipelineConfiguration<Negotiated>(upgradeConfiguration: upgrade)
            pipeline.enablePipelining = false  // NIOAsyncChannel pipelines HTTP
            pipeline.enableErrorHandling = false  // the application answers errors
            pipeline.enableResponseHeaderValidation = false  // HTTPTypes validated them already
            let negotiated = try channel.pipeline.syncOperations.configureUpgradableHTTPServerPipeline(configuration: pipeline)
            let upgradeHandler = try channel.pipeline.syncOperations.handler(type: NIOTypedHTTPServerUpgradeHandler<Negotiated>.self)
            try channel.pipeline.syncOperations.addHandler(
                UpgradeRequestFilter(endpoints: endpoints), position: .before(upgradeHandler)
            )
            return Value(negotiated: negotiated, channel: channel)
        }
    }

    func handle(value: Value, logger: Logger) async {
        do {
            switch try await value.negotiated.get() {
            case .http(let channel): await handleHTTP(asyncChannel: channel, logger: logger)
            case .webSocket: return
            }
        } catch {
            logger.debug("A connection closed before its first request was handled", metadata: ["error": "\(error)"])
        }
    }

    /// The endpoint a `GET` on its path (query aside) names, if any.
    static func endpoint(for head: HTTPRequestHead, in endpoints: [any WebSocketEndpoint]) -> (any WebSocketEndpoint)? {
        guard head.method == .GET else { return nil }
        let path = head.uri.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? head.uri
        return endpoints.first { $0.path == path }
    }
}
