import Crypto
import Foundation
import LyceumCore

/// Signs and checks the Lyceum URLs through which the disk store's objects are downloaded and uploaded:
/// `<base>/<key>?expires=<unix seconds>&signature=<HMAC-SHA256, base64url>` over the method, the key, the
/// expiry and, for uploads, the required `Content-Type`.
///
/// The route that serves these URLs (in the Media module) calls `verify` with what the request carries.
public struct ObjectURLSigner: Sendable {
    /// Why a signed URL is refused.
    public enum Refusal: Error, Sendable, Equatable {
        /// The expiry or signature is missing or not of the right form, or the key is invalid.
        case malformed
        /// The URL's time is up.
        case expired
        /// The signature does not match this method, key, expiry and content type.
        case invalidSignature
    }

    private let key: SymmetricKey
    /// The URL objects are served under, e.g. `https://lyceum.example/objects`.
    public let baseURL: String

    /// Creates a signer whose key is derived from `secret` (the installation's signing secret), so every
    /// replica with the same secret accepts the same URLs.
    public init(secret: String, baseURL: String) {
        key = HKDF<SHA256>.deriveKey(
            inputKeyMaterial: SymmetricKey(data: Data(secret.utf8)), info: Data("lyceum object urls v1".utf8), outputByteCount: 32
        )
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
    }

    /// The signed request for `access` to `key` until `expires`.
    public func request(_ access: SignedAccess, for key: ObjectKey, expires: Date) -> SignedRequest {
        let expiry = Int64(expires.timeIntervalSince1970.rounded(.down))
        let signature = sign(method: access.method, key: key.value, expiry: expiry, contentType: Self.contentType(of: access))
        let path = SigV4Signer.percentEncode(key.value, keepingSlash: true)
        // The text is built from percent-encoded parts only, so it is always a valid URL.
        let url = URL(string: "\(baseURL)/\(path)?expires=\(expiry)&signature=\(signature)")!
        var headers: [String: String] = [:]
        if case .put(let contentType) = access { headers["Content-Type"] = contentType }
        return SignedRequest(method: access.method, url: url, headers: headers, expires: Date(timeIntervalSince1970: TimeInterval(expiry)))
    }

    /// Checks a request made with a signed URL.
    /// - Parameters:
    ///   - method: the request's method (`HEAD` counts as `GET`).
    ///   - key: the decoded path below `baseURL`.
    ///   - expires: the `expires` query parameter.
    ///   - signature: the `signature` query parameter.
    ///   - contentType: the request's `Content-Type` (uploads must send the signed one).
    ///   - now: the current time.
    /// - Returns: the validated key.
    public func verify(
        method: String, key: String, expires: String?, signature: String?, contentType: String?, now: Date
    ) throws(Refusal) -> ObjectKey {
        guard let expires, let expiry = Int64(expires), let signature, signature.utf8.count == 43,
            let objectKey = try? ObjectKey(key)
        else { throw .malformed }
        let signedMethod = method.uppercased() == "HEAD" ? "GET" : method.uppercased()
        let expected = sign(
            method: signedMethod, key: objectKey.value, expiry: expiry, contentType: signedMethod == "PUT" ? contentType ?? "" : ""
        )
        guard SecureToken.constantTimeEquals(expected, signature) else { throw .invalidSignature }
        guard Double(expiry) > now.timeIntervalSince1970 else { throw .expired }
        return objectKey
    }

    private func sign(method: String, key: String, expiry: Int64, contentType: String) -> String {
        let message = "\(method)\n\(key)\n\(expiry)\n\(contentType)"
        return SecureToken.base64URL(HMAC<SHA256>.authenticationCode(for: Data(message.utf8), using: self.key))
    }

    private static func contentType(of access: SignedAccess) -> String {
        if case .put(let contentType) = access { return contentType }
        return ""
    }
}
