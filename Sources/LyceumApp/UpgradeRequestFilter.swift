import LyceumWeb
import NIOCore
import NIOHTTP1

/// Lets through to the upgrade handler only the upgrade requests it will accept: WebSocket handshakes
/// (`GET`, `Upgrade: websocket`, a key and version 13) on an endpoint's path. Any other request that asks
/// for an upgrade (`Upgrade: h2c` from curl, a WebSocket handshake to a page, a malformed one to the socket's
/// path) continues as a plain request that closes its connection after the answer.
///
/// Without it such a request was never answered: SwiftNIO's typed upgrade handler consumes the head and end
/// of a request that names an upgrade while it looks for an upgrader, and when none takes it, it hands the
/// HTTP pipeline nothing. The connection closes afterwards because the HTTP decoder stops parsing after a
/// request it saw as an upgrade.
final class UpgradeRequestFilter: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias InboundOut = HTTPServerRequestPart

    private let endpoints: [any WebSocketEndpoint]

    init(endpoints: [any WebSocketEndpoint]) {
        self.endpoints = endpoints
    }

    /// Looks at the connection's first request head only, like the upgrade handler, and then leaves the
    /// pipeline: after an upgrade what arrives is no longer HTTP.
    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        defer { context.pipeline.syncOperations.removeHandler(self, promise: nil) }
        guard case .head(var head) = unwrapInboundIn(data), head.headers.contains(name: "upgrade"), !isAcceptable(head) else {
            return context.fireChannelRead(data)
        }
        head.headers.remove(name: "upgrade")
        head.headers.replaceOrAdd(name: "connection", value: "close")
        context.fireChannelRead(wrapInboundOut(.head(head)))
    }

    private func isAcceptable(_ head: HTTPRequestHead) -> Bool {
        LyceumHTTPChannel.endpoint(for: head, in: endpoints) != nil
            && head.headers[canonicalForm: "upgrade"].map { $0.lowercased() } == ["websocket"]
            && !head.headers["sec-websocket-key"].isEmpty && head.headers["sec-websocket-version"] == ["13"]
    }
}
