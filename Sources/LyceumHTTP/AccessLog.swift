import HTTPTypes
import Logging

/// The access log line, one per request: `GET /courses 200` with `http.duration_ms`, at `info` (`error` for
/// server faults). Built only when the level is enabled, without Foundation formatting.
public enum AccessLog {
    /// Logs one answered request.
    /// - Parameters:
    ///   - logger: the request's logger (its metadata carries `request.id`), or the server's with `requestID`.
    ///   - requestID: added to the line's metadata when `logger` does not carry it.
    public static func record(
        _ logger: Logger, method: HTTPRequest.Method, path: some StringProtocol, status: Int, elapsed: Duration,
        requestID: String? = nil
    ) {
        let level: Logger.Level = status >= 500 ? .error : .info
        guard logger.logLevel <= level else { return }
        var metadata: Logger.Metadata = ["http.duration_ms": .string(milliseconds(elapsed))]
        if let requestID { metadata["request.id"] = .string(requestID) }
        logger.log(level: level, "\(method.rawValue) \(loggable(path)) \(status)", metadata: metadata)
    }

    /// Paths whose last part is a credential: a signed one-click unsubscribe link works without signing in, so
    /// its token must not reach the logs.
    public static let credentialPrefixes = ["/unsubscribe/"]

    /// `path` with the credential in it replaced by `[token]`.
    public static func loggable(_ path: some StringProtocol) -> String {
        for prefix in credentialPrefixes where path.hasPrefix(prefix) && path.count > prefix.count {
            return prefix + "[token]"
        }
        return String(path)
    }

    /// `elapsed` in milliseconds with two decimals (`0.42`).
    static func milliseconds(_ elapsed: Duration) -> String {
        let hundredths = elapsed.nanoseconds / 10_000
        let fraction = hundredths % 100
        return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
