import Foundation
import SQLKit

/// SQL for modules and lessons.
struct StructureStore {
    static let lessonColumns = [
        "id", "course_id", "module_id", "position", "title", "body_markdown", "body_html", "estimated_minutes",
        "video_url", "preview", "hidden", "video_upload_id",
    ]

    static func modules(courseID: String, on sql: any SQLDatabase) async throws -> [CourseModule] {
        try await sql.select().columns("id", "course_id", "position", "title", "hidden").from("course_modules")
            .where("course_id", .equal, courseID).orderBy("position").all()
            .map {
                CourseModule(
                    id: try $0.decode(column: "id", as: String.self),
                    courseID: try $0.decode(column: "course_id", as: String.self),
                    position: try $0.decode(column: "position", as: Int.self),
                    title: try $0.decode(column: "title", as: String.self),
                    isHidden: try $0.decode(column: "hidden", as: Bool.self)
                )
            }
    }

    static func lessons(courseID: String, on sql: any SQLDatabase) async throws -> [Lesson] {
        try await sql.select().columns(lessonColumns.map { SQLIdentifier($0) }).from("lessons")
            .where("course_id", .equal, courseID).orderBy("position").all().map(decodeLesson)
    }

    /// The ids of the lessons students see (not hidden, nor in a hidden module) of each of these courses (ids
    /// only: no bodies are read).
    static func visibleLessonIDs(courseIDs: [String], on sql: any SQLDatabase) async throws -> [String: Set<String>] {
        guard !courseIDs.isEmpty else { return [:] }
        var result: [String: Set<String>] = [:]
        let rows = try await sql.raw(
            """
            SELECT l.id, l.course_id FROM lessons l JOIN course_modules m ON m.id = l.module_id
            WHERE l.course_id IN (\(binds: courseIDs)) AND l.hidden = \(bind: false) AND m.hidden = \(bind: false)
            """
        ).all()
        for row in rows {
            result[try row.decode(column: "course_id", as: String.self), default: []].insert(try row.decode(column: "id", as: String.self))
        }
        return result
    }

    static func lesson(id: String, courseID: String, on sql: any SQLDatabase) async throws -> Lesson? {
        try await sql.select().columns(lessonColumns.map { SQLIdentifier($0) }).from("lessons")
            .where("id", .equal, id).where("course_id", .equal, courseID).first().map(decodeLesson)
    }

    /// A lesson with whether students may not see it (it or its module is hidden), in one query.
    static func lessonWithVisibility(
        id: String, courseID: String, on sql: any SQLDatabase
    ) async throws -> (lesson: Lesson, hiddenFromStudents: Bool)? {
        let columns = lessonColumns.map { "l.\($0)" }.joined(separator: ", ")
        let row = try await sql.raw(
            """
            SELECT \(unsafeRaw: columns), m.hidden AS module_hidden FROM lessons l JOIN course_modules m ON m.id = l.module_id
            WHERE l.id = \(bind: id) AND l.course_id = \(bind: courseID)
            """
        ).first()
        guard let row else { return nil }
        let lesson = try decodeLesson(row)
        return (lesson, try lesson.isHidden || row.decode(column: "module_hidden", as: Bool.self))
    }

    /// Whether the module with `id` is hidden (`false` when there is none).
    static func isModuleHidden(id: String, on sql: any SQLDatabase) async throws -> Bool {
        try await sql.select().column("hidden").from("course_modules").where("id", .equal, id).first()?
            .decode(column: "hidden", as: Bool.self) ?? false
    }

    static func insert(_ module: CourseModule, on sql: any SQLDatabase) async throws {
        try await sql.insert(into: "course_modules").columns("id", "course_id", "position", "title", "hidden")
            .values(
                SQLBind(module.id), SQLBind(module.courseID), SQLBind(module.position), SQLBind(module.title),
                SQLBind(module.isHidden)
            )
            .run()
    }

    static func insert(_ lesson: Lesson, on sql: any SQLDatabase) async throws {
        try await sql.insert(into: "lessons").columns(lessonColumns)
            .values(
                SQLBind(lesson.id), SQLBind(lesson.courseID), SQLBind(lesson.moduleID), SQLBind(lesson.position),
                SQLBind(lesson.title), SQLBind(lesson.bodyMarkdown), SQLBind(lesson.bodyHTML),
                SQLBind(lesson.estimatedMinutes), SQLBind(lesson.videoURL), SQLBind(lesson.isPreview),
                SQLBind(lesson.isHidden), SQLBind(lesson.videoUploadID)
            )
            .run()
    }

    static func update(_ lesson: Lesson, on sql: any SQLDatabase) async throws {
        try await sql.update("lessons")
            .set("module_id", to: lesson.moduleID).set("position", to: lesson.position).set("title", to: lesson.title)
            .set("body_markdown", to: lesson.bodyMarkdown).set("body_html", to: lesson.bodyHTML)
            .set("estimated_minutes", to: lesson.estimatedMinutes).set("video_url", to: lesson.videoURL)
            .set("preview", to: lesson.isPreview).set("hidden", to: lesson.isHidden)
            .set("video_upload_id", to: lesson.videoUploadID)
            .where("id", .equal, lesson.id).run()
    }

    static func updateModule(id: String, title: String, hidden: Bool, on sql: any SQLDatabase) async throws {
        try await sql.update("course_modules").set("title", to: title).set("hidden", to: hidden).where("id", .equal, id).run()
    }

    static func moveModule(id: String, to position: Int, on sql: any SQLDatabase) async throws {
        try await sql.update("course_modules").set("position", to: position).where("id", .equal, id).run()
    }

    static func moveLesson(id: String, moduleID: String, to position: Int, on sql: any SQLDatabase) async throws {
        try await sql.update("lessons").set("module_id", to: moduleID).set("position", to: position)
            .where("id", .equal, id).run()
    }

    static func deleteModule(id: String, on sql: any SQLDatabase) async throws {
        try await sql.delete(from: "course_modules").where("id", .equal, id).run()
    }

    static func deleteLesson(id: String, on sql: any SQLDatabase) async throws {
        try await sql.delete(from: "lessons").where("id", .equal, id).run()
    }

    static func decodeLesson(_ row: any SQLRow) throws -> Lesson {
        Lesson(
            id: try row.decode(column: "id", as: String.self),
            courseID: try row.decode(column: "course_id", as: String.self),
            moduleID: try row.decode(column: "module_id", as: String.self),
            position: try row.decode(column: "position", as: Int.self),
            title: try row.decode(column: "title", as: String.self),
            bodyMarkdown: try row.decode(column: "body_markdown", as: String.self),
            bodyHTML: try row.decode(column: "body_html", as: String.self),
            estimatedMinutes: try row.decode(column: "estimated_minutes", as: Int.self),
            videoURL: try row.decode(column: "video_url", as: String?.self),
            isPreview: try row.decode(column: "preview", as: Bool.self),
            isHidden: try row.decode(column: "hidden", as: Bool.self),
            videoUploadID: try row.decode(column: "video_upload_id", as: String?.self)
        )
    }
}
