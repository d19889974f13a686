import Foundation
import HTTPTypes
import LyceumHTTP
import LyceumWeb
import NIOCore

/// `GET /api/v1/realtime`: the WebSocket every real-time feature speaks over (docs/realtime-protocol.md).
///
/// A browser signs in with its session cookie, accepted only from the site's own pages (the `Origin` must be
/// the page's host or an allowed origin, which stops another site's script from riding the cookie); any other
/// client sends `auth` with an access token as its first frame.
struct RealtimeEndpoint: WebSocketEndpoint {
    let services: SocketServices

    var path: String { "/api/v1/realtime" }
    var maxFrameSize: Int { services.configuration.maxFrameSize }

    func acceptConnection(on channel: any Channel, handshake: WebSocketHandshake) throws {
        let limit = services.configuration.sendQueueLimit
        try channel.syncOptions?.setOption(ChannelOptions.writeBufferWaterMark, value: .init(low: limit / 2, high: limit))
        let connection = RealtimeConnection(
            services: services, requestID: handshake.requestID,
            sessionCookie: Self.sessionCookie(in: handshake.headers),
            originAllowed: Self.isOriginAllowed(handshake, allowed: services.configuration.allowedOrigins)
        )
        try channel.pipeline.syncOperations.addHandler(connection)
    }

    /// The session cookie's value, if the handshake carried one of sane length.
    static func sessionCookie(in headers: HTTPFields) -> String? {
        for field in headers[values: .cookie] {
            for pair in field.split(separator: ";") {
                let parts = pair.split(separator: "=", maxSplits: 1)
                guard parts.count == 2, parts[0].trimmingCharacters(in: .whitespaces) == WebSessionMiddleware.sessionCookie else { continue }
                let value = parts[1].trimmingCharacters(in: .whitespaces)
                return value.isEmpty || value.utf8.count > 128 ? nil : value
            }
        }
        return nil
    }

    /// Whether the page that opened the socket may use the cookie: no `Origin` (not a browser), the origin of
    /// the `Host` it connected to, or one of `allowed`.
    static func isOriginAllowed(_ handshake: WebSocketHandshake, allowed: Set<String>) -> Bool {
        guard let origin = handshake.headers[.origin]?.lowercased() else { return true }
        if allowed.contains(origin) { return true }
        guard let host = handshake.authority?.lowercased() else { return false }
        return origin == "http://\(host)" || origin == "https://\(host)"
    }
}
