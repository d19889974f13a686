/// What a user may do on the platform, from least to most privileged.
public enum Role: String, Sendable, Codable, CaseIterable, Comparable {
    case student
    case instructor
    case admin

    private var rank: Int {
        switch self {
        case .student: 0
        case .instructor: 1
        case .admin: 2
        }
    }

    public static func < (lhs: Role, rhs: Role) -> Bool { lhs.rank < rhs.rank }
}

/// The authenticated caller of a request, as every domain sees it.
///
/// Identity produces it from a bearer token or a web session; other domains
/// authorize against it without knowing how it was established.
public struct Principal: Sendable, Equatable {
    /// The user's id.
    public let userID: String
    /// The user's role at the time the request was authenticated.
    public let role: Role
    /// The sign-in session the credential belongs to.
    public let sessionID: String

    /// Creates a principal.
    public init(userID: String, role: Role, sessionID: String) {
        self.userID = userID
        self.role = role
        self.sessionID = sessionID
    }

    /// Whether the caller is an administrator.
    public var isAdmin: Bool { role == .admin }
}
