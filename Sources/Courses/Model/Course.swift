import Foundation
import LyceumContracts
import LyceumCore

/// Where a course is in its life: only published courses are visible to people who cannot edit them.
public enum CourseStatus: String, Sendable, Codable, CaseIterable {
    case draft
    case published
    case archived
}

/// How much a learner should already know.
public enum CourseLevel: String, Sendable, Codable, CaseIterable {
    case beginner
    case intermediate
    case advanced
}

/// How a member of staff helps teach a course.
public enum StaffRole: String, Sendable, Codable {
    /// Full editing rights, like the owner.
    case coInstructor = "co_instructor"
    /// Sees the roster and progress; does not edit content.
    case assistant
}

/// A course: its catalog entry and who teaches it.
public struct Course: Sendable, Equatable {
    public let id: String
    public var slug: String
    public var title: String
    public var summary: String
    public var description: String
    public var category: String
    public var tags: [String]
    public var level: CourseLevel
    public var language: String
    public var coverImageRef: String?
    public var priceMinor: Int
    public var currency: String
    public var status: CourseStatus
    public var ownerID: String
    public var enrollmentCount: Int
    public let createdAt: Date
    public var updatedAt: Date
    public var publishedAt: Date?

    /// Whether enrolling needs a payment.
    public var isPaid: Bool { priceMinor > 0 }
    /// What the course costs; `nil` when it is free.
    public var price: CoursePrice? { isPaid ? CoursePrice(amountMinor: priceMinor, currency: currency) : nil }
}

/// A person on a course's staff other than the owner.
public struct CourseStaffMember: Sendable, Equatable {
    public let userID: String
    public let role: StaffRole
}

/// An ordered group of lessons.
public struct CourseModule: Sendable, Equatable {
    public let id: String
    public let courseID: String
    public var position: Int
    public var title: String
    /// Hidden from students (with its lessons and quizzes) while staff keep working on it.
    public var isHidden: Bool = false
}

/// One lesson: Markdown as written and the safe HTML rendered from it.
public struct Lesson: Sendable, Equatable {
    public let id: String
    public let courseID: String
    public var moduleID: String
    public var position: Int
    public var title: String
    public var bodyMarkdown: String
    public var bodyHTML: String
    public var estimatedMinutes: Int
    /// An external video address (https); a lesson has this or `videoUploadID`, never both.
    public var videoURL: String?
    public var isPreview: Bool
    /// Hidden from students; it does not count towards completion while hidden.
    public var isHidden: Bool = false
    /// An uploaded video (a Media upload of purpose `video`), played from a signed link.
    public var videoUploadID: String? = nil
}

/// What a caller may do with one course, decided once per request by `CoursesService`.
public struct CourseAccess: Sendable, Equatable {
    /// May change content, publish, archive and manage enrollment.
    public let canEdit: Bool
    /// May see the roster and everyone's progress.
    public let canTeach: Bool
    /// Has an active enrollment.
    public let isEnrolled: Bool

    /// Whether lesson bodies are open to the caller (preview lessons are open to everyone who sees the course).
    public var canLearn: Bool { canTeach || isEnrolled }
}
