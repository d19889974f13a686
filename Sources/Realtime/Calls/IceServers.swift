import Crypto
import Foundation
import LyceumContracts
import LyceumCore

/// The STUN and TURN servers a browser needs for a call's peer connections, shaped as WebRTC's
/// `RTCIceServer` list.
///
/// TURN credentials follow coturn's REST-API scheme (`use-auth-secret`): the username is
/// `<expiry unix time>:<user id>` and the password the base64 HMAC-SHA1 of the username under the shared
/// secret, so the TURN server checks them without asking Lyceum, and they stop working at the expiry.
public struct IceServers: Sendable {
    /// `stun:` addresses.
    public var stunURLs: [String] = []
    /// `turn:` and `turns:` addresses; used only with a secret.
    public var turnURLs: [String] = []
    /// The secret shared with the TURN server (coturn's `static-auth-secret`); no TURN without it.
    public var turnSecret: String?
    /// How long TURN credentials last.
    public var credentialLifetime: Duration = .seconds(3_600)

    /// No servers: peers on one network still connect through their host candidates.
    public init() {}

    /// The servers for `userID` at `now`.
    func list(for userID: String, at now: Date) -> IceServerList {
        var servers: [IceServerList.Server] = []
        if !stunURLs.isEmpty { servers.append(.init(urls: stunURLs, username: nil, credential: nil)) }
        let lifetime = Int(credentialLifetime.components.seconds)
        if let turnSecret, !turnSecret.isEmpty, !turnURLs.isEmpty {
            let username = "\(Int(now.timeIntervalSince1970) + lifetime):\(userID)"
            servers.append(.init(urls: turnURLs, username: username, credential: Self.credential(for: username, secret: turnSecret)))
        }
        return IceServerList(iceServers: servers, ttl: lifetime)
    }

    /// coturn's password for `username`: base64 of HMAC-SHA1(secret, username).
    static func credential(for username: String, secret: String) -> String {
        let mac = HMAC<Insecure.SHA1>.authenticationCode(for: Data(username.utf8), using: SymmetricKey(data: Data(secret.utf8)))
        return Data(mac).base64EncodedString()
    }
}

/// `{"iceServers": [{"urls": [...], "username"?, "credential"?}], "ttl": 3600}`.
struct IceServerList: Encodable, Equatable {
    struct Server: Encodable, Equatable {
        let urls: [String]
        let username: String?
        let credential: String?
    }

    let iceServers: [Server]
    /// Seconds the credentials last.
    let ttl: Int
}
