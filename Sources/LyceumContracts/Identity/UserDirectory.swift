/// What other domains may know about a user: enough to show a name and check a role.
public struct UserSummary: Sendable, Equatable, Codable {
    /// The user's id.
    public let id: String
    /// The name shown to others.
    public let displayName: String
    /// The user's platform role.
    public let role: Role
    /// Whether the account may sign in.
    public let isActive: Bool
    /// The sign-in address, for staff views such as a gradebook export; `nil` when the directory does not give it.
    /// Never shown to other students.
    public let email: String?
    /// The page path of the user's profile picture for an `<img src>` (a redirect to a short-lived link, for
    /// signed-in viewers); `nil` when they have none, and a page shows their initials instead.
    public let avatarPath: String?

    /// Creates a summary.
    public init(id: String, displayName: String, role: Role, isActive: Bool, email: String? = nil, avatarPath: String? = nil) {
        self.id = id
        self.displayName = displayName
        self.role = role
        self.isActive = isActive
        self.email = email
        self.avatarPath = avatarPath
    }
}

/// Looks users up by id. Identity implements it; other domains depend only on this protocol,
/// never on Identity's tables.
public protocol UserDirectory: Sendable {
    /// The summaries of the users with these ids; unknown ids are absent from the result.
    func summaries(ids: [String]) async throws -> [String: UserSummary]
    /// The active users whose display name is one of `displayNames`, ignoring case (several users may share
    /// a name); at most 100 names are looked up. For resolving `@mentions` and inviting by name.
    func activeUsers(named displayNames: [String]) async throws -> [UserSummary]
}
