import LyceumContracts
import Foundation
import Logging
import LyceumCore
import LyceumHTTP
import LyceumPlatform

/// A browser sign-in: the user and the opaque value for the session cookie.
public struct WebSession: Sendable {
    /// The signed-in user.
    public let user: User
    /// The cookie value; only its digest is stored.
    public let cookieValue: String
    /// When the cookie stops working.
    public let expiresAt: Date
}

extension IdentityService {
    /// How long a browser session cookie stays valid, for the cookie's `Max-Age`.
    public var webSessionLifetime: TimeInterval { configuration.webSessionLifetime }

    /// Signs in a browser with email and password (same rules and errors as `login`).
    public func startWebSession(email: String, password: String, from address: String? = nil) async throws -> WebSession {
        let user = try await checkCredentials(email: email, password: password, from: address)
        return try await startWebSession(for: user)
    }

    /// Registers a student from the sign-up page and signs the browser in.
    public func registerWeb(email: String, password: String, displayName: String, from address: String? = nil) async throws -> WebSession {
        try await throttleRegistration(from: address)
        let user = try await createAccount(
            email: email, password: password, displayName: displayName, role: .student, emailVerified: false, signUp: true
        )
        return try await startWebSession(for: user)
    }

    private func startWebSession(for user: User) async throws -> WebSession {
        let cookieValue = SecureToken.generate()
        let now = now()
        let expiresAt = now.addingTimeInterval(configuration.webSessionLifetime)
        try await database.write { sql in
            try await SessionStore.create(
                id: UUID().uuidString.lowercased(), userID: user.id, kind: .web,
                webTokenHash: SecureToken.digest(of: cookieValue), now: now, expiresAt: expiresAt, on: sql
            )
        }
        return WebSession(user: user, cookieValue: cookieValue, expiresAt: expiresAt)
    }

    /// The caller behind a session cookie, or `nil` when the cookie is unknown, expired or revoked.
    public func authenticate(webSessionCookie: String) async throws -> WebCaller? {
        let hash = SecureToken.digest(of: webSessionCookie)
        let session = try await sessions.session(key: "web:" + hash, now: clock.now()) {
            try await database.read { sql in try await SessionStore.find(webTokenHash: hash, on: sql) }
        }
        guard let session, let principal = try? principal(from: session, expectedUserID: nil) else { return nil }
        return WebCaller(
            principal: principal, displayName: session.displayName,
            avatarPath: session.avatarUploadID.map { ProfilePictures.path(userID: principal.userID, uploadID: $0) }
        )
    }
}

extension IdentityService {
    /// Revokes the browser session behind a cookie; unknown cookies are ignored so sign-out is idempotent.
    public func endWebSession(cookieValue: String) async throws {
        let hash = SecureToken.digest(of: cookieValue)
        let now = now()
        let userID = try await database.transaction { sql -> String? in
            guard let session = try await SessionStore.find(webTokenHash: hash, on: sql) else { return nil }
            try await SessionStore.revoke(id: session.sessionID, reason: "logout", at: now, on: sql)
            return session.userID
        }
        if let userID { await sessions.invalidate(userID: userID) }
    }
}
