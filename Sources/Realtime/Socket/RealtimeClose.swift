/// Why the server closed a connection: a WebSocket close code and a reason a person can read.
///
/// Codes 4000–4999 are ours (the protocol document lists them); a client reconnects after any code but
/// 4401 (sign in first), 4403 and 4429.
public struct RealtimeClose: Sendable, Equatable {
    /// The close code.
    public let code: UInt16
    /// The reason sent with it.
    public let reason: String

    /// The server is shutting down or restarting; reconnect (to another replica).
    public static let goingAway = RealtimeClose(code: 1001, reason: "server restarting; reconnect")
    /// A binary frame; the protocol is JSON text.
    public static let binaryFrame = RealtimeClose(code: 1003, reason: "binary frames are not supported; send JSON text")
    /// Nothing arrived, not even a pong, for the idle timeout.
    public static let idle = RealtimeClose(code: 4000, reason: "idle timeout")
    /// The client could not keep up with its messages.
    public static let slowConsumer = RealtimeClose(code: 4008, reason: "send queue overflowed: the client reads too slowly")
    /// No credential, or one that is not valid (any more).
    public static func unauthenticated(_ reason: String) -> RealtimeClose { RealtimeClose(code: 4401, reason: reason) }
    /// A page from another site tried to use the session cookie.
    public static let forbiddenOrigin = RealtimeClose(code: 4403, reason: "origin not allowed")
    /// No `auth` frame within the time allowed.
    public static let authTimeout = RealtimeClose(code: 4408, reason: "authentication timed out: send auth first")
    /// Commands kept coming far over the budget.
    public static let flood = RealtimeClose(code: 4429, reason: "too many commands")
}
