import Foundation
import Logging
import LyceumContracts
import LyceumCore
import LyceumPlatform
import LyceumWeb

extension IdentityService {
    /// Emails a password reset link when an active account has this address. The caller learns nothing
    /// either way: the route always answers 202, and both cases take at least
    /// `configuration.passwordResetMinimumDuration`, so neither the answer nor its timing probes addresses.
    /// 429 when the account or the address asked too often.
    public func requestPasswordReset(email: String, from address: String? = nil) async throws {
        let limits = configuration.limits
        try await throttle.check([
            ("reset:account:\(Self.throttleKey(email))", limits.passwordResetPerAccount),
            ("reset:address:\(address ?? "unknown")", limits.passwordResetPerAddress),
        ])
        let finished = ContinuousClock.now + configuration.passwordResetMinimumDuration
        try await queuePasswordReset(email: email)
        try? await Task.sleep(until: finished)
    }

    private func queuePasswordReset(email: String) async throws {
        guard let normalized = try? EmailAddress.normalize(email),
            let stored = try await database.read({ sql in try await UserStore.find(email: normalized, on: sql) }),
            stored.user.isActive
        else { return }
        let user = stored.user
        let token = SecureToken.generate()
        let now = now()
        let message = try mail.compose(
            AccountMailTemplates.passwordReset.name, to: user.email,
            values: ["name": user.displayName, "url": "\(configuration.publicURL)/reset-password?token=\(token)"],
            unsubscribe: .essential
        )
        try await database.transaction { sql in
            try await AccountTokenStore.retireOutstanding(userID: user.id, purpose: .passwordReset, at: now, on: sql)
            try await AccountTokenStore.create(
                hash: SecureToken.digest(of: token), userID: user.id, purpose: .passwordReset, now: now,
                expiresAt: now.addingTimeInterval(configuration.passwordResetLifetime), on: sql
            )
            try await jobs.enqueue(SendMail(message), on: sql)
        }
    }

    /// Sets a new password with a reset token and signs out every session. The token proves the address,
    /// so the email also counts as verified. 400 `invalid_token` when unknown, used or expired.
    public func confirmPasswordReset(token: String, newPassword: String) async throws {
        if let problem = PasswordPolicy.problem(with: newPassword) {
            throw AppError.validation(["password": problem.message])
        }
        let hash = try await hasher.hash(newPassword)
        let tokenHash = SecureToken.digest(of: token)
        let now = now()
        let userID = try await database.transaction { sql -> String in
            guard
                let userID = try await AccountTokenStore.consume(
                    hash: tokenHash, purpose: .passwordReset, at: now, on: sql
                ),
                var user = try await UserStore.find(id: userID, on: sql)?.user, user.isActive
            else {
                throw AppError.badRequest("invalid_token", "This link is invalid, already used or expired.")
            }
            try await UserStore.updatePassword(userID: userID, hash: hash, at: now, on: sql)
            user.emailVerified = true
            user.updatedAt = now
            try await UserStore.update(user, on: sql)
            try await SessionStore.revokeAll(userID: userID, keeping: nil, reason: "password_reset", at: now, on: sql)
            return userID
        }
        await sessions.invalidate(userID: userID)
    }
}
