import Foundation

/// Where a report stands: open, or how staff resolved it.
enum ReportStatus: String, Sendable, Codable, CaseIterable {
    case open
    case dismissed
    case removed
    case suspended
}

/// How staff resolve a report: keep the post, remove it, or suspend its author from the board.
enum ReportResolution: String, Sendable, Codable, CaseIterable {
    case dismiss
    case remove
    case suspend

    var status: ReportStatus {
        switch self {
        case .dismiss: .dismissed
        case .remove: .removed
        case .suspend: .suspended
        }
    }
}

/// A user's report of a post, as stored.
struct ForumReport: Sendable, Equatable {
    let id: String
    let postID: String
    let boardID: String
    let reporterID: String
    let reason: String
    let status: ReportStatus
    let createdAt: Date
    let resolvedAt: Date?
}

/// A report in the moderation queue with what staff need to judge it.
struct ReportEntry: Sendable {
    let report: ForumReport
    let post: ForumPost
    let boardTitle: String
    let authorName: String
    let reporterName: String
}
