import Foundation
import LyceumContracts
import LyceumCore

/// A person with an account on the platform.
public struct User: Sendable, Equatable {
    /// Stable id (lowercase UUID).
    public let id: String
    /// Normalised email address (trimmed, NFC, lowercase); unique.
    public var email: String
    /// The name shown to others.
    public var displayName: String
    /// What the user may do.
    public var role: Role
    /// Whether the user may sign in; admins deactivate accounts instead of deleting them.
    public var isActive: Bool
    /// Whether the user proved they receive mail at `email`.
    public var emailVerified: Bool
    /// A short self-description, optional.
    public var bio: String?
    /// When the account was created.
    public let createdAt: Date
    /// When the account last changed.
    public var updatedAt: Date

    /// Creates a user value.
    public init(
        id: String, email: String, displayName: String, role: Role, isActive: Bool, emailVerified: Bool,
        bio: String?, createdAt: Date, updatedAt: Date
    ) {
        self.id = id
        self.email = email
        self.displayName = displayName
        self.role = role
        self.isActive = isActive
        self.emailVerified = emailVerified
        self.bio = bio
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}

/// The public JSON shape of a user: `{id, email, displayName, role, emailVerified, createdAt}` plus
/// `bio` and `active`. Never a hash or a token.
public struct UserView: Codable, Sendable, Equatable, JSONWritable {
    public let id: String
    public let email: String
    public let displayName: String
    public let role: Role
    public let emailVerified: Bool
    public let active: Bool
    public let bio: String?
    public let createdAt: Date

    /// The view of `user`.
    public init(_ user: User) {
        id = user.id
        email = user.email
        displayName = user.displayName
        role = user.role
        emailVerified = user.emailVerified
        active = user.isActive
        bio = user.bio
        createdAt = user.createdAt
    }

    public func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("id")
        writer.string(id)
        writer.key("email")
        writer.string(email)
        writer.key("displayName")
        writer.string(displayName)
        writer.key("role")
        writer.string(role.rawValue)
        writer.key("emailVerified")
        writer.bool(emailVerified)
        writer.key("active")
        writer.bool(active)
        writer.key("bio")
        writer.string(bio)
        writer.key("createdAt")
        writer.date(createdAt)
        writer.endObject()
    }
}

/// What a successful sign-in, registration or refresh returns.
public struct SignedIn: Sendable {
    /// The signed-in user.
    public let user: User
    /// A short-lived JWT for `Authorization: Bearer`.
    public let accessToken: String
    /// When `accessToken` expires.
    public let accessTokenExpiresAt: Date
    /// A single-use token that buys the next pair.
    public let refreshToken: String
}

/// A page of users for the admin list.
public struct UserPage: Sendable {
    /// The users on this page, newest first.
    public let users: [User]
    /// The cursor for the next page, `nil` on the last page.
    public let nextCursor: String?
}
