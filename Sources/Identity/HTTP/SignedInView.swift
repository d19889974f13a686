import Foundation
import LyceumContracts
import LyceumCore

/// The JSON answer to register, login and refresh: `{user, accessToken, accessTokenExpiresAt, refreshToken, tokenType}`.
struct SignedInView: Codable, Equatable, JSONWritable {
    let user: UserView
    let accessToken: String
    let accessTokenExpiresAt: Date
    let refreshToken: String
    let tokenType: String

    init(_ signedIn: SignedIn) {
        user = UserView(signedIn.user)
        accessToken = signedIn.accessToken
        accessTokenExpiresAt = signedIn.accessTokenExpiresAt
        refreshToken = signedIn.refreshToken
        tokenType = "Bearer"
    }

    func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("user")
        writer.value(user)
        writer.key("accessToken")
        writer.string(accessToken)
        writer.key("accessTokenExpiresAt")
        writer.date(accessTokenExpiresAt)
        writer.key("refreshToken")
        writer.string(refreshToken)
        writer.key("tokenType")
        writer.string(tokenType)
        writer.endObject()
    }
}

/// `{"user": {...}}`.
struct UserEnvelope: Codable, Equatable, JSONWritable {
    let user: UserView

    func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("user")
        writer.value(user)
        writer.endObject()
    }
}

/// A page of users: `{"items": [...], "nextCursor": "..." | null}`.
struct UserPageView: Codable, Equatable, JSONWritable {
    let items: [UserView]
    let nextCursor: String?

    func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("items")
        writer.beginArray()
        for item in items { writer.value(item) }
        writer.endArray()
        writer.key("nextCursor")
        writer.string(nextCursor)
        writer.endObject()
    }
}
