import Foundation
import HTTPTypes
import LyceumApp
import LyceumContracts
import LyceumPlatform
import SQLKit
import Testing

/// A course with its board and the people around it, for forum tests.
struct ForumCast {
    let owner: APIUser
    let student: APIUser
    let classmate: APIUser
    let outsider: APIUser
    let admin: APIUser
    let course: BuiltCourse
    let boardID: String
}

extension TestApp {
    /// A published course with an owner, two enrolled students, an outsider, an admin and the course's board.
    func forumCast(studentName: String = "Test Student", classmateName: String = "Test Classmate") async throws -> ForumCast {
        let owner = try await account(role: .instructor)
        let course = try await buildCourse(owner: owner, modules: 1, lessonsPerModule: 1)
        let student = try await register(name: studentName)
        let classmate = try await register(name: classmateName)
        for user in [student, classmate] {
            let enrolled = try await request(.post, "/api/v1/courses/\(course.id)/enrollment", token: user.accessToken)
            try #require(enrolled.status == .created)
        }
        let board = try await request(.get, "/api/v1/courses/\(course.id)/board", token: owner.accessToken)
        try #require(board.status == .ok, "course board: \(board.text)")
        let boardID = try #require((board.json["board"] as? [String: Any])?["id"] as? String)
        return ForumCast(
            owner: owner, student: student, classmate: classmate, outsider: try await register(), admin: try await account(role: .admin),
            course: course, boardID: boardID
        )
    }

    /// Starts a thread as `user` and answers its id.
    func startThread(
        on boardID: String, as user: APIUser, title: String = "How do limits work?", body: String = "I am stuck on **limits**.",
        extra: [String: any Sendable] = [:]
    ) async throws -> String {
        var fields: [String: any Sendable] = ["title": title, "body": body, "kind": "question"]
        fields.merge(extra) { _, new in new }
        let created = try await request(.post, "/api/v1/boards/\(boardID)/threads", json: fields, token: user.accessToken)
        try #require(created.status == .created, "thread creation failed: \(created.text)")
        return try #require(created.thread["id"] as? String)
    }

    /// Replies as `user` and answers the reply's id.
    func replyTo(_ threadID: String, as user: APIUser, body: String = "Try the epsilon-delta definition.", extra: [String: any Sendable] = [:]) async throws
        -> String
    {
        var fields: [String: any Sendable] = ["body": body]
        fields.merge(extra) { _, new in new }
        let reply = try await request(.post, "/api/v1/threads/\(threadID)/replies", json: fields, token: user.accessToken)
        try #require(reply.status == .created, "reply failed: \(reply.text)")
        return try #require((reply.json["reply"] as? [String: Any])?["id"] as? String)
    }

    /// Subscribes a recorder to `NotificationRequested`, so publishing writes outbox jobs the test can read
    /// (the Notifications module's own subscriber is not part of this branch).
    func recordNotificationRequests() {
        services.jobs.registry.subscribe(NotificationRequested.self, as: "test.forum-notifications") { _, _ in }
    }

    /// The notification requests in the outbox, oldest first.
    func requestedNotifications() async throws -> [NotificationRequested] {
        try await services.database.read { sql in
            try await sql.select().column("payload").from("jobs").where("name", .equal, "event:test.forum-notifications")
                .orderBy("created_at").all()
                .map { try JSONDecoder().decode(NotificationRequested.self, from: Data(try $0.decode(column: "payload", as: String.self).utf8)) }
        }
    }

    /// Runs a statement on the app's database, for fixtures no route creates (study groups).
    func execute(_ query: SQLQueryString) async throws {
        try await services.database.write { sql in try await sql.raw(query).run() }
    }

    /// An open study group owned by `owner` with `members`, and its id.
    func studyGroup(owner: APIUser, members: [APIUser]) async throws -> String {
        let groupID = UUID().uuidString.lowercased()
        let now = Date()
        try await execute(
            """
            INSERT INTO community_groups (id, name, description, visibility, member_limit, member_count, owner_id, created_at)
            VALUES (\(bind: groupID), 'Study group', '', 'open', 10, \(bind: members.count + 1), \(bind: owner.id), \(bind: now))
            """
        )
        for (user, role) in [(owner, "owner")] + members.map({ ($0, "member") }) {
            try await execute(
                "INSERT INTO community_group_members (group_id, user_id, role, joined_at) VALUES (\(bind: groupID), \(bind: user.id), \(bind: role), \(bind: now))"
            )
        }
        return groupID
    }

    /// Replaces the blocked-words list as an administrator.
    func blockWords(_ words: [String], admin: APIUser) async throws {
        let saved = try await request(.put, "/api/v1/moderation/blocked-words", json: ["words": words], token: admin.accessToken)
        try #require(saved.status == .ok, "blocked words: \(saved.text)")
    }
}

extension Reply {
    /// `thread` of a thread response.
    var thread: [String: Any] { json["thread"] as? [String: Any] ?? [:] }
    /// `replies` of a thread response.
    var replies: [[String: Any]] { json["replies"] as? [[String: Any]] ?? [] }
}
