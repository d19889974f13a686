import Foundation
import LyceumContracts
import LyceumCore
import LyceumPlatform
import SQLKit

/// Course announcements: staff write, edit, pin, schedule and delete them; the course's students read them
/// once their time has come and are notified then (and `AnnouncementPublished` is announced, for live readers).
///
/// Rules the issue left open, decided here:
/// - "Staff" is the course's owner, co-instructors and assistants, and admins (`CourseStanding.staff`).
/// - Students of the course read published announcements; outsiders get 403, and scheduled announcements are
///   404 to students until their time, as if they did not exist yet.
/// - A publish time in the past means now. Moving a scheduled announcement's time enqueues a job for the new
///   time; a job that wakes for an announcement whose time has moved, or that is already notified or
///   deleted, does nothing. Editing an announcement already published notifies no one again.
extension CommunityService {
    /// Posts an announcement to the course; notifies its students now, or schedules the notification.
    func createAnnouncement(_ principal: Principal?, courseID idOrSlug: String, input: AnnouncementInput) async throws -> AnnouncementView {
        let caller = try require(principal)
        let course = try await staffCourse(caller, idOrSlug)
        let now = now()
        let (title, body, publishAt) = try validated(input, now: now, fallbackPublishAt: now)
        let announcement = Announcement(
            id: UUID().uuidString.lowercased(), courseID: course.id, authorID: caller.userID, title: title, body: body,
            isPinned: input.pinned ?? false, publishAt: publishAt, notifiedAt: nil, createdAt: now, updatedAt: now
        )
        let students = try await courses.studentIDs(ofCourse: course.id)
        try await database.transaction { sql in
            try await AnnouncementStore.insert(announcement, on: sql)
            try await scheduleOrNotify(announcement, course: course, students: students, actorID: caller.userID, on: sql)
        }
        return try await view(announcement, course: course, canEdit: true)
    }

    /// The course's announcements for the caller: all of them for staff, the published ones for students.
    func courseAnnouncements(_ principal: Principal?, courseID idOrSlug: String, limit: Int) async throws -> (CourseSummary, [AnnouncementView]) {
        let caller = try require(principal)
        guard idOrSlug.count <= 200, let course = try await courses.course(idOrSlug) else { throw AppError.notFound("course") }
        let standing = try await courses.standing(of: caller, inCourse: course.id)
        guard standing != .outsider, standing == .staff || course.isPublished else {
            throw AppError.forbidden("Only the course's students and staff read its announcements.")
        }
        let rows = try await database.read { sql in
            try await AnnouncementStore.latest(courseIDs: [course.id], publishedBy: standing == .staff ? nil : self.now(), limit: limit, on: sql)
        }
        return (course, try await views(rows, courses: [course.id: course], canEdit: standing == .staff))
    }

    /// One announcement for a student (once published) or staff member of its course.
    func announcement(_ principal: Principal?, _ id: String) async throws -> AnnouncementView {
        let caller = try require(principal)
        let (announcement, course, standing) = try await visibleAnnouncement(caller, id)
        return try await view(announcement, course: course, canEdit: standing == .staff)
    }

    /// Changes an announcement (course staff); a scheduled one whose time moves is rescheduled.
    func updateAnnouncement(_ principal: Principal?, _ id: String, input: AnnouncementInput) async throws -> AnnouncementView {
        let caller = try require(principal)
        let (current, course, standing) = try await visibleAnnouncement(caller, id)
        guard standing == .staff else { throw AppError.forbidden("Only the course's staff edit its announcements.") }
        let now = now()
        var merged = input
        merged.title = input.title ?? current.title
        merged.body = input.body ?? current.body
        let isNotified = current.notifiedAt != nil
        let (title, body, requested) = try validated(merged, now: now, fallbackPublishAt: current.publishAt)
        let publishAt = isNotified ? current.publishAt : requested
        let updated = Announcement(
            id: current.id, courseID: current.courseID, authorID: current.authorID, title: title, body: body,
            isPinned: input.pinned ?? current.isPinned, publishAt: publishAt, notifiedAt: current.notifiedAt, createdAt: current.createdAt,
            updatedAt: now
        )
        let students = isNotified ? [] : try await courses.studentIDs(ofCourse: course.id)
        try await database.transaction { sql in
            try await AnnouncementStore.update(updated, on: sql)
            if !isNotified { try await scheduleOrNotify(updated, course: course, students: students, actorID: caller.userID, on: sql) }
        }
        return try await view(updated, course: course, canEdit: true)
    }

    /// Deletes an announcement (course staff); its pending scheduled job then finds nothing to do.
    func deleteAnnouncement(_ principal: Principal?, _ id: String) async throws {
        let caller = try require(principal)
        let (announcement, _, standing) = try await visibleAnnouncement(caller, id)
        guard standing == .staff else { throw AppError.forbidden("Only the course's staff delete its announcements.") }
        guard try await database.transaction({ sql in try await AnnouncementStore.delete(id: announcement.id, on: sql) }) else {
            throw AppError.notFound("announcement")
        }
    }

    /// The scheduled job: requests the notification of a due announcement once. Safe to run again.
    func publishDueAnnouncement(_ id: String) async throws {
        guard let announcement = try await database.read({ sql in try await AnnouncementStore.find(id: id, on: sql) }),
            announcement.notifiedAt == nil, announcement.isPublished(at: now()),
            let course = try await courses.course(announcement.courseID)
        else { return }
        let students = try await courses.studentIDs(ofCourse: course.id)
        try await database.transaction { sql in
            guard try await AnnouncementStore.markNotified(id: id, at: self.now(), on: sql) else { return }
            try await announce(announcement, course: course, students: students, actorID: announcement.authorID, on: sql)
        }
    }

    /// The latest published announcements of the given courses, for panels.
    func latestAnnouncements(courseIDs: [String], limit: Int) async throws -> [AnnouncementView] {
        let rows = try await database.read { sql in
            try await AnnouncementStore.latest(courseIDs: courseIDs, publishedBy: self.now(), limit: limit, on: sql)
        }
        let summaries = try await courses.courses(ids: Array(Set(rows.map(\.courseID))))
        return try await views(rows, courses: summaries, canEdit: false)
    }

    // MARK: Helpers

    private func staffCourse(_ caller: Principal, _ idOrSlug: String) async throws -> CourseSummary {
        guard idOrSlug.count <= 200, let course = try await courses.course(idOrSlug) else { throw AppError.notFound("course") }
        guard try await courses.standing(of: caller, inCourse: course.id) == .staff else {
            throw AppError.forbidden("Only the course's staff post announcements.")
        }
        return course
    }

    private func visibleAnnouncement(_ caller: Principal, _ id: String) async throws -> (Announcement, CourseSummary, CourseStanding) {
        guard id.count <= 100, let announcement = try await database.read({ sql in try await AnnouncementStore.find(id: id, on: sql) }),
            let course = try await courses.course(announcement.courseID)
        else { throw AppError.notFound("announcement") }
        let standing = try await courses.standing(of: caller, inCourse: course.id)
        switch standing {
        case .staff: break
        case .student where course.isPublished && announcement.isPublished(at: now()): break
        case .student: throw AppError.notFound("announcement")
        case .outsider: throw AppError.forbidden("Only the course's students and staff read its announcements.")
        }
        return (announcement, course, standing)
    }

    private func validated(_ input: AnnouncementInput, now: Date, fallbackPublishAt: Date) throws(AppError) -> (String, String, Date) {
        var fields: [String: String] = [:]
        let title = (input.title ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if !AnnouncementRules.titleLength.contains(title.count) { fields["title"] = "Give the announcement a title of 1 to 200 characters." }
        let body = (input.body ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if !AnnouncementRules.bodyLength.contains(body.count) { fields["body"] = "Write 1 to 20,000 characters." }
        var publishAt = input.publishAt ?? fallbackPublishAt
        if publishAt > now.addingTimeInterval(AnnouncementRules.maxSchedule) { fields["publishAt"] = "Schedule at most a year ahead." }
        if publishAt < now { publishAt = now }
        guard fields.isEmpty else { throw AppError.validation(fields) }
        return (title, body, Date(timeIntervalSince1970: (publishAt.timeIntervalSince1970 * 1000).rounded() / 1000))
    }

    /// Notifies the students now when the announcement is due, else enqueues the job for its time (keyed by the
    /// time, so a moved schedule gets a job of its own and a repeated save does not add another).
    private func scheduleOrNotify(
        _ announcement: Announcement, course: CourseSummary, students: [String], actorID: String, on sql: any SQLDatabase
    ) async throws {
        if announcement.isPublished(at: now()) {
            guard try await AnnouncementStore.markNotified(id: announcement.id, at: now(), on: sql) else { return }
            try await announce(announcement, course: course, students: students, actorID: actorID, on: sql)
        } else {
            let millis = Int64((announcement.publishAt.timeIntervalSince1970 * 1000).rounded())
            try await jobs.enqueue(
                PublishScheduledAnnouncement(announcementID: announcement.id),
                options: JobOptions(runAt: announcement.publishAt, uniqueKey: "announcement-publish:\(announcement.id):\(millis)"), on: sql
            )
        }
    }

    /// Tells of an announcement just marked published, in that transaction: the students' notification request
    /// and `AnnouncementPublished` for the course's live readers.
    private func announce(
        _ announcement: Announcement, course: CourseSummary, students: [String], actorID: String, on sql: any SQLDatabase
    ) async throws {
        let excerpt = String(announcement.body.prefix(200))
        let link = "/courses/\(course.slug)#announcement-\(announcement.id)"
        try await jobs.publish(
            NotificationRequested(
                recipientIDs: students, kind: .announcement, title: "\(course.title): \(announcement.title)", body: excerpt, link: link,
                actorID: actorID, sourceKey: "announcement:\(announcement.id)"
            ),
            on: sql
        )
        try await jobs.publish(
            AnnouncementPublished(
                courseID: course.id, announcementID: announcement.id, title: announcement.title, excerpt: excerpt, link: link,
                publishedAt: now()
            ),
            on: sql
        )
    }

    private func view(_ announcement: Announcement, course: CourseSummary, canEdit: Bool) async throws -> AnnouncementView {
        try await views([announcement], courses: [course.id: course], canEdit: canEdit)[0]
    }

    private func views(_ rows: [Announcement], courses summaries: [String: CourseSummary], canEdit: Bool) async throws -> [AnnouncementView] {
        let names = try await users.summaries(ids: Array(Set(rows.map(\.authorID))))
        let now = now()
        return rows.map { row in
            AnnouncementView(
                announcement: row, courseTitle: summaries[row.courseID]?.title ?? "", courseSlug: summaries[row.courseID]?.slug ?? row.courseID,
                authorName: names[row.authorID]?.displayName ?? "Course staff", bodyHTML: SafeMarkdown.html(row.body), canEdit: canEdit,
                isScheduled: !row.isPublished(at: now)
            )
        }
    }
}
