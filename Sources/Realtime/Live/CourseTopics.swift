import LyceumContracts
import LyceumCore

/// The `course:<courseId>` topics: a course's live updates (`announcement.published`), for whoever may read
/// the course's own material as Courses says (`CourseDirectory`): its staff (admins included), and its active
/// students once it is published. Anyone else gets 404 `topic_not_found`, whether or not the course exists.
/// The id is the course's id, never its slug. No stored stream.
struct CourseTopics: RealtimeTopics {
    let courses: any CourseDirectory

    var prefix: String { "course:" }

    /// The topic of a course.
    static func topic(of courseID: String) -> String { "course:\(courseID)" }

    func join(_ principal: Principal, topic: String, since: Int64?) async throws -> TopicJoin {
        guard try await mayHear(principal, courseID: String(topic.dropFirst(prefix.count))) else {
            throw AppError(status: 404, code: "topic_not_found", message: "No such course, or you are not in it.")
        }
        return TopicJoin(position: nil)
    }

    /// Whether `principal` may follow the course's topic.
    func mayHear(_ principal: Principal, courseID: String) async throws -> Bool {
        guard !courseID.isEmpty, let course = try await courses.course(courseID), course.id == courseID else { return false }
        switch try await courses.standing(of: principal, inCourse: course.id) {
        case .staff: return true
        case .student: return course.isPublished
        case .outsider: return false
        }
    }
}
