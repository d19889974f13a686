import LyceumContracts
import LyceumCore
import LyceumWeb

/// Billing's panel on the course page: the price with a Buy link for a signed-in outsider of a paid course, or
/// "not available for purchase" when payments are not set up (also for visitors: it depends on no viewer).
enum BillingPanels {
    static func register(in panels: PagePanels, service: BillingService) {
        panels.add(.coursePage) { request in
            guard let courseID = request.courseID, let course = try await service.courses.course(courseID), course.isPublished,
                let price = course.price
            else { return nil }
            let text = SafeMarkdown.escape(price.text)
            guard service.isPurchasable else {
                return "<section class=\"card\" data-testid=\"buy-panel\"><p><strong>\(text)</strong> · This course is not available for purchase.</p></section>"
            }
            guard let principal = request.principal,
                try await service.courses.standing(of: principal, inCourse: course.id) == .outsider
            else { return nil }
            let slug = SafeMarkdown.escape(course.slug)
            return "<section class=\"card\" data-testid=\"buy-panel\"><p><strong>\(text)</strong></p>"
                + "<p><a class=\"button\" href=\"/courses/\(slug)/buy\">Buy for \(text)</a></p></section>"
        }
    }
}
