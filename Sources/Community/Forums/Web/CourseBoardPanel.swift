import LyceumContracts
import LyceumCore
import LyceumWeb

extension CommunityService {
    /// The course page's link to the course's board, for its students and staff only (visitors' pages are
    /// shared, so they get nothing).
    func courseBoardPanel(_ request: PanelRequest) async throws -> String? {
        guard let principal = request.principal, let courseID = request.courseID, let slug = request.courseSlug,
            try await courses.standing(of: principal, inCourse: courseID) != .outsider
        else { return nil }
        return """
            <section class="card" aria-labelledby="course-board-heading"><h2 id="course-board-heading">Discussion</h2>\
            <p><a href="/courses/\(SafeMarkdown.escape(slug))/board">Ask questions and discuss on the course board</a></p></section>
            """
    }
}
