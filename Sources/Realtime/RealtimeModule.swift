import Hummingbird
import LyceumContracts
import LyceumCore
import LyceumHTTP
import LyceumPlatform
import LyceumWeb
import ServiceLifecycle

/// Live conversation inside the course: chat rooms, direct messages, presence, live updates and call
/// signalling over one WebSocket (`GET /api/v1/realtime`, docs/realtime-protocol.md), fanned out across
/// replicas through `PubSub`.
///
/// The socket is served at the SwiftNIO level (`RealtimeEndpoint`, `RealtimeConnection`): no task per
/// connection. `RealtimeHub` keeps this replica's connections and delivers every frame published on any
/// replica; topic families (`user:`) and command handlers register with the router.
public struct RealtimeModule: LyceumModule {
    /// The hub, which other parts publish through.
    public let hub: RealtimeHub
    private let endpoint: RealtimeEndpoint

    public var name: String { "realtime" }
    public var backgroundServices: [any Service] { [hub] }
    public var webSocketEndpoints: [any WebSocketEndpoint] { [endpoint] }

    /// Builds the module from the platform services and Identity's authenticator.
    public init(context: ModuleContext, configuration: RealtimeConfiguration) throws {
        hub = RealtimeHub(pubSub: context.pubSub, sweepInterval: configuration.sweepInterval, logger: context.logger)
        var router = RealtimeRouter()
        router.add(topics: UserTopics())
        endpoint = RealtimeEndpoint(
            services: SocketServices(
                hub: hub, router: router, authenticator: try context.require((any CallerAuthenticator).self),
                configuration: configuration, logger: context.logger
            )
        )
        context.provide(hub, as: RealtimeHub.self)
    }

    public func addAPIRoutes(to api: RouterGroup<AppRequestContext>) {
        api.get("/realtime") { _, _ -> Response in
            throw AppError(status: 426, code: "upgrade_required", message: "This is the real-time WebSocket; open it with a WebSocket handshake.")
        }
    }
}
