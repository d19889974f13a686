import HTTPTypes
import NIOCore

/// What the server knew of a WebSocket handshake when it accepted it.
public struct WebSocketHandshake: Sendable {
    /// The upgrade request's header fields (cookies, `Origin`, `User-Agent`); `Host` is `authority`.
    public let headers: HTTPFields
    /// The request's path and query.
    public let path: String
    /// The `Host` the client connected to.
    public let authority: String?
    /// The peer's address, if the socket knows it.
    public let remoteAddress: SocketAddress?
    /// The id the request's log lines carry.
    public let requestID: String

    /// Creates a handshake record.
    public init(headers: HTTPFields, path: String, authority: String?, remoteAddress: SocketAddress?, requestID: String) {
        self.headers = headers
        self.path = path
        self.authority = authority
        self.remoteAddress = remoteAddress
        self.requestID = requestID
    }
}

/// A WebSocket endpoint a module serves at the SwiftNIO level: after the handshake its connections are plain
/// channel handlers with no task per connection, which is what keeps an idle connection at a few kilobytes.
///
/// The server upgrades every well-formed handshake on `path` (authentication and origin checks belong to
/// the endpoint, which answers them with close codes a browser can read, since a refused handshake tells a
/// browser nothing); every other request on `path` reaches the router as usual.
public protocol WebSocketEndpoint: Sendable {
    /// The request path, such as `/api/v1/realtime`.
    var path: String { get }
    /// The largest frame accepted; a bigger one closes the connection with 1009 (message too big).
    var maxFrameSize: Int { get }
    /// Adds the connection's handlers once the handshake is answered. Runs on the channel's event loop, after
    /// the WebSocket frame encoder and decoder are in the pipeline.
    func acceptConnection(on channel: any Channel, handshake: WebSocketHandshake) throws
}
