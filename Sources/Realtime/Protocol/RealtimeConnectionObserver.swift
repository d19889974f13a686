/// A signed-in socket connection, as parts of Realtime that follow connections (presence, calls) see it.
public struct RealtimeConnectionRef: Sendable, Hashable {
    /// The connection's id, unique on every replica (a random prefix per replica and a counter).
    public let id: String
    /// The signed-in user.
    public let userID: String

    /// Creates a reference.
    public init(id: String, userID: String) {
        self.id = id
        self.userID = userID
    }
}

/// Learns when connections on this replica sign in and close, so state tied to a connection (a user shown
/// online, a seat in a call) ends with it.
///
/// Both calls come on the connection's event loop: an observer records what it needs and returns at once,
/// moving any database or network work into a task of its own.
public protocol RealtimeConnectionObserver: Sendable {
    /// `connection` signed in (once per connection; a renewed token does not call it again).
    func connectionSignedIn(_ connection: RealtimeConnectionRef)
    /// `connection`, which had signed in, is closed, for whatever reason.
    func connectionClosed(_ connection: RealtimeConnectionRef)
}
