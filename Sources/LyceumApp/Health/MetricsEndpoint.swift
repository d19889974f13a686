import Hummingbird
import LyceumHTTP
import NIOCore
import Prometheus

/// `GET /metrics`: Prometheus text format. Aggregate counters and timings only (requests by route and status,
/// build info), no user data; keep it off the public load balancer all the same (docs/deploy/configuration.md).
struct MetricsEndpoint: Sendable {
    let registry: PrometheusCollectorRegistry

    init(registry: PrometheusCollectorRegistry) {
        self.registry = registry
        let descriptor = MetricNameDescriptor(namespace: "lyceum", metricName: "build", unitName: "info", helpText: "The running build.")
        registry.makeGauge(descriptor: descriptor, labels: [("version", LyceumVersion.current)]).set(to: 1.0)
    }

    var endpoints: RouteCollection<AppRequestContext> {
        let routes = RouteCollection(context: AppRequestContext.self)
        routes.get("metrics", use: metrics)
        return routes
    }

    @Sendable func metrics(_ request: Request, context: AppRequestContext) async throws -> Response {
        Response(
            status: .ok,
            headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(bytes: registry.emitToBuffer()))
        )
    }
}
