import Crypto
import Foundation
import HTTPTypes
import LyceumApp
import LyceumPlatform
import LyceumTestSupport
import Realtime
import Testing

/// `GET /api/v1/realtime/ice-servers`: STUN always as configured, TURN with coturn's time-limited credentials.
@Suite("ICE servers for calls")
struct IceServersTests {
    @Test("signed-in callers get STUN, and TURN credentials coturn can check without asking Lyceum", arguments: TestEngine.available)
    func iceServers(engine: TestEngine) async throws {
        try await TestApp.run(engine, configure: {
            $0.realtime.iceServers.stunURLs = ["stun:stun.example.org:3478"]
            $0.realtime.iceServers.turnURLs = ["turn:turn.example.org:3478?transport=udp", "turns:turn.example.org:5349"]
            $0.realtime.iceServers.turnSecret = "coturn-shared-secret"
            $0.realtime.iceServers.credentialLifetime = .seconds(600)
        }) { app in
            #expect(try await app.request(.get, "/api/v1/realtime/ice-servers").status == .unauthorized)
            let ada = try await app.register()
            let reply = try await app.request(.get, "/api/v1/realtime/ice-servers", token: ada.accessToken)
            #expect(reply.status == .ok && reply.headers[.cacheControl] == "private, no-store")
            let servers = try #require(reply.json["iceServers"] as? [[String: Any]])
            #expect(reply.json["ttl"] as? Int == 600)
            #expect(servers.count == 2)
            #expect(servers[0]["urls"] as? [String] == ["stun:stun.example.org:3478"] && servers[0]["username"] == nil)
            let turn = servers[1]
            let username = try #require(turn["username"] as? String)
            let parts = username.split(separator: ":", maxSplits: 1)
            let expiry = try #require(Int(parts[0]))
            let now = Int(Date().timeIntervalSince1970)
            #expect(parts.count == 2 && parts[1] == Substring(ada.id) && (now + 590...now + 610).contains(expiry))
            let mac = HMAC<Insecure.SHA1>.authenticationCode(for: Data(username.utf8), using: SymmetricKey(data: Data("coturn-shared-secret".utf8)))
            #expect(turn["credential"] as? String == Data(mac).base64EncodedString())
        }
        try await TestApp.run(engine) { app in
            let ada = try await app.register()
            let bare = try await app.request(.get, "/api/v1/realtime/ice-servers", token: ada.accessToken)
            #expect(bare.status == .ok && (bare.json["iceServers"] as? [Any])?.isEmpty == true, "no servers configured, no TURN without a secret")
        }
    }

    @Test("ICE and socket settings are read and checked")
    func settings() async throws {
        let configuration = try await LyceumConfiguration.load(flags: [:], environment: [
            "LYCEUM_REALTIME_STUN_URLS": "stun:a.example:3478, stun:b.example", "LYCEUM_REALTIME_TURN_URLS": "turn:t.example",
            "LYCEUM_REALTIME_TURN_SECRET": "s3cret", "LYCEUM_REALTIME_TURN_CREDENTIAL_SECONDS": "120",
        ])
        #expect(configuration.realtime.iceServers.stunURLs == ["stun:a.example:3478", "stun:b.example"])
        #expect(configuration.realtime.iceServers.turnSecret == "s3cret" && configuration.realtime.iceServers.credentialLifetime == .seconds(120))
        let socket = try await LyceumConfiguration.load(flags: [:], environment: [
            "LYCEUM_REALTIME_IDLE_SECONDS": "90", "LYCEUM_REALTIME_MAX_FRAME_BYTES": "8192", "LYCEUM_REALTIME_SEND_QUEUE_BYTES": "1048576",
            "LYCEUM_REALTIME_COMMAND_BURST": "10", "LYCEUM_REALTIME_COMMANDS_PER_SECOND": "5",
            "LYCEUM_REALTIME_ALLOWED_ORIGINS": "https://Learn.Example.org, http://localhost:8080/", "LYCEUM_PUBLIC_URL": "https://lyceum.example.org",
        ]).realtimeSettings
        #expect(socket.allowedOrigins == ["https://learn.example.org", "http://localhost:8080", "https://lyceum.example.org"])
        #expect(socket.idleTimeout == .seconds(90) && socket.maxFrameSize == 8192 && socket.sendQueueLimit == 1_048_576)
        #expect(socket.commandBurst == 10 && socket.commandsPerSecond == 5)
        await #expect(throws: ConfigurationError.self) {
            _ = try await LyceumConfiguration.load(flags: [:], environment: ["LYCEUM_REALTIME_MAX_FRAME_BYTES": "12"])
        }
        await #expect(throws: ConfigurationError.self) {
            _ = try await LyceumConfiguration.load(flags: [:], environment: ["LYCEUM_REALTIME_TURN_URLS": "http://not-turn.example"])
        }
        for origin in ["learn.example.org", "https://learn.example.org/path", "ftp://learn.example.org", "https://", "https://a.example?x=1"] {
            await #expect(throws: ConfigurationError.self, "\(origin)") {
                _ = try await LyceumConfiguration.load(flags: [:], environment: ["LYCEUM_REALTIME_ALLOWED_ORIGINS": origin])
            }
        }
    }
}
