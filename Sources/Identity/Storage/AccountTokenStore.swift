import Foundation
import SQLKit

/// SQL for single-use, expiring email tokens (verification and password reset), stored hashed.
struct AccountTokenStore {
    enum Purpose: String {
        case verifyEmail = "verify_email"
        case passwordReset = "password_reset"
    }

    static func create(
        hash: String, userID: String, purpose: Purpose, now: Date, expiresAt: Date, on sql: any SQLDatabase
    ) async throws {
        try await sql.insert(into: "account_tokens")
            .columns("token_hash", "user_id", "purpose", "created_at", "expires_at")
            .values(SQLBind(hash), SQLBind(userID), SQLBind(purpose.rawValue), SQLBind(now), SQLBind(expiresAt))
            .run()
    }

    /// Marks an unused, unexpired token of `purpose` used and returns its user; `nil` when there is none.
    /// The conditional update makes two concurrent uses succeed at most once.
    static func consume(hash: String, purpose: Purpose, at now: Date, on sql: any SQLDatabase) async throws -> String? {
        try await sql.update("account_tokens")
            .set("used_at", to: now)
            .where("token_hash", .equal, hash)
            .where("purpose", .equal, purpose.rawValue)
            .where("used_at", .is, SQLLiteral.null)
            .where("expires_at", .greaterThan, now)
            .returning("user_id")
            .first()?
            .decode(column: "user_id", as: String.self)
    }

    /// Retires every outstanding token of `purpose` for `userID`, so only the newest link works.
    static func retireOutstanding(userID: String, purpose: Purpose, at now: Date, on sql: any SQLDatabase) async throws {
        try await sql.update("account_tokens")
            .set("used_at", to: now)
            .where("user_id", .equal, userID)
            .where("purpose", .equal, purpose.rawValue)
            .where("used_at", .is, SQLLiteral.null)
            .run()
    }
}
