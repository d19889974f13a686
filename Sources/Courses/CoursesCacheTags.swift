/// The tags Courses puts on cached answers, and drops when content changes.
enum CoursesCacheTags {
    /// Every catalog answer (API and page): any course change may alter a listing.
    static let catalog = "catalog"

    /// The answers that show the course with `id` (its outline and page, by id or slug).
    static func course(_ id: String) -> String { "course:\(id)" }

    /// What a committed change to the courses with `ids` drops; an empty set (a change not tied to one
    /// course) drops every answer.
    static func invalidated(by ids: Set<String>) -> Set<String>? {
        ids.isEmpty ? nil : Set(ids.map(course)).union([catalog])
    }
}
