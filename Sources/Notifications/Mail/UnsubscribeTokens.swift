import Crypto
import Foundation
import LyceumContracts
import LyceumCore

/// What an unsubscribe link switches off.
public enum UnsubscribeScope: Sendable, Equatable {
    /// The email channel of one kind.
    case kind(NotificationKind)
    /// The weekly digest (its channel for every kind).
    case digest
    /// Every non-essential email.
    case all

    var text: String {
        switch self {
        case .kind(let kind): "kind:\(kind.rawValue)"
        case .digest: "digest"
        case .all: "all"
        }
    }

    init?(text: String) {
        switch text {
        case "digest": self = .digest
        case "all": self = .all
        default:
            guard text.hasPrefix("kind:"), let kind = NotificationKind(rawValue: String(text.dropFirst(5))) else { return nil }
            self = .kind(kind)
        }
    }
}

/// Signs and checks the tokens in unsubscribe links: `<version>.<payload>.<signature>`, where the payload is
/// the base64url of `<user id>\n<scope>` and the signature the base64url HMAC-SHA256 of `<version>.<payload>`
/// under a key derived (HKDF) from the installation's signing secret for this purpose only. Links never
/// expire (an old email's link keeps working); the version names the key, so a new key can be introduced
/// while links signed with the old one are still accepted.
public struct UnsubscribeTokens: Sendable {
    /// The version new tokens are signed with.
    static let currentVersion = 1
    private let currentKey: SymmetricKey
    private let keys: [Int: SymmetricKey]

    /// Creates the signer from the installation's signing secret.
    public init(secret: String) {
        currentKey = HKDF<SHA256>.deriveKey(
            inputKeyMaterial: SymmetricKey(data: Data(secret.utf8)), info: Data("lyceum unsubscribe v1".utf8), outputByteCount: 32
        )
        keys = [Self.currentVersion: currentKey]
    }

    /// The token that unsubscribes `userID` from `scope`.
    public func token(userID: String, scope: UnsubscribeScope) -> String {
        let signed = "\(Self.currentVersion).\(SecureToken.base64URL(Data("\(userID)\n\(scope.text)".utf8)))"
        return "\(signed).\(Self.signature(of: signed, key: currentKey))"
    }

    /// The user and scope `token` names, or `nil` when it is malformed, of an unknown version or forged.
    public func verify(_ token: String) -> (userID: String, scope: UnsubscribeScope)? {
        guard token.utf8.count <= 512 else { return nil }
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, let version = Int(parts[0]),
            let key = keys[version],
            SecureToken.constantTimeEquals(Self.signature(of: "\(parts[0]).\(parts[1])", key: key), String(parts[2])),
            let payload = SecureToken.decodeBase64URL(String(parts[1])).map({ String(decoding: $0, as: UTF8.self) })
        else { return nil }
        let fields = payload.split(separator: "\n", omittingEmptySubsequences: false)
        guard fields.count == 2, !fields[0].isEmpty, let scope = UnsubscribeScope(text: String(fields[1])) else { return nil }
        return (String(fields[0]), scope)
    }

    private static func signature(of text: String, key: SymmetricKey) -> String {
        SecureToken.base64URL(HMAC<SHA256>.authenticationCode(for: Data(text.utf8), using: key))
    }
}
