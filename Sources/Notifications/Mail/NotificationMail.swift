import Foundation
import LyceumContracts
import LyceumPlatform
import LyceumWeb

/// Composes Notifications' emails: fills the templates and adds each recipient's signed unsubscribe link.
struct NotificationMail: Sendable {
    let composer: MailComposer
    let tokens: UnsubscribeTokens

    /// The absolute unsubscribe link that switches `scope` off for `userID`.
    func unsubscribeURL(userID: String, scope: UnsubscribeScope) -> String {
        "\(composer.publicURL)/unsubscribe/\(tokens.token(userID: userID, scope: scope))"
    }

    /// The absolute address of the site path `link`.
    func absolute(_ link: String) -> String {
        composer.publicURL + link
    }

    /// The email telling `recipient` about `request` (already sanitized); unsubscribing stops this kind's email.
    func message(for request: NotificationRequested, to recipient: UserSummary, address: String) throws -> MailMessage {
        var values: [String: Any] = ["name": recipient.displayName, "title": request.title, "url": absolute(request.link)]
        if !request.body.isEmpty { values["excerpt"] = request.body }
        return try composer.compose(
            NotificationMailTemplates.name(request.kind), to: address, values: values,
            unsubscribe: .link(unsubscribeURL(userID: recipient.id, scope: .kind(request.kind)))
        )
    }

    /// The weekly digest of `items` (newest first) for `recipient`; unsubscribing stops the digest.
    func digest(_ items: [InAppNotification], to recipient: UserSummary, address: String) throws -> MailMessage {
        let listed: [[String: Any]] = items.map { item in
            var values: [String: Any] = ["title": item.title, "url": absolute(item.link), "date": PageFormat.date(item.createdAt)]
            if !item.body.isEmpty { values["excerpt"] = item.body }
            return values
        }
        let count = items.count == 1 ? "1 unread notification" : "\(items.count) unread notifications"
        return try composer.compose(
            NotificationMailTemplates.digestName, to: address,
            values: ["name": recipient.displayName, "count": count, "items": listed, "listURL": absolute("/notifications")],
            unsubscribe: .link(unsubscribeURL(userID: recipient.id, scope: .digest))
        )
    }
}
