import Foundation
import JWTKit
import LyceumContracts
import LyceumCore

/// The claims inside an access token.
struct AccessTokenClaims: JWTPayload {
    /// The user id.
    var sub: SubjectClaim
    /// The session the token belongs to; revoking the session revokes the token.
    var sid: String
    /// Expiry; checked against the injected clock rather than inside `verify(using:)`.
    var exp: ExpirationClaim
    /// Issue time.
    var iat: IssuedAtClaim
    /// Always "lyceum".
    var iss: IssuerClaim

    func verify(using algorithm: some JWTAlgorithm) async throws {}
}

/// Signs and verifies short-lived HS256 access tokens.
public struct AccessTokens: Sendable {
    private let keys: JWTKeyCollection
    private let lifetime: TimeInterval
    private let clock: WallClock
    private static let issuer = "lyceum"

    /// Creates the signer with `secret` (at least 32 bytes of entropy, as configuration enforces).
    public init(secret: String, lifetime: TimeInterval, clock: WallClock) async {
        let keys = JWTKeyCollection()
        await keys.add(hmac: HMACKey(from: secret), digestAlgorithm: .sha256)
        self.keys = keys
        self.lifetime = lifetime
        self.clock = clock
    }

    /// A token for `userID` in `sessionID`, and when it expires.
    func issue(userID: String, sessionID: String) async throws -> (token: String, expiresAt: Date) {
        let now = clock.now()
        let expiresAt = now.addingTimeInterval(lifetime)
        let claims = AccessTokenClaims(
            sub: .init(value: userID),
            sid: sessionID,
            exp: .init(value: expiresAt),
            iat: .init(value: now),
            iss: .init(value: Self.issuer)
        )
        return (try await keys.sign(claims), expiresAt)
    }

    /// The user and session of a valid, unexpired token; 401 for anything else.
    func verify(_ token: String) async throws(AppError) -> (userID: String, sessionID: String) {
        let claims: AccessTokenClaims
        do {
            claims = try await keys.verify(token, as: AccessTokenClaims.self)
        } catch {
            throw AppError(status: 401, code: "invalid_token", message: "The access token is not valid.")
        }
        guard claims.iss.value == Self.issuer else {
            throw AppError(status: 401, code: "invalid_token", message: "The access token is not valid.")
        }
        guard claims.exp.value > clock.now() else {
            throw AppError(status: 401, code: "token_expired", message: "The access token has expired; refresh it.")
        }
        return (claims.sub.value, claims.sid)
    }
}
