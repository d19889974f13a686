import Foundation
import HTTPTypes
import LyceumContracts
import LyceumPlatform
import NIOCore
import Testing

extension TestApp {
    /// The site path of the one-click unsubscribe URL in `message`'s `List-Unsubscribe` header.
    func unsubscribePath(in message: MailMessage) throws -> String {
        let header = try #require(message.header("List-Unsubscribe"), "no List-Unsubscribe on “\(message.subject)”")
        let url = try #require(URL(string: String(header.dropFirst().dropLast())), "not a URL: \(header)")
        #expect(header.hasPrefix("<") && header.hasSuffix(">"))
        return url.path
    }

    /// An RFC 8058 one-click `POST` to `path`, as a mail client sends it: no cookie, no CSRF token.
    func oneClick(_ path: String) async throws -> Reply {
        try await raw(
            .post, path, headers: [.contentType: "application/x-www-form-urlencoded"], body: ByteBuffer(string: "List-Unsubscribe=One-Click")
        )
    }

    /// The user's preferences through the API: each kind's channels by kind, and the global switch.
    func emailSettings(_ user: APIUser) async throws -> (kinds: [String: [String: Any]], nonEssentialEmailOff: Bool?) {
        let reply = try await request(.get, "/api/v1/me/notifications/preferences", token: user.accessToken)
        try #require(reply.status == .ok, "preferences failed: \(reply.text)")
        let items = reply.json["preferences"] as? [[String: Any]] ?? []
        return (
            Dictionary(uniqueKeysWithValues: items.compactMap { item in (item["kind"] as? String).map { ($0, item) } }),
            reply.json["nonEssentialEmailOff"] as? Bool
        )
    }

    /// Changes the user's preferences through the API and requires success.
    func savePreferences(_ user: APIUser, _ body: [String: any Sendable]) async throws {
        let reply = try await request(.put, "/api/v1/me/notifications/preferences", json: body, token: user.accessToken)
        try #require(reply.status == .ok, "saving preferences failed: \(reply.text)")
    }
}

extension NotificationRequested {
    /// A request of `kind` for tests, with an excerpt and a link.
    static func of(_ kind: NotificationKind, to recipients: [String], title: String, key: String = UUID().uuidString) -> NotificationRequested {
        NotificationRequested(
            recipientIDs: recipients, kind: kind, title: title, body: "Excerpt of the \(kind.rawValue) <b>cause</b>.",
            link: "/notifications/\(kind.rawValue)", actorID: nil, sourceKey: "\(kind.rawValue):\(key)"
        )
    }
}
