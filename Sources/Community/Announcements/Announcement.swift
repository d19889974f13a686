import Foundation

/// A message course staff post to a course's students.
struct Announcement: Sendable, Equatable {
    /// The announcement's id.
    let id: String
    /// The course it is posted to.
    let courseID: String
    /// The staff member who wrote it.
    let authorID: String
    /// Its title (1–200 characters).
    let title: String
    /// Its Markdown source (1–20,000 characters).
    let body: String
    /// Whether it is shown above unpinned ones.
    let isPinned: Bool
    /// When students may see it and are notified; the creation time when it was not scheduled.
    let publishAt: Date
    /// When its notification request was published; `nil` while scheduled.
    let notifiedAt: Date?
    /// When it was written.
    let createdAt: Date
    /// When it was last changed.
    let updatedAt: Date

    /// Whether students may see it at `now`.
    func isPublished(at now: Date) -> Bool { publishAt <= now }
}

/// An announcement as a caller sees it: its HTML, and its source only for the course's staff.
struct AnnouncementView: Sendable {
    /// The announcement.
    let announcement: Announcement
    /// The course's title and URL name.
    let courseTitle: String
    let courseSlug: String
    /// The author's display name.
    let authorName: String
    /// The body rendered as safe HTML.
    let bodyHTML: String
    /// Whether the caller may edit and delete it (course staff).
    let canEdit: Bool
    /// Whether it is still waiting for its time.
    let isScheduled: Bool
}

/// A new announcement or a replacement of one, as a client submits it.
struct AnnouncementInput: Sendable, Decodable {
    /// The title.
    var title: String?
    /// The Markdown body.
    var body: String?
    /// Pinned above the others; unchanged (or `false` for a new one) when absent.
    var pinned: Bool?
    /// When it appears to students; now when absent or past.
    var publishAt: Date?
}

extension AnnouncementInput {
    private enum CodingKeys: String, CodingKey {
        case title, body, pinned, publishAt
    }

    /// Reads `publishAt` as RFC 3339 with or without fractional seconds; anything else is a field error
    /// naming `publishAt`.
    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        title = try container.decodeIfPresent(String.self, forKey: .title)
        body = try container.decodeIfPresent(String.self, forKey: .body)
        pinned = try container.decodeIfPresent(Bool.self, forKey: .pinned)
        guard let text = try container.decodeIfPresent(String.self, forKey: .publishAt) else { return }
        guard let date = (try? Date(text, strategy: .iso8601)) ?? (try? Date(text, strategy: Self.fractionalSeconds)) else {
            throw DecodingError.dataCorruptedError(
                forKey: .publishAt, in: container, debugDescription: "Give a date and time like 2026-12-01T09:00:00Z."
            )
        }
        publishAt = date
    }

    private static let fractionalSeconds = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
}

/// Limits on announcements.
enum AnnouncementRules {
    static let titleLength = 1...200
    static let bodyLength = 1...20_000
    /// The farthest ahead an announcement may be scheduled.
    static let maxSchedule: TimeInterval = 366 * 24 * 3_600
}
