import Foundation

/// Lifetimes and links for accounts and sign-in.
public struct IdentityConfiguration: Sendable {
    /// How long an access JWT is valid (15 minutes by default).
    public var accessTokenLifetime: TimeInterval = 15 * 60
    /// How long a refresh token, and an API session without use, stays valid (30 days).
    public var refreshTokenLifetime: TimeInterval = 30 * 24 * 3600
    /// How long a browser session cookie stays valid (30 days).
    public var webSessionLifetime: TimeInterval = 30 * 24 * 3600
    /// How long an email verification link works (48 hours).
    public var emailVerificationLifetime: TimeInterval = 48 * 3600
    /// How long a password reset link works (1 hour).
    public var passwordResetLifetime: TimeInterval = 3600
    /// The address users reach the web UI at, for links in email, without a trailing slash.
    public var publicURL: String

    /// Creates the configuration with default lifetimes.
    public init(publicURL: String) {
        self.publicURL = publicURL.hasSuffix("/") ? String(publicURL.dropLast()) : publicURL
    }
}
