import Foundation
import SQLKit

/// A certificate of completion, verifiable by anyone who has its code.
public struct Certificate: Sendable, Equatable {
    public let code: String
    public let courseID: String
    public let userID: String
    public let studentName: String
    public let courseTitle: String
    public let issuedAt: Date
}

/// SQL for certificates.
struct CertificateStore {
    /// Issues the certificate for a completed course once; later completions keep the first one.
    /// Returns the new certificate's code, or `nil` when the learner already had one.
    static func issue(course: Course, userID: String, studentName: String, at now: Date, on sql: any SQLDatabase) async throws -> String? {
        try await sql.insert(into: "certificates")
            .columns("code", "course_id", "user_id", "student_name", "course_title", "issued_at")
            .values(SQLBind(newCode()), SQLBind(course.id), SQLBind(userID), SQLBind(studentName), SQLBind(course.title), SQLBind(now))
            .ignoringConflicts(with: ["course_id", "user_id"])
            .returning("code")
            .first(decodingColumn: "code", as: String.self)
    }

    static func find(code: String, on sql: any SQLDatabase) async throws -> Certificate? {
        try await select(on: sql).where("code", .equal, code.uppercased()).first().map(decode)
    }

    static func find(courseID: String, userID: String, on sql: any SQLDatabase) async throws -> Certificate? {
        try await select(on: sql).where("course_id", .equal, courseID).where("user_id", .equal, userID).first().map(decode)
    }

    /// A learner's certificates, newest first.
    static func find(userID: String, on sql: any SQLDatabase) async throws -> [Certificate] {
        try await select(on: sql).where("user_id", .equal, userID).orderBy("issued_at", .descending).orderBy("code").all().map(decode)
    }

    private static func select(on sql: any SQLDatabase) -> SQLSelectBuilder {
        sql.select().columns("code", "course_id", "user_id", "student_name", "course_title", "issued_at").from("certificates")
    }

    /// Ten characters from an alphabet without look-alikes (no 0/O, 1/I), as `XXXXX-XXXXX`: 50 bits.
    static func newCode() -> String {
        let alphabet = Array("ABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        var generator = SystemRandomNumberGenerator()
        let characters = (0..<10).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] }
        return String(characters[0..<5]) + "-" + String(characters[5..<10])
    }

    private static func decode(_ row: any SQLRow) throws -> Certificate {
        Certificate(
            code: try row.decode(column: "code", as: String.self),
            courseID: try row.decode(column: "course_id", as: String.self),
            userID: try row.decode(column: "user_id", as: String.self),
            studentName: try row.decode(column: "student_name", as: String.self),
            courseTitle: try row.decode(column: "course_title", as: String.self),
            issuedAt: try row.decode(column: "issued_at", as: Date.self)
        )
    }
}
