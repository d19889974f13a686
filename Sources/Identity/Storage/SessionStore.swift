import Foundation
import LyceumContracts
import LyceumCore
import SQLKit

/// SQL for sign-in sessions and their rotating refresh tokens.
///
/// A session is one sign-in on one device; its refresh tokens form a chain where each use rotates
/// the token. Presenting a rotated token again means it was stolen, so the whole session is revoked.
struct SessionStore {
    enum Kind: String {
        case api
        case web
    }

    /// A session with the state of its user, as authentication needs it.
    struct ActiveSession {
        let sessionID: String
        let userID: String
        let role: Role
        let displayName: String
        let avatarUploadID: String?
        let userActive: Bool
        let expiresAt: Date
        let revokedAt: Date?
    }

    /// A refresh token row joined with its session.
    struct RefreshTokenState {
        let sessionID: String
        let userID: String
        let expiresAt: Date
        let rotatedAt: Date?
        let sessionRevokedAt: Date?
        let sessionExpiresAt: Date
    }

    static func create(
        id: String, userID: String, kind: Kind, webTokenHash: String?, now: Date, expiresAt: Date,
        on sql: any SQLDatabase
    ) async throws {
        try await sql.insert(into: "sessions")
            .columns("id", "user_id", "kind", "web_token_hash", "created_at", "expires_at")
            .values(
                SQLBind(id), SQLBind(userID), SQLBind(kind.rawValue), SQLBind(webTokenHash), SQLBind(now),
                SQLBind(expiresAt)
            )
            .run()
    }

    static func find(id: String, on sql: any SQLDatabase) async throws -> ActiveSession? {
        try await selectActive(on: sql).where(SQLColumn("id", table: "s"), .equal, SQLBind(id)).first().map(decode)
    }

    static func find(webTokenHash: String, on sql: any SQLDatabase) async throws -> ActiveSession? {
        try await selectActive(on: sql).where(SQLColumn("web_token_hash", table: "s"), .equal, SQLBind(webTokenHash))
            .first().map(decode)
    }

    static func revoke(id: String, reason: String, at now: Date, on sql: any SQLDatabase) async throws {
        try await sql.update("sessions").set("revoked_at", to: now).set("revoked_reason", to: reason)
            .where("id", .equal, id).where("revoked_at", .is, SQLLiteral.null)
            .run()
    }

    /// Revokes every live session of `userID`, except `keeping` when given.
    static func revokeAll(userID: String, keeping: String?, reason: String, at now: Date, on sql: any SQLDatabase)
        async throws
    {
        var update = sql.update("sessions").set("revoked_at", to: now).set("revoked_reason", to: reason)
            .where("user_id", .equal, userID).where("revoked_at", .is, SQLLiteral.null)
        if let keeping { update = update.where("id", .notEqual, keeping) }
        try await update.run()
    }

    static func addRefreshToken(hash: String, sessionID: String, now: Date, expiresAt: Date, on sql: any SQLDatabase)
        async throws
    {
        try await sql.insert(into: "refresh_tokens")
            .columns("token_hash", "session_id", "created_at", "expires_at")
            .values(SQLBind(hash), SQLBind(sessionID), SQLBind(now), SQLBind(expiresAt))
            .run()
    }

    static func refreshToken(hash: String, on sql: any SQLDatabase) async throws -> RefreshTokenState? {
        guard
            let row = try await sql.select()
                .column(SQLColumn("session_id", table: "r"))
                .column(SQLColumn("user_id", table: "s"))
                .column(SQLColumn("expires_at", table: "r"), as: "token_expires_at")
                .column(SQLColumn("rotated_at", table: "r"))
                .column(SQLColumn("revoked_at", table: "s"))
                .column(SQLColumn("expires_at", table: "s"), as: "session_expires_at")
                .from(SQLAlias(SQLIdentifier("refresh_tokens"), as: SQLIdentifier("r")))
                .join(
                    SQLAlias(SQLIdentifier("sessions"), as: SQLIdentifier("s")),
                    on: SQLColumn("id", table: "s"), .equal, SQLColumn("session_id", table: "r")
                )
                .where(SQLColumn("token_hash", table: "r"), .equal, SQLBind(hash))
                .first()
        else { return nil }
        return RefreshTokenState(
            sessionID: try row.decode(column: "session_id", as: String.self),
            userID: try row.decode(column: "user_id", as: String.self),
            expiresAt: try row.decode(column: "token_expires_at", as: Date.self),
            rotatedAt: try row.decode(column: "rotated_at", as: Date?.self),
            sessionRevokedAt: try row.decode(column: "revoked_at", as: Date?.self),
            sessionExpiresAt: try row.decode(column: "session_expires_at", as: Date.self)
        )
    }

    /// Marks the token used; `false` when another request rotated it first.
    static func rotate(hash: String, at now: Date, on sql: any SQLDatabase) async throws -> Bool {
        try await sql.update("refresh_tokens").set("rotated_at", to: now)
            .where("token_hash", .equal, hash).where("rotated_at", .is, SQLLiteral.null)
            .returning("token_hash")
            .first() != nil
    }

    private static func selectActive(on sql: any SQLDatabase) -> SQLSelectBuilder {
        sql.select()
            .column(SQLColumn("id", table: "s"), as: "session_id")
            .column(SQLColumn("user_id", table: "s"))
            .column(SQLColumn("expires_at", table: "s"))
            .column(SQLColumn("revoked_at", table: "s"))
            .column(SQLColumn("role", table: "u"))
            .column(SQLColumn("display_name", table: "u"))
            .column(SQLColumn("avatar_upload_id", table: "u"))
            .column(SQLColumn("active", table: "u"))
            .from(SQLAlias(SQLIdentifier("sessions"), as: SQLIdentifier("s")))
            .join(
                SQLAlias(SQLIdentifier("users"), as: SQLIdentifier("u")),
                on: SQLColumn("id", table: "u"), .equal, SQLColumn("user_id", table: "s")
            )
    }

    private static func decode(_ row: any SQLRow) throws -> ActiveSession {
        ActiveSession(
            sessionID: try row.decode(column: "session_id", as: String.self),
            userID: try row.decode(column: "user_id", as: String.self),
            role: Role(rawValue: try row.decode(column: "role", as: String.self)) ?? .student,
            displayName: try row.decode(column: "display_name", as: String.self),
            avatarUploadID: try row.decode(column: "avatar_upload_id", as: String?.self),
            userActive: try row.decode(column: "active", as: Bool.self),
            expiresAt: try row.decode(column: "expires_at", as: Date.self),
            revokedAt: try row.decode(column: "revoked_at", as: Date?.self)
        )
    }
}
