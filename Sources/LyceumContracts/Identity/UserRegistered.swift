import Foundation
import LyceumCore

/// Someone created their own account by signing up (the API or the sign-up page). Published by Identity in
/// the transaction that creates the account. Accounts made by an operator (`lyceum admin create`, the demo
/// school) do not publish it: their owner was told by the person who made them.
public struct UserRegistered: DomainEvent {
    public static let eventName = "identity.user-registered"

    /// The new user.
    public let userID: String
    /// The name they chose.
    public let displayName: String
    /// When the account was created.
    public let at: Date

    /// Creates the event.
    public init(userID: String, displayName: String, at: Date) {
        self.userID = userID
        self.displayName = displayName
        self.at = at
    }
}
