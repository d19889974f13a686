import Hummingbird
import LyceumContracts
import LyceumHTTP
import LyceumPlatform
import LyceumWeb

/// Live conversation inside the course: chat rooms, direct messages, presence, live updates and call
/// signalling over one WebSocket (`GET /api/v1/realtime`), fanned out across replicas through `PubSub`.
public struct RealtimeModule: LyceumModule {
    public var name: String { "realtime" }

    /// Builds the module from the platform services.
    public init(context: ModuleContext) throws {}
}
