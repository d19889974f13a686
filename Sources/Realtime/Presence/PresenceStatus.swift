import Foundation

/// Where a user stands: `online` with at least one connection not set away, `away` when every connection is,
/// `offline` with no live connection on any replica.
enum PresenceStatus: String, Sendable, Codable, CaseIterable {
    case online, away, offline

    /// The status of a user with these connections.
    init(_ counts: PresenceCounts) {
        if counts.connections == 0 {
            self = .offline
        } else {
            self = counts.away >= counts.connections ? .away : .online
        }
    }

    /// The order member lists show: online first, then away, then offline.
    var rank: Int {
        switch self {
        case .online: 0
        case .away: 1
        case .offline: 2
        }
    }
}

/// A user's connections (on one replica, or summed over all) and how many of them are away.
struct PresenceCounts: Sendable, Equatable {
    var connections = 0
    var away = 0

    static func + (lhs: PresenceCounts, rhs: PresenceCounts) -> PresenceCounts {
        PresenceCounts(connections: lhs.connections + rhs.connections, away: lhs.away + rhs.away)
    }
}

/// A user's status as last announced, and when they were last connected.
struct AnnouncedPresence: Sendable, Equatable {
    let status: PresenceStatus
    let lastSeenAt: Date
}

/// A transition to announce: `presence.changed` on the user's rooms.
struct PresenceChange: Sendable, Equatable {
    let userID: String
    let status: PresenceStatus
    /// Now for `online` and `away`; when the user was last connected for `offline`.
    let lastSeenAt: Date
}
