import Foundation
import Logging
import LyceumContracts
import LyceumCore
import LyceumPlatform
import LyceumWeb
import SQLKit

/// Accounts, credentials and sessions: the rules every entry point (API, web pages, CLI) goes through.
public struct IdentityService: Sendable {
    let database: any Database
    let hasher: PasswordHasher
    let accessTokens: AccessTokens
    let jobs: JobQueue
    let mail: MailComposer
    let clock: WallClock
    let configuration: IdentityConfiguration
    let throttle: ActionThrottle
    let sessions: SessionCache

    /// Creates the service; it composes mail with `mail` and sends it as jobs on `jobs`, `limiter` counts the throttled actions
    /// (`configuration.limits`), and `pubSub` carries session revocations to every replica's session cache.
    public init(
        database: any Database, hasher: PasswordHasher, accessTokens: AccessTokens, jobs: JobQueue, mail: MailComposer,
        clock: WallClock, configuration: IdentityConfiguration, limiter: any RateLimiter, pubSub: any PubSub, logger: Logger
    ) {
        self.database = database
        self.hasher = hasher
        self.accessTokens = accessTokens
        self.jobs = jobs
        self.mail = mail
        self.clock = clock
        self.configuration = configuration
        self.throttle = ActionThrottle(limiter: limiter, clock: clock)
        self.sessions = SessionCache(pubSub: pubSub, logger: logger)
    }

    /// The key an email address is throttled under: trimmed and lowercased, whether or not it is valid.
    static func throttleKey(_ email: String) -> String {
        email.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    }

    func throttleRegistration(from address: String?) async throws(AppError) {
        try await throttle.check([("register:address:\(address ?? "unknown")", configuration.limits.registrationPerAddress)])
    }

    /// The current time truncated to milliseconds, so values survive both databases' timestamp precision.
    func now() -> Date {
        clock.nowForStorage()
    }

    // MARK: Registration and sign-in

    /// Creates a student account and signs it in; the email verification link is queued as a job in the
    /// transaction that creates the account, so a mail failure never fails the registration.
    /// Throws 422 with `fields` for invalid input, 409 `email_taken` when the address is registered, and 429 when
    /// `address` has registered too many accounts.
    public func register(email: String, password: String, displayName: String, from address: String? = nil) async throws -> SignedIn {
        try await throttleRegistration(from: address)
        let user = try await createAccount(
            email: email, password: password, displayName: displayName, role: .student, emailVerified: false, signUp: true
        )
        return try await startAPISession(for: user)
    }

    /// Creates an account with `role`; used by registration, the admin CLI and the demo school.
    /// - Parameter signUp: the person is creating their own account: queue the email verification link and
    ///   announce `UserRegistered` (the welcome email) in the same transaction.
    public func createAccount(
        email: String, password: String, displayName: String, role: Role, emailVerified: Bool, signUp: Bool = false
    ) async throws -> User {
        var problems: [String: String] = [:]
        var normalizedEmail = ""
        do {
            normalizedEmail = try EmailAddress.normalize(email)
        } catch {
            problems.merge(error.fields) { first, _ in first }
        }
        if let problem = PasswordPolicy.problem(with: password) { problems["password"] = problem.message }
        var name = ""
        switch ProfileRules.displayName(displayName) {
        case .success(let valid): name = valid
        case .failure(let problem): problems["displayName"] = problem.message
        }
        guard problems.isEmpty else { throw AppError.validation(problems) }

        let hash = try await hasher.hash(password)
        let now = now()
        let user = User(
            id: UUID().uuidString.lowercased(), email: normalizedEmail, displayName: name, role: role, isActive: true,
            emailVerified: emailVerified, bio: nil, createdAt: now, updatedAt: now
        )
        do {
            try await database.write { sql in
                try await UserStore.insert(.init(user: user, passwordHash: hash), on: sql)
                if signUp {
                    try await queueVerificationEmail(to: user, at: now, on: sql)
                    try await jobs.publish(UserRegistered(userID: user.id, displayName: user.displayName, at: now), on: sql)
                }
            }
        } catch let error where DatabaseFailure(error) == .uniqueViolation {
            throw AppError.conflict("email_taken", "An account with this email already exists.")
        }
        return user
    }

    /// Signs in with email and password for API use.
    /// Unknown emails and wrong passwords take the same time and give the same 401 `invalid_credentials`;
    /// a deactivated account with the right password gets 403 `account_disabled`.
    public func login(email: String, password: String, from address: String? = nil) async throws -> SignedIn {
        let user = try await checkCredentials(email: email, password: password, from: address)
        return try await startAPISession(for: user)
    }

    /// Checks a password, after drawing from the sign-in budgets of the account and the address (429 when spent).
    func checkCredentials(email: String, password: String, from address: String?) async throws -> User {
        let limits = configuration.limits
        try await throttle.check([
            ("signin:account:\(Self.throttleKey(email))", limits.signInPerAccount),
            ("signin:address:\(address ?? "unknown")", limits.signInPerAddress),
        ])
        let invalid = AppError(status: 401, code: "invalid_credentials", message: "The email or password is incorrect.")
        guard let normalized = try? EmailAddress.normalize(email),
            password.count <= PasswordPolicy.maximumLength,
            let stored = try await database.read({ sql in try await UserStore.find(email: normalized, on: sql) })
        else {
            _ = try await hasher.verifyAgainstDummy(password)
            throw invalid
        }
        guard try await hasher.verify(password, against: stored.passwordHash) else { throw invalid }
        guard stored.user.isActive else {
            throw AppError(status: 403, code: "account_disabled", message: "This account has been deactivated.")
        }
        return stored.user
    }

    private func startAPISession(for user: User) async throws -> SignedIn {
        let sessionID = UUID().uuidString.lowercased()
        let refreshToken = SecureToken.generate()
        let now = now()
        let expiresAt = now.addingTimeInterval(configuration.refreshTokenLifetime)
        try await database.write { sql in
            try await SessionStore.create(
                id: sessionID, userID: user.id, kind: .api, webTokenHash: nil, now: now, expiresAt: expiresAt, on: sql
            )
            try await SessionStore.addRefreshToken(
                hash: SecureToken.digest(of: refreshToken), sessionID: sessionID, now: now, expiresAt: expiresAt, on: sql
            )
        }
        let access = try await accessTokens.issue(userID: user.id, sessionID: sessionID)
        return SignedIn(user: user, accessToken: access.token, accessTokenExpiresAt: access.expiresAt, refreshToken: refreshToken)
    }

    /// Exchanges a refresh token for a new pair. Presenting a token that was already rotated revokes its
    /// whole session (401 `refresh_token_reused`), since only a thief would hold an old one.
    public func refresh(refreshToken: String, logger: Logger) async throws -> SignedIn {
        enum Outcome: Sendable {
            case rotated(userID: String, sessionID: String, newToken: String)
            case reused(userID: String)
            case invalid
        }
        let hash = SecureToken.digest(of: refreshToken)
        let now = now()
        let lifetime = configuration.refreshTokenLifetime
        let outcome: Outcome = try await database.transaction { sql in
            guard let state = try await SessionStore.refreshToken(hash: hash, on: sql) else { return .invalid }
            if state.sessionRevokedAt != nil || state.sessionExpiresAt <= now || state.expiresAt <= now {
                return .invalid
            }
            guard state.rotatedAt == nil, try await SessionStore.rotate(hash: hash, at: now, on: sql) else {
                try await SessionStore.revoke(id: state.sessionID, reason: "refresh_token_reused", at: now, on: sql)
                return .reused(userID: state.userID)
            }
            guard let user = try await UserStore.find(id: state.userID, on: sql), user.user.isActive else {
                return .invalid
            }
            let newToken = SecureToken.generate()
            let expiresAt = now.addingTimeInterval(lifetime)
            try await SessionStore.addRefreshToken(
                hash: SecureToken.digest(of: newToken), sessionID: state.sessionID, now: now, expiresAt: expiresAt,
                on: sql
            )
            try await sql.update("sessions").set("expires_at", to: expiresAt).where("id", .equal, state.sessionID).run()
            return .rotated(userID: state.userID, sessionID: state.sessionID, newToken: newToken)
        }
        switch outcome {
        case .invalid:
            throw AppError(status: 401, code: "invalid_refresh_token", message: "The refresh token is not valid; sign in again.")
        case .reused(let userID):
            await sessions.invalidate(userID: userID)
            logger.warning("Refresh token reused; session revoked")
            throw AppError(
                status: 401, code: "refresh_token_reused",
                message: "This refresh token was already used; the session has been signed out for safety."
            )
        case .rotated(let userID, let sessionID, let newToken):
            let user = try await user(id: userID)
            let access = try await accessTokens.issue(userID: userID, sessionID: sessionID)
            return SignedIn(user: user, accessToken: access.token, accessTokenExpiresAt: access.expiresAt, refreshToken: newToken)
        }
    }

    /// Ends the session the principal signed in with.
    public func logout(_ principal: Principal) async throws {
        let now = now()
        try await database.write { sql in
            try await SessionStore.revoke(id: principal.sessionID, reason: "logout", at: now, on: sql)
        }
        await sessions.invalidate(userID: principal.userID)
    }

    /// Ends the session a refresh token belongs to; unknown tokens are ignored so logout is idempotent.
    public func logout(refreshToken: String) async throws {
        let hash = SecureToken.digest(of: refreshToken)
        let now = now()
        let userID = try await database.transaction { sql -> String? in
            guard let state = try await SessionStore.refreshToken(hash: hash, on: sql) else { return nil }
            try await SessionStore.revoke(id: state.sessionID, reason: "logout", at: now, on: sql)
            return state.userID
        }
        if let userID { await sessions.invalidate(userID: userID) }
    }

    /// The principal behind an access token: valid signature, unexpired, session live, account active.
    /// The session comes from the session cache, so the check usually costs no query.
    public func authenticate(accessToken: String) async throws -> Principal {
        let claims = try await accessTokens.verify(accessToken)
        let session = try await sessions.session(key: "id:" + claims.sessionID, now: clock.now()) {
            try await database.read { sql in try await SessionStore.find(id: claims.sessionID, on: sql) }
        }
        return try principal(from: session, expectedUserID: claims.userID)
    }

    func principal(from session: SessionStore.ActiveSession?, expectedUserID: String?) throws(AppError) -> Principal {
        guard let session, expectedUserID == nil || session.userID == expectedUserID else {
            throw AppError(status: 401, code: "invalid_token", message: "The access token is not valid.")
        }
        guard session.revokedAt == nil, session.expiresAt > clock.now(), session.userActive else {
            throw AppError(status: 401, code: "session_revoked", message: "This session has ended; sign in again.")
        }
        return Principal(userID: session.userID, role: session.role, sessionID: session.sessionID)
    }

    // MARK: Reading accounts

    /// The user with `id`; 404 when there is none.
    public func user(id: String) async throws -> User {
        let found = try await sessions.user(id: id) {
            try await database.read { sql in try await UserStore.find(id: id, on: sql)?.user }
        }
        guard let found else { throw AppError.notFound("user") }
        return found
    }
}
