import Foundation

/// The order a learner goes through a course: each module's lessons, then that module's quizzes.
struct CoursePath {
    typealias Content = CoursePageContent

    struct Item {
        let id: String
        let link: Content.ItemLink
    }

    let items: [Item]
    let courseURL: String

    init(_ outline: CourseOutline) {
        let slug = outline.course.slug
        courseURL = "/courses/\(slug)"
        items = outline.modules.flatMap { module, lessons in
            lessons.map { Item(id: $0.id, link: .init(url: "/courses/\(slug)/lessons/\($0.id)", title: $0.title, kind: "Lesson")) }
                + outline.quizzes.filter { $0.moduleID == module.id }.map {
                    Item(id: $0.id, link: .init(url: "/courses/\(slug)/quizzes/\($0.id)", title: $0.title, kind: "Quiz"))
                }
        }
    }

    /// Previous and next of the item `id`; the last item's next is the course page, where the learner sees
    /// whether the course is complete and what is missing.
    func navigation(around id: String) -> Content.PathNav {
        guard let index = items.firstIndex(where: { $0.id == id }) else {
            return .init(previous: nil, next: nil, finish: courseURL + "#progress")
        }
        let next = items.indices.contains(index + 1) ? items[index + 1].link : nil
        return .init(
            previous: index > 0 ? items[index - 1].link : nil, next: next, finish: next == nil ? courseURL + "#progress" : nil
        )
    }

    /// The first item, where a learner who has not started begins.
    var first: Content.ItemLink? { items.first?.link }
}

/// Wording shared by the learner's pages.
enum CoursePageText {
    /// "1 learner", "3 learners", "0 lessons".
    static func count(_ number: Int, _ noun: String) -> String {
        "\(number) \(noun)\(number == 1 ? "" : "s")"
    }

    /// "Unlimited attempts", "1 attempt left", "No attempts left".
    static func attemptsLeft(_ left: Int?) -> String {
        guard let left else { return "Unlimited attempts" }
        return left == 0 ? "No attempts left" : "\(count(left, "attempt")) left"
    }

    /// "No time limit" or "Time limit: 10 minutes" (a limit under a minute counts as one).
    static func timeLimit(seconds: Int?) -> String {
        guard let seconds else { return "No time limit" }
        return "Time limit: \(count(max(1, seconds / 60), "minute"))"
    }

    /// "12:05" for the seconds left.
    static func clock(_ seconds: Int) -> String {
        let seconds = max(0, seconds)
        return "\(seconds / 60):\(String(format: "%02d", seconds % 60))"
    }

    /// The time of day of `date` in UTC, "14:05 UTC".
    static func timeOfDay(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? .current
        let parts = calendar.dateComponents([.hour, .minute], from: date)
        return String(format: "%02d:%02d UTC", parts.hour ?? 0, parts.minute ?? 0)
    }
}
