import Foundation
import LyceumCore

/// A course announcement became visible to the course's students: posted for now, or its scheduled time came.
/// Published by Community in the transaction that marks it published, once per announcement.
public struct AnnouncementPublished: DomainEvent {
    public static let eventName = "community.announcement-published"

    /// The course.
    public let courseID: String
    /// The announcement.
    public let announcementID: String
    /// Its title.
    public let title: String
    /// The start of its text (Markdown source, at most 200 characters).
    public let excerpt: String
    /// The site path that shows it ("/courses/…#announcement-…").
    public let link: String
    /// When it was published.
    public let publishedAt: Date

    /// Creates the event.
    public init(courseID: String, announcementID: String, title: String, excerpt: String, link: String, publishedAt: Date) {
        self.courseID = courseID
        self.announcementID = announcementID
        self.title = title
        self.excerpt = excerpt
        self.link = link
        self.publishedAt = publishedAt
    }
}
