import LyceumContracts
import Foundation
import LyceumCore
import LyceumHTTP

/// A course in lists and on its own: `{id, slug, title, summary, category, tags, level, language, …}`.
struct CourseView: Codable, Equatable {
    let id: String
    let slug: String
    let title: String
    let summary: String
    let category: String
    let tags: [String]
    let level: CourseLevel
    let language: String
    @ExplicitNull var coverImageRef: String?
    let priceMinor: Int
    let currency: String
    let status: CourseStatus
    let ownerId: String
    let enrollmentCount: Int
    @ExplicitNull var publishedAt: Date?
    let createdAt: Date
    let updatedAt: Date

    init(_ course: Course) {
        id = course.id
        slug = course.slug
        title = course.title
        summary = course.summary
        category = course.category
        tags = course.tags
        level = course.level
        language = course.language
        coverImageRef = course.coverImageRef
        priceMinor = course.priceMinor
        currency = course.currency
        status = course.status
        ownerId = course.ownerID
        enrollmentCount = course.enrollmentCount
        publishedAt = course.publishedAt
        createdAt = course.createdAt
        updatedAt = course.updatedAt
    }
}

/// `{course, description, descriptionHtml, staff, modules, access, progress?}`.
struct OutlineView: Codable {
    struct Person: Codable {
        let id: String
        let displayName: String
        let role: String
    }

    struct LessonEntry: Codable {
        let id: String
        let title: String
        let position: Int
        let estimatedMinutes: Int
        let preview: Bool
        let hidden: Bool
        let completed: Bool
    }

    struct ModuleEntry: Codable {
        let id: String
        let title: String
        let position: Int
        let hidden: Bool
        let lessons: [LessonEntry]
    }

    struct Access: Codable {
        let canEdit: Bool
        let canTeach: Bool
        let isEnrolled: Bool
    }

    let course: CourseView
    @ExplicitNull var description: String?
    let descriptionHtml: String
    let staff: [Person]
    let modules: [ModuleEntry]
    let access: Access
    @ExplicitNull var lastLessonId: String?
    @ExplicitNull var completedAt: Date?

    init(_ outline: CourseOutline) {
        course = CourseView(outline.course)
        description = outline.access.canEdit ? outline.course.description : nil
        descriptionHtml = outline.descriptionHTML
        staff = outline.staff.map { Person(id: $0.summary.id, displayName: $0.summary.displayName, role: $0.role) }
        modules = outline.modules.map { module, lessons in
            ModuleEntry(
                id: module.id, title: module.title, position: module.position, hidden: module.isHidden,
                lessons: lessons.map {
                    LessonEntry(
                        id: $0.id, title: $0.title, position: $0.position, estimatedMinutes: $0.estimatedMinutes,
                        preview: $0.isPreview, hidden: $0.isHidden, completed: outline.completedLessonIDs.contains($0.id)
                    )
                }
            )
        }
        access = Access(canEdit: outline.access.canEdit, canTeach: outline.access.canTeach, isEnrolled: outline.access.isEnrolled)
        lastLessonId = outline.lastLessonID
        completedAt = outline.completedAt
    }
}

/// A lesson with its rendered body; the Markdown source only for those who edit.
struct LessonView: Codable {
    let id: String
    let courseId: String
    let moduleId: String
    let title: String
    let position: Int
    let estimatedMinutes: Int
    @ExplicitNull var videoUrl: String?
    /// The uploaded video (an upload id), when the lesson has one instead of an address.
    @ExplicitNull var videoUploadId: String?
    let preview: Bool
    let hidden: Bool
    let bodyHtml: String
    @ExplicitNull var body: String?

    init(_ lesson: Lesson, includeSource: Bool) {
        id = lesson.id
        courseId = lesson.courseID
        moduleId = lesson.moduleID
        title = lesson.title
        position = lesson.position
        estimatedMinutes = lesson.estimatedMinutes
        videoUrl = lesson.videoURL
        videoUploadId = lesson.videoUploadID
        preview = lesson.isPreview
        hidden = lesson.isHidden
        bodyHtml = lesson.bodyHTML
        body = includeSource ? lesson.bodyMarkdown : nil
    }
}

/// `{courseId, completedLessons, totalLessons, percent, lastLessonId, enrolledAt, completedAt}`.
struct ProgressView: Codable {
    let courseId: String
    let completedLessons: Int
    let totalLessons: Int
    let percent: Int
    @ExplicitNull var lastLessonId: String?
    let enrolledAt: Date
    @ExplicitNull var completedAt: Date?

    init(_ progress: CourseProgress) {
        courseId = progress.courseID
        completedLessons = progress.completedLessons
        totalLessons = progress.totalLessons
        percent = progress.percent
        lastLessonId = progress.lastLessonID
        enrolledAt = progress.enrolledAt
        completedAt = progress.completedAt
    }
}

/// A page of anything: `{items, nextCursor}`.
struct ItemsView<Item: Codable>: Codable {
    let items: [Item]
    @ExplicitNull var nextCursor: String?
}

/// One roster row: the student and their progress.
struct RosterEntryView: Codable {
    struct Student: Codable {
        let id: String
        let displayName: String
    }

    let student: Student
    let progress: ProgressView
}

/// One of my enrollments: the course and my progress in it.
struct EnrollmentView: Codable {
    let course: CourseView
    let progress: ProgressView
}
