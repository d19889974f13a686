import Foundation
import HTTPTypes
import HummingbirdTesting
import LyceumApp
import LyceumContracts
import LyceumCore
import LyceumTestSupport
import NIOCore
import NIOWebSocket
@testable import Notifications
import Realtime
import Testing

/// The real-time socket itself: signing in, the protocol's envelope, limits and the `user:` topic, through
/// the live server on loopback.
@Suite("Real-time socket")
struct RealtimeSocketTests {
    /// Short timings so timeouts show within a test.
    static func quick(_ configuration: inout LyceumConfiguration) {
        configuration.realtime.sweepInterval = .milliseconds(50)
        configuration.realtime.authTimeout = .milliseconds(600)
        configuration.realtime.revalidateInterval = .milliseconds(200)
    }

    @Test("an API client signs in with its first frame, gets a welcome, and pings", arguments: TestEngine.available)
    func tokenSignIn(engine: TestEngine) async throws {
        try await TestApp.run(engine, mode: .live) { app in
            let ada = try await app.register()
            let socket = try await app.socket()
            try await socket.send(json: ["type": "subscribe", "id": "early", "topic": "user:\(ada.id)"])
            let refused = try await socket.nextMessage()
            #expect(refused["type"] as? String == "error" && refused["id"] as? String == "early")
            #expect((refused["payload"] as? [String: Any])?["code"] as? String == "unauthenticated")

            try await socket.send(json: ["type": "auth", "id": "a1", "payload": ["token": ada.accessToken]])
            let welcome = try await socket.nextMessage()
            #expect(welcome["type"] as? String == "welcome" && welcome["id"] as? String == "a1")
            let payload = try #require(welcome["payload"] as? [String: Any])
            #expect(payload["userId"] as? String == ada.id && payload["topic"] as? String == "user:\(ada.id)")
            #expect(payload["pingInterval"] as? Int == 25)

            try await socket.send(json: ["type": "ping", "id": "p1"])
            let pong = try await socket.nextMessage()
            #expect(pong["type"] as? String == "pong" && pong["id"] as? String == "p1")
            // A fresh token of the same user renews the connection in place; another user's is refused.
            let renewed = try await app.login(ada.email, password: ada.password)
            try await socket.send(json: ["type": "auth", "id": "a2", "payload": ["token": renewed.accessToken]])
            let again = try await socket.nextMessage()
            #expect(again["type"] as? String == "welcome" && again["id"] as? String == "a2")
            let grace = try await app.register()
            try await socket.send(json: ["type": "auth", "id": "a3", "payload": ["token": grace.accessToken]])
            #expect(try await socket.errorCode() == "different_user")
            try await socket.send(json: ["type": "auth", "id": "a4", "payload": ["token": "forged"]])
            #expect(try await socket.errorCode() == "invalid_token")
            try await socket.send(json: ["type": "ping", "id": "still"])
            #expect(try await socket.nextMessage()["type"] as? String == "pong")
        }
    }

    @Test("a bad token closes with 4401, and silence past the auth timeout with 4408", arguments: TestEngine.available)
    func refusedSignIn(engine: TestEngine) async throws {
        try await TestApp.run(engine, mode: .live, configure: Self.quick) { app in
            let forged = try await app.socket()
            try await forged.send(json: ["type": "auth", "payload": ["token": "not.a.token"]])
            #expect(try await forged.closed().code == 4401)

            let silent = try await app.socket()
            let closed = try await silent.closed()
            #expect(closed.code == 4408 && closed.reason.contains("authentication timed out"))

            let empty = try await app.socket()
            try await empty.send(json: ["type": "auth", "id": "x", "payload": ["nothing": true]])
            #expect(try await empty.errorCode() == "invalid_payload")
        }
    }

    @Test("a browser signs in with its session cookie from the site's own pages only", arguments: TestEngine.available)
    func cookieSignIn(engine: TestEngine) async throws {
        let configure: @Sendable (inout LyceumConfiguration) -> Void = { configuration in
            Self.quick(&configuration)
            configuration.realtime.allowedOrigins = ["https://partner.example"]
        }
        try await TestApp.run(engine, mode: .live, configure: configure) { app in
            let ada = try await app.register()
            let browser = Browser(app)
            _ = try await browser.get("/signin")
            _ = try await browser.post("/signin", form: ["email": ada.email, "password": ada.password])
            let session = try #require(browser.cookie("lyceum_session"))
            let port = try #require(app.client.port)

            let samePage = try await app.socket(headers: [("Cookie", "theme=dark; lyceum_session=\(session)"), ("Origin", "http://127.0.0.1:\(port)")])
            let welcome = try await samePage.nextMessage()
            #expect(welcome["type"] as? String == "welcome")
            #expect((welcome["payload"] as? [String: Any])?["userId"] as? String == ada.id)

            let partner = try await app.socket(headers: [("Cookie", "lyceum_session=\(session)"), ("Origin", "https://partner.example")])
            #expect(try await partner.nextMessage()["type"] as? String == "welcome", "an allowed origin (LYCEUM_REALTIME_ALLOWED_ORIGINS) may use the cookie")
            await partner.drop()

            let otherSite = try await TestSocket.refusal(port: port, headers: [("Cookie", "lyceum_session=\(session)"), ("Origin", "https://evil.example")])
            #expect(otherSite.status.contains("101") && otherSite.code == 4403 && otherSite.reason == "origin not allowed", "\(otherSite)")

            let stale = try await TestSocket.refusal(port: port, headers: [("Cookie", "lyceum_session=expired-or-made-up")])
            #expect(stale.code == 4401 && stale.reason.contains("sign in again"), "\(stale)")

            // Signing out ends the session; the open socket is closed at the next revalidation.
            _ = try await browser.post("/signout", form: [:])
            let ended = try await samePage.closed()
            #expect(ended.code == 4401 && ended.reason.contains("sign in again"))
        }
    }

    @Test("requests asking for an upgrade the server does not take are answered as plain requests, then closed", arguments: TestEngine.available)
    func declinedUpgrades(engine: TestEngine) async throws {
        try await TestApp.run(engine, mode: .live) { app in
            let port = try #require(app.client.port)
            func answer(_ target: String, _ headers: String) async throws -> String {
                let reply = try await TestSocket.exchange(port: port, "GET \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\n\(headers)\r\n", timeout: .seconds(5))
                return String(buffer: reply).components(separatedBy: "\r\n").first ?? ""
            }
            let websocket = "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
            // curl --http2 over plain HTTP asks for h2c; it gets HTTP/1.1 instead of silence.
            #expect(try await answer("/health/live", "Connection: Upgrade, HTTP2-Settings\r\nUpgrade: h2c\r\nHTTP2-Settings: AAMAAABkAARAAAAAAAIAAAAA\r\n") == "HTTP/1.1 200 OK")
            #expect(try await answer("/health/live", websocket) == "HTTP/1.1 200 OK", "a WebSocket handshake to another path")
            #expect(try await answer("/api/v1/realtime", "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n") == "HTTP/1.1 426 Upgrade Required",
                    "a handshake without a key")
            #expect(try await answer("/api/v1/realtime", websocket.replacingOccurrences(of: "Version: 13", with: "Version: 8")) == "HTTP/1.1 426 Upgrade Required")
            #expect(try await answer("/api/v1/realtime", websocket) == "HTTP/1.1 101 Switching Protocols")
        }
    }

    @Test("malformed frames get an error and keep the connection; binary and oversized frames close it", arguments: TestEngine.available)
    func badFrames(engine: TestEngine) async throws {
        try await TestApp.run(engine, mode: .live, configure: { $0.realtime.maxFrameSize = 4096 }) { app in
            let ada = try await app.register()
            let socket = try await app.signedInSocket(ada)
            for text in ["not json", "[1,2]", "{\"type\": 7}", "{\"id\": \"x\"}", "\u{0}"] {
                try await socket.send(text)
                #expect(try await socket.errorCode() == "malformed_frame", "\(text)")
            }
            try await socket.send(json: ["type": "launch.rockets", "id": "u1"])
            #expect(try await socket.errorCode() == "unknown_command")
            try await socket.send(json: ["type": "subscribe", "id": "s0"])
            #expect(try await socket.errorCode() == "missing_topic")
            try await socket.send(json: ["type": "subscribe", "id": "s1", "topic": String(repeating: "t", count: 201)])
            #expect(try await socket.errorCode() == "invalid_topic")
            try await socket.send(json: ["type": "ping", "id": String(repeating: "i", count: 65)])
            #expect(try await socket.errorCode() == "malformed_frame")
            try await socket.send(json: ["type": "ping", "id": "still-open"])
            #expect(try await socket.nextMessage()["type"] as? String == "pong")

            try await socket.write(WebSocketFrame(fin: true, opcode: .binary, data: ByteBuffer(bytes: [1, 2, 3])))
            #expect(try await socket.closed().code == 1003)

            let big = try await app.signedInSocket(ada)
            try await big.send(json: ["type": "ping", "id": String(repeating: "x", count: 5000)])
            #expect(try await big.closed().code == 1009)
        }
    }

    @Test("commands beyond the budget get 429, and a flood is disconnected with 4429", arguments: TestEngine.available)
    func flood(engine: TestEngine) async throws {
        try await TestApp.run(engine, mode: .live, configure: {
            $0.realtime.commandBurst = 5
            $0.realtime.commandsPerSecond = 1
            $0.realtime.floodLimit = 10
        }) { app in
            let ada = try await app.register()
            let socket = try await app.signedInSocket(ada)
            // One flush, so no refill time passes between them even on a loaded machine; the server may close
            // before it has read the last ones.
            try? await socket.sendBurst(json: (0..<20).map { ["type": "ping", "id": "p\($0)"] })
            var pongs = 0
            var limited = 0
            var close: (code: Int, reason: String)?
            while close == nil {
                switch try await socket.next() {
                case .message(let message):
                    if message["type"] as? String == "pong" { pongs += 1 }
                    if (message["payload"] as? [String: Any])?["code"] as? String == "rate_limited" { limited += 1 }
                case .close(let code, let reason):
                    close = (code, reason)
                }
            }
            // The auth frame spent one of the five.
            #expect(pongs == 4)
            #expect(limited == 10)
            #expect(close?.code == 4429)
            let metrics = try await app.request(.get, "/metrics").text
            #expect(metrics.contains("lyceum_realtime_closes_total{code=\"4429\"} 1"), "\(metrics)")
            #expect(metrics.contains("lyceum_realtime_commands_total 5"))
            #expect(metrics.contains("lyceum_realtime_connections 0"))
        }
    }

    @Test("a user hears their own notifications on their user topic, and may not follow another's", arguments: TestEngine.available)
    func userTopic(engine: TestEngine) async throws {
        try await TestApp.run(engine, mode: .live) { app in
            let ada = try await app.register()
            let grace = try await app.register()
            let socket = try await app.signedInSocket(ada)
            try await app.waitUntilRealtimeListens()
            try await app.notifications().deliver(.reply(to: [ada.id, grace.id], by: nil))
            let event = try await socket.nextMessage()
            #expect(event["type"] as? String == "event" && event["event"] as? String == "notification.created")
            #expect(event["topic"] as? String == "user:\(ada.id)")
            #expect((event["payload"] as? [String: Any])?["unread"] as? Int == 1)

            try await socket.send(json: ["type": "subscribe", "id": "s", "topic": "user:\(grace.id)"])
            #expect(try await socket.errorCode() == "topic_not_found")
            try await socket.send(json: ["type": "subscribe", "id": "s", "topic": "nowhere:1"])
            #expect(try await socket.errorCode() == "topic_not_found")
            try await socket.send(json: ["type": "subscribe", "id": "mine", "topic": "user:\(ada.id)"])
            let ack = try await socket.nextMessage()
            #expect(ack["type"] as? String == "ack" && (ack["payload"] as? [String: Any])?["topic"] as? String == "user:\(ada.id)")
        }
    }

    @Test("a client that stops reading is disconnected once its send queue overflows, without slowing others", arguments: TestEngine.available)
    func slowConsumer(engine: TestEngine) async throws {
        try await TestApp.run(engine, mode: .live, configure: { $0.realtime.sendQueueLimit = 64 * 1024 }) { app in
            let ada = try await app.register()
            let slow = try await app.signedInSocket(ada)
            let healthy = try await app.signedInSocket(ada)
            try await slow.pauseReading()
            let hub = try app.services.require(RealtimeHub.self)
            try await app.waitUntilRealtimeListens()
            // Under PostgreSQL's NOTIFY limit, so the frames travel inline.
            let filler = String(repeating: "x", count: 6_000)
            var published = 0
            // Each frame reaches both sockets; the healthy one reads them all, the slow one none. The kernel's
            // socket buffers absorb some megabytes before the server's own queue grows.
            while await hub.connectionCount() == 2, published < 10_000 {
                for _ in 0..<20 {
                    await hub.publish(.event(topic: "user:\(ada.id)", seq: nil, event: "filler") { $0.string(filler) })
                }
                published += 20
                for _ in 0..<20 { _ = try await healthy.nextMessage() }
            }
            #expect(await hub.connectionCount() == 1)
            #expect(published < 10_000)
            try await healthy.send(json: ["type": "ping", "id": "after"])
            let pong = try await healthy.waitFor { $0["type"] as? String == "pong" }
            #expect(pong.match["id"] as? String == "after")
        }
    }
}

extension TestApp {
    /// A socket to the live server's real-time endpoint, not yet signed in.
    func socket(headers: [(String, String)] = [], hearsPresence: Bool = false) async throws -> TestSocket {
        try await TestSocket.connect(port: try #require(client.port), headers: headers, hearsPresence: hearsPresence)
    }

    /// A socket signed in as `user` with an access token; the welcome is read.
    func signedInSocket(_ user: APIUser, hearsPresence: Bool = false) async throws -> TestSocket {
        let socket = try await self.socket(hearsPresence: hearsPresence)
        try await socket.send(json: ["type": "auth", "id": "auth", "payload": ["token": user.accessToken]])
        let welcome = try await socket.nextMessage()
        try #require(welcome["type"] as? String == "welcome", "not signed in: \(welcome)")
        return socket
    }

    /// Waits until the hub hears the `realtime` channel (PostgreSQL's `LISTEN` takes a moment).
    func waitUntilRealtimeListens() async throws {
        let hub = try services.require(RealtimeHub.self)
        try await withDeadline(.seconds(15), "the real-time hub listening") {
            while !hub.isListening { try await Task.sleep(for: .milliseconds(5)) }
        }
    }
}

extension TestSocket {
    /// The next message's error code, failing when it is not an error.
    func errorCode() async throws -> String? {
        let message = try await nextMessage()
        #expect(message["type"] as? String == "error", "expected an error: \(message)")
        return (message["payload"] as? [String: Any])?["code"] as? String
    }
}
