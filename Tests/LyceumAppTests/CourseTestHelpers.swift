import Foundation
import HTTPTypes
import Identity
import LyceumApp
import LyceumContracts
import LyceumCore
import LyceumPlatform
import Testing

/// A course built through the API for tests: ids of its modules and lessons.
struct BuiltCourse {
    let id: String
    let slug: String
    let moduleIDs: [String]
    let lessonIDs: [String]
}

extension TestApp {
    /// Creates a course as `owner` with `modules` modules of `lessonsPerModule` lessons (the first lesson a
    /// preview), optionally published.
    func buildCourse(
        owner: APIUser, title: String = "Course \(UUID().uuidString.prefix(6))", extra: [String: any Sendable] = [:],
        modules: Int = 2, lessonsPerModule: Int = 2, lessonTitles: [String] = [], publish: Bool = true
    ) async throws -> BuiltCourse {
        var fields: [String: any Sendable] = ["title": title, "summary": "A summary of \(title).", "description": "# About\nLearn *things*."]
        fields.merge(extra) { _, new in new }
        let created = try await request(.post, "/api/v1/courses", json: fields, token: owner.accessToken)
        try #require(created.status == .created, "course creation failed: \(created.text)")
        let course = try #require(created.json["course"] as? [String: Any])
        let id = try #require(course["id"] as? String)
        var moduleIDs: [String] = []
        var lessonIDs: [String] = []
        var titles = lessonTitles.makeIterator()
        for moduleIndex in 0..<modules {
            let module = try await request(.post, "/api/v1/courses/\(id)/modules", json: ["title": "Module \(moduleIndex + 1)"], token: owner.accessToken)
            try #require(module.status == .created)
            let moduleID = try #require((module.json["module"] as? [String: Any])?["id"] as? String)
            moduleIDs.append(moduleID)
            for lessonIndex in 0..<lessonsPerModule {
                let lesson = try await request(
                    .post, "/api/v1/courses/\(id)/modules/\(moduleID)/lessons",
                    json: [
                        "title": titles.next() ?? "Lesson \(moduleIndex + 1).\(lessonIndex + 1)",
                        "body": "Lesson body **\(lessonIndex)**.", "estimatedMinutes": 10,
                        "preview": moduleIndex == 0 && lessonIndex == 0,
                    ],
                    token: owner.accessToken
                )
                try #require(lesson.status == .created, "lesson creation failed: \(lesson.text)")
                lessonIDs.append(try #require((lesson.json["lesson"] as? [String: Any])?["id"] as? String))
            }
        }
        if publish {
            let published = try await request(.post, "/api/v1/courses/\(id)/publish", token: owner.accessToken)
            try #require(published.status == .ok, "publish failed: \(published.text)")
        }
        return BuiltCourse(id: id, slug: try #require(course["slug"] as? String), moduleIDs: moduleIDs, lessonIDs: lessonIDs)
    }
}

extension Reply {
    /// `items` of a list response.
    var items: [[String: Any]] { json["items"] as? [[String: Any]] ?? [] }

    /// `progress` of a progress response.
    var progress: [String: Any] { json["progress"] as? [String: Any] ?? [:] }
}
