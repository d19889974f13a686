import LyceumContracts
import LyceumCore

extension NotificationsService {
    /// The answer to a link whose token is malformed or forged: nothing is changed.
    static let invalidUnsubscribeLink = AppError.badRequest(
        "invalid_unsubscribe_link", "This unsubscribe link is not valid. Sign in and change your email preferences instead."
    )

    /// What the unsubscribe link with `token` switches off; reading it changes nothing.
    /// - Throws: 400 `invalid_unsubscribe_link` when the token is malformed or its signature does not match.
    public func unsubscribeScope(token: String) throws(AppError) -> UnsubscribeScope {
        guard let target = mail.tokens.verify(token) else { throw Self.invalidUnsubscribeLink }
        return target.scope
    }

    /// Switches off what the link with `token` names, for the user it names, without a session: the kind's
    /// email, the digest of every kind, or all non-essential email. Doing it again changes nothing more.
    /// - Throws: 400 `invalid_unsubscribe_link` when the token is malformed or forged (nothing is changed).
    @discardableResult
    public func unsubscribe(token: String) async throws -> UnsubscribeScope {
        guard let target = mail.tokens.verify(token) else { throw Self.invalidUnsubscribeLink }
        switch target.scope {
        case .kind(let kind):
            _ = try await applySettings(userID: target.userID, [NotificationPreferenceChange(kind: kind, email: false)], nonEssentialEmailOff: nil)
        case .digest:
            let changes = NotificationKind.allCases.map { NotificationPreferenceChange(kind: $0, digest: false) }
            _ = try await applySettings(userID: target.userID, changes, nonEssentialEmailOff: nil)
        case .all:
            _ = try await applySettings(userID: target.userID, [], nonEssentialEmailOff: true)
        }
        return target.scope
    }
}
