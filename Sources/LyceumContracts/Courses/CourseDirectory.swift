/// What other domains may know about a course: enough to name it, link to it and check who belongs to it.
public struct CourseSummary: Sendable, Equatable, Codable {
    /// The course's id.
    public let id: String
    /// Its URL name.
    public let slug: String
    /// Its title.
    public let title: String
    /// The instructor who owns it.
    public let ownerID: String
    /// Whether students can see it (published); drafts and archived courses are only for their staff.
    public let isPublished: Bool
    /// What it costs; `nil` for a free course.
    public let price: CoursePrice?

    /// Creates a summary.
    public init(id: String, slug: String, title: String, ownerID: String, isPublished: Bool, price: CoursePrice? = nil) {
        self.id = id
        self.slug = slug
        self.title = title
        self.ownerID = ownerID
        self.isPublished = isPublished
        self.price = price
    }
}

/// Where one user stands in one course.
public enum CourseStanding: String, Sendable, Codable {
    /// Neither enrolled nor on the staff.
    case outsider
    /// An active student.
    case student
    /// The owner, a co-instructor or an assistant (admins count as staff everywhere).
    case staff
}

/// Looks courses and their members up. Courses implements it; other domains (Community, Realtime, ...)
/// depend only on this protocol, never on Courses' tables.
public protocol CourseDirectory: Sendable {
    /// The course with this id or slug, in any status; `nil` when there is none.
    func course(_ idOrSlug: String) async throws -> CourseSummary?
    /// The courses with these ids; unknown ids are absent from the result.
    func courses(ids: [String]) async throws -> [String: CourseSummary]
    /// Where `principal` stands in the course: admins are `staff` of every course.
    func standing(of principal: Principal, inCourse courseID: String) async throws -> CourseStanding
    /// The ids of the course's active students.
    func studentIDs(ofCourse courseID: String) async throws -> [String]
    /// The ids of the course's owner and staff.
    func staffIDs(ofCourse courseID: String) async throws -> [String]
    /// The ids of the published courses the user is an active student of, and of the courses they teach.
    func courseIDs(of userID: String) async throws -> [String]
    /// The title of a lesson of the course, or `nil` when the course has no such lesson.
    func lessonTitle(courseID: String, lessonID: String) async throws -> String?
}
