import LyceumPlatform

/// The real-time socket's limits and timings.
public struct RealtimeConfiguration: Sendable {
    /// How often the server pings a quiet connection.
    public var pingInterval: Duration = .seconds(25)
    /// A connection that sends nothing (not even a pong) for this long is closed (4000).
    public var idleTimeout: Duration = .seconds(60)
    /// A connection without a session cookie must send `auth` within this time (else 4408).
    public var authTimeout: Duration = .seconds(10)
    /// How often a connection's credential is checked again, so a revoked session or an expired token ends it.
    public var revalidateInterval: Duration = .seconds(30)
    /// How often each event loop sweeps its connections for the timings above.
    public var sweepInterval: Duration = .seconds(1)
    /// The largest frame (and reassembled message) a client may send; bigger closes with 1009.
    public var maxFrameSize = 64 * 1024
    /// Bytes queued for a client beyond the socket's own buffer before it counts as too slow and is closed (4008).
    public var sendQueueLimit = 256 * 1024
    /// Commands a connection may send in a burst, and how many a second refill the budget.
    public var commandBurst = 40
    public var commandsPerSecond = 20
    /// Commands refused for the budget before the connection is closed as a flood (4429).
    public var floodLimit = 100
    /// Commands a connection may have in progress at once.
    public var maxCommandsInFlight = 16
    /// Topics a connection may subscribe to at once.
    public var maxSubscriptions = 200
    /// Origins whose pages may use the session cookie over the socket, besides the page's own host.
    public var allowedOrigins: Set<String> = []
    /// How often a replica refreshes its presence rows and sweeps expired ones.
    public var presenceHeartbeat: Duration = .seconds(15)
    /// A replica's presence rows not refreshed for this long are deleted by any replica, so the users of a
    /// replica that is gone turn offline; keep it a few heartbeats long.
    public var presenceExpiry: Duration = .seconds(45)
    /// The STUN and TURN servers handed to call participants.
    public var iceServers = IceServers()
    /// How often a replica marks the call seats its connections hold as still there.
    public var callHeartbeatInterval: Duration = .seconds(15)
    /// A call seat nobody marked for this long is freed (its replica died), by whichever replica sweeps first.
    public var callSeatTimeout: Duration = .seconds(45)

    /// The defaults.
    public init() {}
}
