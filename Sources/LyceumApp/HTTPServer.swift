import Hummingbird
import HummingbirdCore
import Logging
import LyceumHTTP
import LyceumWeb

/// The `Server` header every answer carries.
let serverName = "Lyceum"

/// The HTTP/1 server: Hummingbird's, with the response cache's fast path right after HTTP decoding, so
/// anonymous cache hits are answered without the router (`CacheFastPath`), and the modules' WebSocket
/// endpoints served at the SwiftNIO level (`LyceumHTTPChannel`).
func buildServer(configuration: LyceumConfiguration, services: LyceumServices, logger: Logger) -> HTTPServerBuilder {
    let fastPath = CacheFastPath(
        cache: services.responseCache,
        secureByDefault: configuration.isPublicURLSecure,
        trustedProxies: configuration.trustedProxies,
        apiBudget: configuration.apiRateLimit.map {
            CacheFastPath.APIBudget(limiter: services.context.rateLimiter, budget: $0, clock: services.context.clock)
        },
        serverName: serverName,
        logger: logger,
        metrics: RequestMetrics()
    )
    let http1 = HTTP1Channel.Configuration(additionalChannelHandlers: [fastPath.makeHandler()])
    // Sockets belong to the web role: a worker-only process runs no hub to deliver to them.
    let endpoints = configuration.roles.contains(.web) ? services.modules.flatMap(\.webSocketEndpoints) : []
    return HTTPServerBuilder { responder in
        LyceumHTTPChannel(responder: responder, configuration: http1, endpoints: endpoints)
    }
}
