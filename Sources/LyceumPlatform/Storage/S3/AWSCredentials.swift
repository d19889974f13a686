import Foundation

/// A key pair (and, for temporary credentials, a session token) that signs requests to AWS or an
/// S3-compatible service.
public struct AWSCredentials: Sendable, Equatable {
    /// The access key id, sent in every signature's credential scope.
    public let accessKeyId: String
    /// The secret access key; never sent, only used to derive signing keys.
    public let secretAccessKey: String
    /// The session token of temporary credentials (`X-Amz-Security-Token`).
    public let sessionToken: String?
    /// When temporary credentials stop working; `nil` for long-lived keys.
    public let expiration: Date?

    /// Creates credentials.
    public init(accessKeyId: String, secretAccessKey: String, sessionToken: String? = nil, expiration: Date? = nil) {
        self.accessKeyId = accessKeyId
        self.secretAccessKey = secretAccessKey
        self.sessionToken = sessionToken
        self.expiration = expiration
    }
}
