import LyceumContracts

/// A caller recognised from a browser's session cookie: who they are and the name the page layout shows.
public struct WebCaller: Sendable, Equatable {
    /// The authenticated caller.
    public let principal: Principal
    /// The name shown in the page header.
    public let displayName: String
    /// The page path of the caller's profile picture for the page header; `nil` when they have none.
    public let avatarPath: String?

    /// Creates a web caller.
    public init(principal: Principal, displayName: String, avatarPath: String? = nil) {
        self.principal = principal
        self.displayName = displayName
        self.avatarPath = avatarPath
    }
}

/// Turns presented credentials into a caller. Identity implements it; the HTTP and web layers use it to
/// authenticate API and page requests without knowing how accounts and sessions are stored.
public protocol CallerAuthenticator: Sendable {
    /// The caller behind a bearer access token; throws 401 with the precise reason when it is not valid.
    func authenticate(accessToken: String) async throws -> Principal
    /// The caller behind a browser session cookie, or `nil` when the cookie is unknown, expired or revoked.
    func authenticate(webSessionCookie: String) async throws -> WebCaller?
}
