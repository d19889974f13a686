import Foundation
import LyceumContracts
import LyceumCore
import LyceumWeb

/// The announcements panels on Courses' pages: the course page (its students and staff only; a visitor's
/// course page is cached and shared, so it gets nothing) and the dashboard (the viewer's courses).
enum AnnouncementPanels {
    static let courseLimit = 5
    static let dashboardLimit = 5

    static func register(in panels: PagePanels, community: CommunityService) {
        panels.add(.coursePage) { request in
            guard let principal = request.principal, let courseID = request.courseID else { return nil }
            let standing = try await community.courses.standing(of: principal, inCourse: courseID)
            guard standing != .outsider else { return nil }
            let (course, views) = try await community.courseAnnouncements(principal, courseID: courseID, limit: courseLimit)
            let manage = standing == .staff ? "<p><a href=\"/courses/\(escape(course.slug))/announcements\" data-testid=\"manage-announcements\">Write or edit announcements</a></p>" : ""
            guard !views.isEmpty || standing == .staff else { return nil }
            return section(title: "Announcements", testID: "course-announcements", views: views, showCourse: false) + manage + "</section>"
        }
        panels.add(.dashboard) { request in
            guard let principal = request.principal else { return nil }
            let courseIDs = try await community.courses.courseIDs(of: principal.userID)
            let views = try await community.latestAnnouncements(courseIDs: courseIDs, limit: dashboardLimit)
            guard !views.isEmpty else { return nil }
            return section(title: "Latest announcements", testID: "dashboard-announcements", views: views, showCourse: true) + "</section>"
        }
    }

    /// The opening of the panel's section and its list; the caller closes the section.
    private static func section(title: String, testID: String, views: [AnnouncementView], showCourse: Bool) -> String {
        var html = "<section class=\"card\" data-testid=\"\(testID)\" aria-labelledby=\"\(testID)-heading\"><h2 id=\"\(testID)-heading\">\(title)</h2>"
        if views.isEmpty { html += "<p class=\"muted\">No announcements yet.</p>" }
        for view in views {
            let announcement = view.announcement
            html += "<article class=\"announcement\" id=\"announcement-\(escape(announcement.id))\"><h3>"
            if announcement.isPinned { html += "<span class=\"badge\">pinned</span> " }
            if view.isScheduled { html += "<span class=\"badge\">scheduled</span> " }
            html += escape(announcement.title) + "</h3><p class=\"muted\">"
            if showCourse { html += "<a href=\"/courses/\(escape(view.courseSlug))\">\(escape(view.courseTitle))</a> · " }
            html += escape(view.authorName) + " · <time datetime=\"\(announcement.publishAt.ISO8601Format())\">"
            html += announcement.publishAt.formatted(date: .abbreviated, time: .shortened) + "</time></p>"
            html += "<div class=\"prose\">\(view.bodyHTML)</div></article>"
        }
        return html
    }

    private static func escape(_ text: String) -> String { SafeMarkdown.escape(text) }
}
