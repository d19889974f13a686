import Hummingbird
import Metrics

/// Counts every request the router answers by route, method and status (`RequestMetrics`).
///
/// Unlike Hummingbird's `MetricsMiddleware`, it records when the handler returns rather than after the body
/// is written: wrapping the body in a closure for that costs every response its single batched write.
public struct RequestMetricsMiddleware<Context: RequestContext>: RouterMiddleware {
    private let metrics: RequestMetrics

    /// Creates the middleware recording into `metrics`.
    public init(metrics: RequestMetrics) {
        self.metrics = metrics
    }

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let started = ContinuousClock.now
        let active = metrics.activeRequests(request.method)
        active.increment()
        defer { active.decrement() }
        do {
            let response = try await next(request, context)
            metrics.record(
                route: context.endpointPath ?? "Unknown", method: request.method, status: response.status.code,
                nanoseconds: (ContinuousClock.now - started).nanoseconds
            )
            return response
        } catch {
            let status = (error as? any HTTPResponseError)?.status ?? .internalServerError
            metrics.record(route: context.endpointPath ?? "NotFound", method: request.method, status: status.code, nanoseconds: 0, failed: true)
            throw error
        }
    }
}

extension Duration {
    /// The duration in whole nanoseconds (0 when negative), for metrics.
    public var nanoseconds: UInt64 {
        let (seconds, attoseconds) = components
        return UInt64(clamping: seconds) &* 1_000_000_000 &+ UInt64(clamping: attoseconds / 1_000_000_000)
    }
}
