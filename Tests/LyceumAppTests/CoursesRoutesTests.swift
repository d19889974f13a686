import Foundation
import HTTPTypes
import Identity
import LyceumApp
import LyceumContracts
import LyceumCore
import LyceumPlatform
import LyceumTestSupport
import NIOCore
import Testing

@Suite("Courses API")
struct CoursesRoutesTests {
    @Test("a student finds a course, enrolls, reads lessons and completes it", arguments: TestEngine.available)
    func learningJourney(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let teacher = try await app.account(role: .instructor)
            let course = try await app.buildCourse(owner: teacher, title: "Astronomy for Everyone", modules: 2, lessonsPerModule: 2)
            #expect(course.slug == "astronomy-for-everyone")
            let student = try await app.register()

            let outline = try await app.request(.get, "/api/v1/courses/\(course.slug)")
            #expect(outline.status == .ok)
            #expect((outline.json["modules"] as? [[String: Any]])?.count == 2)
            #expect((outline.json["descriptionHtml"] as? String)?.contains("<em>things</em>") == true)
            #expect(outline.json["description"] is NSNull)

            let preview = try await app.request(.get, "/api/v1/courses/\(course.id)/lessons/\(course.lessonIDs[0])")
            #expect(preview.status == .ok)
            let locked = try await app.request(.get, "/api/v1/courses/\(course.id)/lessons/\(course.lessonIDs[1])")
            #expect(locked.status == .unauthorized)
            let notEnrolled = try await app.request(.get, "/api/v1/courses/\(course.id)/lessons/\(course.lessonIDs[1])", token: student.accessToken)
            #expect(notEnrolled.status == .forbidden)
            #expect(notEnrolled.errorCode == "enrollment_required")

            let enrolled = try await app.request(.post, "/api/v1/courses/\(course.id)/enrollment", token: student.accessToken)
            #expect(enrolled.status == .created)
            #expect(enrolled.progress["percent"] as? Int == 0)
            let lesson = try await app.request(.get, "/api/v1/courses/\(course.id)/lessons/\(course.lessonIDs[1])", token: student.accessToken)
            #expect(lesson.status == .ok)
            #expect(((lesson.json["lesson"] as? [String: Any])?["bodyHtml"] as? String) == "<p>Lesson body <strong>1</strong>.</p>\n")
            #expect((lesson.json["lesson"] as? [String: Any])?["body"] is NSNull)

            for _ in 0..<2 {
                let done = try await app.request(.put, "/api/v1/courses/\(course.id)/lessons/\(course.lessonIDs[0])/completion", token: student.accessToken)
                #expect(done.status == .ok)
                #expect(done.progress["completedLessons"] as? Int == 1)
                #expect(done.progress["percent"] as? Int == 25)
            }
            for lessonID in course.lessonIDs.dropFirst() {
                _ = try await app.request(.put, "/api/v1/courses/\(course.id)/lessons/\(lessonID)/completion", token: student.accessToken)
            }
            let finished = try await app.request(.get, "/api/v1/courses/\(course.id)/progress", token: student.accessToken)
            #expect(finished.progress["percent"] as? Int == 100)
            #expect(finished.progress["completedAt"] is String)
            #expect(finished.progress["lastLessonId"] as? String == course.lessonIDs[3])

            let undone = try await app.request(.delete, "/api/v1/courses/\(course.id)/lessons/\(course.lessonIDs[3])/completion", token: student.accessToken)
            #expect(undone.progress["percent"] as? Int == 75)
            #expect(undone.progress["completedAt"] is NSNull)

            let mine = try await app.request(.get, "/api/v1/me/enrollments", token: student.accessToken)
            #expect(mine.items.count == 1)
            #expect((mine.items.first?["progress"] as? [String: Any])?["percent"] as? Int == 75)

            let roster = try await app.request(.get, "/api/v1/courses/\(course.id)/roster", token: teacher.accessToken)
            #expect(roster.status == .ok)
            #expect((roster.items.first?["student"] as? [String: Any])?["id"] as? String == student.id)
            #expect((roster.items.first?["progress"] as? [String: Any])?["completedLessons"] as? Int == 3)

            #expect(try await app.request(.delete, "/api/v1/courses/\(course.id)/enrollment", token: student.accessToken).status == .noContent)
            #expect(try await app.request(.get, "/api/v1/courses/\(course.id)/lessons/\(course.lessonIDs[1])", token: student.accessToken).status == .forbidden)
            let back = try await app.request(.post, "/api/v1/courses/\(course.id)/enrollment", token: student.accessToken)
            #expect(back.progress["completedLessons"] as? Int == 3)
        }
    }

    @Test("who may create and edit courses: every role, owner, co-instructor, assistant", arguments: TestEngine.available)
    func editMatrix(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let owner = try await app.account(role: .instructor)
            let coInstructor = try await app.account(role: .instructor)
            let assistant = try await app.account(role: .student)
            let otherInstructor = try await app.account(role: .instructor)
            let student = try await app.account(role: .student)
            let admin = try await app.account(role: .admin)

            #expect(try await app.request(.post, "/api/v1/courses", json: ["title": "Nope"]).status == .unauthorized)
            #expect(try await app.request(.post, "/api/v1/courses", json: ["title": "Nope"], token: student.accessToken).status == .forbidden)
            #expect(try await app.request(.post, "/api/v1/courses", json: ["title": "Admin course"], token: admin.accessToken).status == .created)

            let course = try await app.buildCourse(owner: owner, modules: 1, lessonsPerModule: 1)
            #expect(try await app.request(.put, "/api/v1/courses/\(course.id)/staff/\(coInstructor.id)", json: ["role": "co_instructor"], token: owner.accessToken).status == .noContent)
            #expect(try await app.request(.put, "/api/v1/courses/\(course.id)/staff/\(assistant.id)", json: ["role": "assistant"], token: owner.accessToken).status == .noContent)
            #expect(try await app.request(.put, "/api/v1/courses/\(course.id)/staff/\(student.id)", json: ["role": "co_instructor"], token: owner.accessToken).status == .unprocessableContent)
            #expect(try await app.request(.put, "/api/v1/courses/\(course.id)/staff/\(otherInstructor.id)", json: ["role": "assistant"], token: coInstructor.accessToken).status == .forbidden)

            let edits: [(APIUser?, HTTPResponse.Status)] = [
                (nil, .unauthorized), (student, .forbidden), (otherInstructor, .forbidden), (assistant, .forbidden),
                (coInstructor, .ok), (owner, .ok), (admin, .ok),
            ]
            for (user, expected) in edits {
                let reply = try await app.request(.patch, "/api/v1/courses/\(course.id)", json: ["summary": "Changed"], token: user?.accessToken)
                #expect(reply.status == expected, "PATCH by \(user?.email ?? "anonymous")")
                let module = try await app.request(.post, "/api/v1/courses/\(course.id)/modules", json: ["title": "More"], token: user?.accessToken)
                #expect(module.status == (expected == .ok ? .created : expected))
            }
            let rosterAccess: [(APIUser?, HTTPResponse.Status)] = [
                (nil, .unauthorized), (student, .forbidden), (otherInstructor, .forbidden), (assistant, .ok), (coInstructor, .ok), (admin, .ok),
            ]
            for (user, expected) in rosterAccess {
                #expect(try await app.request(.get, "/api/v1/courses/\(course.id)/roster", token: user?.accessToken).status == expected)
            }
            let assistantLesson = try await app.request(.get, "/api/v1/courses/\(course.id)/lessons/\(course.lessonIDs[0])", token: assistant.accessToken)
            #expect(assistantLesson.status == .ok)
        }
    }

    @Test("drafts and archived courses are 404 to everyone who may not teach them", arguments: TestEngine.available)
    func visibility(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let owner = try await app.account(role: .instructor)
            let other = try await app.account(role: .instructor)
            let student = try await app.account(role: .student)
            let admin = try await app.account(role: .admin)
            let draft = try await app.buildCourse(owner: owner, title: "Secret Draft", modules: 1, lessonsPerModule: 1, publish: false)
            for user in [nil, student, other] {
                #expect(try await app.request(.get, "/api/v1/courses/\(draft.id)", token: user?.accessToken).status == .notFound)
                #expect(try await app.request(.patch, "/api/v1/courses/\(draft.id)", json: ["title": "x"], token: user?.accessToken).status == (user == nil ? .unauthorized : .notFound))
                #expect(try await app.request(.get, "/api/v1/courses/\(draft.id)/lessons/\(draft.lessonIDs[0])", token: user?.accessToken).status == .notFound)
            }
            #expect(try await app.request(.get, "/api/v1/courses/\(draft.id)", token: owner.accessToken).status == .ok)
            #expect(try await app.request(.get, "/api/v1/courses/\(draft.id)", token: admin.accessToken).status == .ok)
            #expect(try await app.request(.post, "/api/v1/courses/\(draft.id)/enrollment", token: student.accessToken).status == .notFound)
            #expect(try await app.request(.get, "/api/v1/courses?q=secret").items.isEmpty)

            let live = try await app.buildCourse(owner: owner, title: "Soon Archived", modules: 1, lessonsPerModule: 1)
            _ = try await app.request(.post, "/api/v1/courses/\(live.id)/enrollment", token: student.accessToken)
            #expect(try await app.request(.post, "/api/v1/courses/\(live.id)/archive", token: owner.accessToken).status == .ok)
            #expect(try await app.request(.get, "/api/v1/courses/\(live.id)", token: student.accessToken).status == .notFound)
            #expect(try await app.request(.get, "/api/v1/courses/\(live.id)", token: owner.accessToken).status == .ok)

            let empty = try await app.request(.post, "/api/v1/courses", json: ["title": "Empty course"], token: owner.accessToken)
            let emptyID = try #require((empty.json["course"] as? [String: Any])?["id"] as? String)
            let publishEmpty = try await app.request(.post, "/api/v1/courses/\(emptyID)/publish", token: owner.accessToken)
            #expect(publishEmpty.status == .unprocessableContent)
            #expect(publishEmpty.errorCode == "course_empty")
        }
    }

    @Test("paid courses answer 402 until payments exist; instructors may still grant a seat", arguments: TestEngine.available)
    func paidCourses(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let owner = try await app.account(role: .instructor)
            let student = try await app.register()
            let course = try await app.buildCourse(owner: owner, extra: ["priceMinor": 4900, "currency": "eur"], modules: 1, lessonsPerModule: 1)
            let attempt = try await app.request(.post, "/api/v1/courses/\(course.id)/enrollment", token: student.accessToken)
            #expect(attempt.status.code == 402)
            #expect(attempt.errorCode == "payment_required")
            #expect(try await app.request(.post, "/api/v1/courses/\(course.id)/roster", json: ["userId": student.id], token: owner.accessToken).status == .noContent)
            #expect(try await app.request(.get, "/api/v1/courses/\(course.id)/progress", token: student.accessToken).status == .ok)
            #expect(try await app.request(.delete, "/api/v1/courses/\(course.id)/roster/\(student.id)", token: owner.accessToken).status == .noContent)
            #expect(try await app.request(.get, "/api/v1/courses/\(course.id)/progress", token: student.accessToken).status == .notFound)
            #expect(try await app.request(.post, "/api/v1/courses/\(course.id)/roster", json: ["userId": "nobody"], token: owner.accessToken).status == .notFound)
        }
    }

    @Test("concurrent enrolls count once; admins who enroll learn like students; deactivated staff can be removed", arguments: TestEngine.available)
    func enrollmentEdges(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let owner = try await app.account(role: .instructor)
            let course = try await app.buildCourse(owner: owner, modules: 1, lessonsPerModule: 1)
            let student = try await app.register()
            let statuses = try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                for _ in 0..<6 {
                    group.addTask { try await app.request(.post, "/api/v1/courses/\(course.id)/enrollment", token: student.accessToken).status }
                }
                var all: [HTTPResponse.Status] = []
                for try await status in group { all.append(status) }
                return all
            }
            #expect(statuses.allSatisfy { $0 == .created })
            let outline = try await app.request(.get, "/api/v1/courses/\(course.id)", token: owner.accessToken)
            #expect((outline.json["course"] as? [String: Any])?["enrollmentCount"] as? Int == 1)

            let admin = try await app.account(role: .admin)
            #expect(try await app.request(.post, "/api/v1/courses/\(course.id)/enrollment", token: admin.accessToken).status == .created)
            let done = try await app.request(.put, "/api/v1/courses/\(course.id)/lessons/\(course.lessonIDs[0])/completion", token: admin.accessToken)
            #expect(done.progress["percent"] as? Int == 100)

            let assistant = try await app.account(role: .student)
            _ = try await app.request(.put, "/api/v1/courses/\(course.id)/staff/\(assistant.id)", json: ["role": "assistant"], token: owner.accessToken)
            _ = try await app.request(.patch, "/api/v1/admin/users/\(assistant.id)", json: ["active": false], token: admin.accessToken)
            #expect(try await app.request(.delete, "/api/v1/courses/\(course.id)/staff/\(assistant.id)", token: owner.accessToken).status == .noContent)
            let staff = try await app.request(.get, "/api/v1/courses/\(course.id)", token: owner.accessToken).json["staff"] as? [[String: Any]]
            #expect(staff?.count == 1)
        }
    }

    @Test("reordering is one atomic call; an incomplete order changes nothing", arguments: TestEngine.available)
    func reorder(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let owner = try await app.account(role: .instructor)
            let course = try await app.buildCourse(owner: owner, modules: 2, lessonsPerModule: 2)
            let lessons = course.lessonIDs
            let moves: [[String: any Sendable]] = [
                ["id": course.moduleIDs[1], "lessons": [lessons[3], lessons[0]]],
                ["id": course.moduleIDs[0], "lessons": [lessons[2], lessons[1]]],
            ]
            let order: [String: any Sendable] = ["modules": moves]
            let reordered = try await app.request(.put, "/api/v1/courses/\(course.id)/reorder", json: order, token: owner.accessToken)
            #expect(reordered.status == .ok)
            let modules = try #require(reordered.json["modules"] as? [[String: Any]])
            #expect(modules.map { $0["id"] as? String } == [course.moduleIDs[1], course.moduleIDs[0]])
            #expect((modules[0]["lessons"] as? [[String: Any]])?.map { $0["id"] as? String } == [lessons[3], lessons[0]])

            let partial: [[String: any Sendable]] = [["id": course.moduleIDs[0], "lessons": [lessons[0]]]]
            let incomplete: [String: any Sendable] = ["modules": partial]
            let rejected = try await app.request(.put, "/api/v1/courses/\(course.id)/reorder", json: incomplete, token: owner.accessToken)
            #expect(rejected.status == .unprocessableContent)
            #expect(rejected.errorCode == "invalid_order")
            let after = try await app.request(.get, "/api/v1/courses/\(course.id)", token: owner.accessToken)
            #expect((after.json["modules"] as? [[String: Any]])?.map { $0["id"] as? String } == [course.moduleIDs[1], course.moduleIDs[0]])
        }
    }

    @Test("hostile and oversized input gets clear 4xx answers and safe HTML", arguments: TestEngine.available)
    func hostileInput(engine: TestEngine) async throws {
        try await TestApp.run(engine, configure: { $0.maxBodyBytes = 1 << 20 }) { app in
            let owner = try await app.account(role: .instructor)
            let course = try await app.buildCourse(owner: owner, title: "Safe HTML", modules: 1, lessonsPerModule: 1)
            let module = course.moduleIDs[0]
            let script = try await app.request(
                .post, "/api/v1/courses/\(course.id)/modules/\(module)/lessons",
                json: ["title": "XSS", "body": "<script>alert(1)</script>\n[x](javascript:alert(1))\n<img src=x onerror=alert(1)>"],
                token: owner.accessToken
            )
            let html = try #require((script.json["lesson"] as? [String: Any])?["bodyHtml"] as? String)
            #expect(!html.contains("<script"))
            #expect(!html.contains("javascript:"))
            #expect(!html.contains("<img"))
            #expect(html.contains("&lt;script&gt;"))

            let oversized = try await app.request(
                .post, "/api/v1/courses/\(course.id)/modules/\(module)/lessons",
                json: ["title": "Huge", "body": String(repeating: "a", count: 100_001)], token: owner.accessToken
            )
            #expect(oversized.status == .unprocessableContent)
            #expect(oversized.errorFields["body"] != nil)
            let tooBig = try await app.request(
                .post, "/api/v1/courses/\(course.id)/modules/\(module)/lessons",
                json: ["title": "Huge", "body": String(repeating: "a", count: 1_100_000)], token: owner.accessToken
            )
            #expect(tooBig.status == .contentTooLarge)

            let taken = try await app.request(.post, "/api/v1/courses", json: ["title": "Safe HTML"], token: owner.accessToken)
            #expect(taken.status == .conflict)
            #expect(taken.errorCode == "slug_taken")
            let badLevel = try await app.request(.post, "/api/v1/courses", json: ["title": "Levels", "level": "expert"], token: owner.accessToken)
            #expect(badLevel.errorFields["level"] != nil)
            let badFields = try await app.request(
                .post, "/api/v1/courses",
                json: ["title": "", "slug": "Bad Slug!", "priceMinor": -5, "currency": "euro", "language": "x", "tags": [String(repeating: "t", count: 41)]],
                token: owner.accessToken
            )
            #expect(Set(badFields.errorFields.keys) == ["title", "slug", "priceMinor", "currency", "language", "tags"])
            #expect(try await app.request(.get, "/api/v1/courses?cursor=bogus").errorCode == "invalid_cursor")
            #expect(try await app.request(.get, "/api/v1/courses?level=expert").errorCode == "invalid_level")
            #expect(try await app.request(.get, "/api/v1/courses/\(course.id)/lessons/nope", token: owner.accessToken).status == .notFound)
            #expect(try await app.request(.put, "/api/v1/courses/\(course.id)/lessons/nope/completion", token: owner.accessToken).status == .forbidden)
        }
    }

    @Test("courses with enrollments cannot be deleted; empty ones can", arguments: TestEngine.available)
    func deletion(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let owner = try await app.account(role: .instructor)
            let student = try await app.register()
            let taken = try await app.buildCourse(owner: owner, modules: 1, lessonsPerModule: 1)
            _ = try await app.request(.post, "/api/v1/courses/\(taken.id)/enrollment", token: student.accessToken)
            let refused = try await app.request(.delete, "/api/v1/courses/\(taken.id)", token: owner.accessToken)
            #expect(refused.status == .conflict)
            #expect(refused.errorCode == "course_has_enrollments")
            let unused = try await app.buildCourse(owner: owner, modules: 1, lessonsPerModule: 1, publish: false)
            #expect(try await app.request(.delete, "/api/v1/courses/\(unused.id)", token: student.accessToken).status == .notFound)
            #expect(try await app.request(.delete, "/api/v1/courses/\(unused.id)", token: owner.accessToken).status == .noContent)
            #expect(try await app.request(.get, "/api/v1/courses/\(unused.id)", token: owner.accessToken).status == .notFound)
        }
    }
}
