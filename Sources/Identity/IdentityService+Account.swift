import Foundation
import Logging
import LyceumContracts
import LyceumCore
import LyceumPlatform
import LyceumWeb
import SQLKit

extension IdentityService {
    /// Changes the caller's own display name and bio; `nil` leaves a field alone, an empty bio clears it.
    public func updateProfile(_ principal: Principal, displayName: String?, bio: String?) async throws -> User {
        var problems: [String: String] = [:]
        var newName: String?
        var newBio: String??
        if let displayName {
            switch ProfileRules.displayName(displayName) {
            case .success(let valid): newName = valid
            case .failure(let problem): problems["displayName"] = problem.message
            }
        }
        if let bio {
            switch ProfileRules.bio(bio) {
            case .success(let valid): newBio = .some(valid)
            case .failure(let problem): problems["bio"] = problem.message
            }
        }
        guard problems.isEmpty else { throw AppError.validation(problems) }
        let now = now()
        let nameChange = newName
        let bioChange = newBio
        let updated = try await database.transaction { sql in
            guard var user = try await UserStore.find(id: principal.userID, on: sql)?.user else {
                throw AppError.notFound("user")
            }
            if let nameChange { user.displayName = nameChange }
            if let bioChange { user.bio = bioChange }
            user.updatedAt = now
            try await UserStore.update(user, on: sql)
            return user
        }
        await sessions.invalidate(userID: principal.userID)
        return updated
    }

    /// Changes the caller's password after checking the current one, and signs out every other session.
    /// Wrong current password: 422 with `fields.currentPassword`, so a stolen access token alone cannot take over.
    /// A new password equal to the current one: 422 with `fields.newPassword`.
    public func changePassword(_ principal: Principal, currentPassword: String, newPassword: String) async throws {
        if let problem = PasswordPolicy.problem(with: newPassword) {
            throw AppError.validation(["newPassword": problem.message])
        }
        let stored = try await database.read { sql in try await UserStore.find(id: principal.userID, on: sql) }
        guard let stored else { throw AppError.notFound("user") }
        guard try await hasher.verify(currentPassword, against: stored.passwordHash) else {
            throw AppError.validation(["currentPassword": "is incorrect"])
        }
        // `currentPassword` is verified, so comparing the strings compares with the stored password.
        guard newPassword != currentPassword else {
            throw AppError.validation(["newPassword": "must differ from your current password"])
        }
        let hash = try await hasher.hash(newPassword)
        let now = now()
        try await database.transaction { sql in
            try await UserStore.updatePassword(userID: principal.userID, hash: hash, at: now, on: sql)
            try await SessionStore.revokeAll(
                userID: principal.userID, keeping: principal.sessionID, reason: "password_changed", at: now, on: sql
            )
        }
        await sessions.invalidate(userID: principal.userID)
    }

    /// Queues a fresh email verification link for the caller, retiring older links.
    /// 429 when the account asked too often.
    public func resendVerificationEmail(_ principal: Principal) async throws {
        try await throttle.check([("verify:account:\(principal.userID)", configuration.limits.verificationPerAccount)])
        let user = try await user(id: principal.userID)
        guard !user.emailVerified else {
            throw AppError.conflict("already_verified", "This email address is already verified.")
        }
        let now = now()
        try await database.transaction { sql in try await queueVerificationEmail(to: user, at: now, on: sql) }
    }

    /// Retires the user's outstanding verification links, creates a new one and queues its email, in `sql`'s
    /// transaction.
    func queueVerificationEmail(to user: User, at now: Date, on sql: any SQLDatabase) async throws {
        let token = SecureToken.generate()
        try await AccountTokenStore.retireOutstanding(userID: user.id, purpose: .verifyEmail, at: now, on: sql)
        try await AccountTokenStore.create(
            hash: SecureToken.digest(of: token), userID: user.id, purpose: .verifyEmail, now: now,
            expiresAt: now.addingTimeInterval(configuration.emailVerificationLifetime), on: sql
        )
        let message = try mail.compose(
            AccountMailTemplates.verifyEmail.name, to: user.email,
            values: [
                "name": user.displayName, "url": "\(configuration.publicURL)/verify-email?token=\(token)",
                "hours": Int(configuration.emailVerificationLifetime / 3600),
            ],
            unsubscribe: .essential
        )
        try await jobs.enqueue(SendMail(message), on: sql)
    }

    /// Marks the email behind a verification token as verified. 400 `invalid_token` when the token is unknown,
    /// used or expired.
    public func verifyEmail(token: String) async throws -> User {
        let hash = SecureToken.digest(of: token)
        let now = now()
        let verified = try await database.transaction { sql in
            guard let userID = try await AccountTokenStore.consume(hash: hash, purpose: .verifyEmail, at: now, on: sql),
                var user = try await UserStore.find(id: userID, on: sql)?.user
            else {
                throw AppError.badRequest("invalid_token", "This link is invalid, already used or expired.")
            }
            user.emailVerified = true
            user.updatedAt = now
            try await UserStore.update(user, on: sql)
            return user
        }
        await sessions.invalidate(userID: verified.id)
        return verified
    }
}
