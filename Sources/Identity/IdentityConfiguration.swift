import Foundation
import LyceumPlatform

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
    /// Budgets for actions worth throttling on their own; `nil` leaves an action unthrottled.
    public var limits = ActionLimits()
    /// The shortest time a password reset request takes, known address or not, so timing reveals nothing.
    public var passwordResetMinimumDuration: Duration = .milliseconds(250)

    /// Creates the configuration with default lifetimes.
    public init(publicURL: String) {
        self.publicURL = publicURL.hasSuffix("/") ? String(publicURL.dropLast()) : publicURL
    }
}

/// Per-account and per-address budgets for sign-in, registration, password reset and verification resends.
public struct ActionLimits: Sendable, Equatable {
    /// Sign-in attempts per account (email address).
    public var signInPerAccount: RateBudget? = RateBudget(capacity: 10, period: 15 * 60)
    /// Sign-in attempts per client address.
    public var signInPerAddress: RateBudget? = RateBudget(capacity: 50, period: 15 * 60)
    /// New accounts per client address.
    public var registrationPerAddress: RateBudget? = RateBudget(capacity: 20, period: 3600)
    /// Password reset emails per account.
    public var passwordResetPerAccount: RateBudget? = RateBudget(capacity: 5, period: 3600)
    /// Password reset requests per client address.
    public var passwordResetPerAddress: RateBudget? = RateBudget(capacity: 20, period: 3600)
    /// Verification email resends per account.
    public var verificationPerAccount: RateBudget? = RateBudget(capacity: 5, period: 3600)

    /// The default budgets.
    public init() {}

    /// No action is throttled.
    public static let unlimited: ActionLimits = {
        var limits = ActionLimits()
        limits.signInPerAccount = nil
        limits.signInPerAddress = nil
        limits.registrationPerAddress = nil
        limits.passwordResetPerAccount = nil
        limits.passwordResetPerAddress = nil
        limits.verificationPerAccount = nil
        return limits
    }()
}
