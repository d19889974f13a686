import HTTPTypes
import Metrics
import Synchronization

/// Request counters and timings by route, method and status, under the names and labels Hummingbird's
/// `MetricsMiddleware` uses (`hb.requests`, `http.server.request.duration`, `hb.request.errors`,
/// `http.server.active_requests`), shared by the router's middleware and the cache fast path.
public final class RequestMetrics: Sendable {
    private struct Key: Hashable {
        let route: String
        let method: HTTPRequest.Method
        let status: Int
    }

    private struct Recorders {
        let requests: Counter
        let duration: Timer
        let errors: Counter
    }

    private let recorders = Mutex<[Key: Recorders]>([:])
    private let active = Mutex<[HTTPRequest.Method: Meter]>([:])

    /// Creates an empty set of recorders; metrics reach whatever `MetricsSystem` was bootstrapped.
    public init() {}

    /// Counts one answered request and its duration.
    public func record(route: String, method: HTTPRequest.Method, status: Int, nanoseconds: UInt64, failed: Bool = false) {
        let recorders = recorders(Key(route: route, method: method, status: status))
        recorders.requests.increment()
        if failed {
            recorders.errors.increment()
        } else {
            recorders.duration.recordNanoseconds(Int64(clamping: nanoseconds))
        }
    }

    /// The gauge of requests being answered with `method`.
    public func activeRequests(_ method: HTTPRequest.Method) -> Meter {
        active.withLock { meters in
            if let meter = meters[method] { return meter }
            let meter = Meter(label: "http.server.active_requests", dimensions: [("http.request.method", method.rawValue)])
            meters[method] = meter
            return meter
        }
    }

    private func recorders(_ key: Key) -> Recorders {
        recorders.withLock { all in
            if let found = all[key] { return found }
            let dimensions = [
                ("http.route", key.route), ("http.request.method", key.method.rawValue),
                ("http.response.status_code", String(key.status)),
            ]
            let made = Recorders(
                requests: Counter(label: "hb.requests", dimensions: dimensions),
                duration: Timer(label: "http.server.request.duration", dimensions: dimensions, preferredDisplayUnit: .seconds),
                errors: Counter(
                    label: "hb.request.errors",
                    dimensions: [("http.route", key.route), ("http.request.method", key.method.rawValue), ("error.type", String(key.status))]
                )
            )
            all[key] = made
            return made
        }
    }
}
