import Foundation
import HTTPTypes
import LyceumContracts
import LyceumTestSupport
import Testing

/// A published course with an owner, an assistant, an enrolled student, a student of another course and an
/// admin: the cast of the lesson attachment and video tests.
struct LessonMediaCast {
    let owner: APIUser
    let assistant: APIUser
    let student: APIUser
    let otherStudent: APIUser
    let admin: APIUser
    let course: BuiltCourse
    /// Of the course, not a preview: only its students and staff may read it.
    var lessonID: String { course.lessonIDs[1] }

    static func make(_ app: TestApp) async throws -> LessonMediaCast {
        let owner = try await app.account(role: .instructor)
        let assistant = try await app.register()
        let student = try await app.register()
        let otherStudent = try await app.register()
        let admin = try await app.account(role: .admin)
        let course = try await app.buildCourse(owner: owner, modules: 1, lessonsPerModule: 2)
        let other = try await app.buildCourse(owner: owner, modules: 1, lessonsPerModule: 1)
        let staff = try await app.request(.put, "/api/v1/courses/\(course.id)/staff/\(assistant.id)", json: ["role": "assistant"], token: owner.accessToken)
        try #require(staff.status == .noContent)
        try #require(try await app.request(.post, "/api/v1/courses/\(course.id)/enrollment", token: student.accessToken).status == .created)
        try #require(try await app.request(.post, "/api/v1/courses/\(other.id)/enrollment", token: otherStudent.accessToken).status == .created)
        return LessonMediaCast(owner: owner, assistant: assistant, student: student, otherStudent: otherStudent, admin: admin, course: course)
    }

    func attachments(_ lessonID: String? = nil) -> String {
        "/api/v1/courses/\(course.id)/lessons/\(lessonID ?? self.lessonID)/attachments"
    }
}

extension UploadSamples {
    /// The start of an MP4 file: an `ftyp` box of brand `isom`, then filler.
    static func mp4(size: Int = 4_096) -> [UInt8] {
        let head: [UInt8] = [0, 0, 0, 0x18] + Array("ftypisom".utf8) + [0, 0, 2, 0] + Array("isommp41".utf8)
        return head + (0..<(size - head.count)).map { UInt8($0 % 253) }
    }
}

extension TestApp {
    /// Attaches `uploadID` to the lesson as `user`.
    func attach(_ uploadID: String, to path: String, as user: APIUser) async throws -> Reply {
        try await request(.post, path, json: ["uploadId": uploadID], token: user.accessToken)
    }

    /// The HTTP status of `GET path` as `user` (anonymous without one).
    func status(_ path: String, as user: APIUser?) async throws -> Int {
        Int(try await request(.get, path, token: user?.accessToken).status.code)
    }
}
