import Foundation
import LyceumContracts
import LyceumCore
import LyceumPlatform
import SQLKit

/// SQL for the `users` table. Runs on whichever handle it is given, so callers choose the transaction.
struct UserStore {
    static let columns = [
        "id", "email", "display_name", "role", "active", "email_verified", "password_hash", "bio", "created_at",
        "updated_at",
    ]

    /// A user row with its password hash, which never leaves Identity.
    struct Stored {
        var user: User
        var passwordHash: String
    }

    static func insert(_ stored: Stored, on sql: any SQLDatabase) async throws {
        let user = stored.user
        try await sql.insert(into: "users")
            .columns(columns + ["search_text", "name_key"])
            .values(
                SQLBind(user.id), SQLBind(user.email), SQLBind(user.displayName), SQLBind(user.role.rawValue),
                SQLBind(user.isActive), SQLBind(user.emailVerified), SQLBind(stored.passwordHash), SQLBind(user.bio),
                SQLBind(user.createdAt), SQLBind(user.updatedAt), SQLBind(searchText(user)), SQLBind(nameKey(user.displayName))
            )
            .run()
    }

    static func find(id: String, on sql: any SQLDatabase) async throws -> Stored? {
        try await sql.select().columns(columns.map { SQLIdentifier($0) }).from("users").where("id", .equal, id).first()
            .map(decode)
    }

    static func find(email: String, on sql: any SQLDatabase) async throws -> Stored? {
        try await sql.select().columns(columns.map { SQLIdentifier($0) }).from("users").where("email", .equal, email)
            .first().map(decode)
    }

    /// Writes every mutable column of `user`.
    static func update(_ user: User, on sql: any SQLDatabase) async throws {
        try await sql.update("users")
            .set("display_name", to: user.displayName)
            .set("search_text", to: searchText(user))
            .set("name_key", to: nameKey(user.displayName))
            .set("role", to: user.role.rawValue)
            .set("active", to: user.isActive)
            .set("email_verified", to: user.emailVerified)
            .set("bio", to: user.bio)
            .set("updated_at", to: user.updatedAt)
            .where("id", .equal, user.id)
            .run()
    }

    static func updatePassword(userID: String, hash: String, at now: Date, on sql: any SQLDatabase) async throws {
        try await sql.update("users")
            .set("password_hash", to: hash)
            .set("updated_at", to: now)
            .where("id", .equal, userID)
            .run()
    }

    /// Users newest first, filtered by a case-insensitive substring of email or name and by role.
    static func list(
        matching query: String?, role: Role?, after cursor: PageCursor?, limit: Int, on sql: any SQLDatabase
    ) async throws -> [User] {
        var select = sql.select().columns(columns.map { SQLIdentifier($0) }).from("users")
        if let query, !query.isEmpty {
            let pattern = "%" + escapeLike(query.precomposedStringWithCanonicalMapping.lowercased()) + "%"
            select = select.where(SQLQueryString("search_text LIKE \(bind: pattern) ESCAPE '\\'"))
        }
        if let role {
            select = select.where("role", .equal, role.rawValue)
        }
        if let cursor {
            select = select.where { group in
                group.where("created_at", .lessThan, cursor.createdAt)
                    .orWhere { inner in
                        inner.where("created_at", .equal, cursor.createdAt).where("id", .lessThan, cursor.id)
                    }
            }
        }
        return try await select.orderBy("created_at", .descending).orderBy("id", .descending).limit(limit)
            .all().map { try decode($0).user }
    }

    static func count(role: Role, activeOnly: Bool, on sql: any SQLDatabase) async throws -> Int {
        var select = sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("users")
            .where("role", .equal, role.rawValue)
        if activeOnly { select = select.where("active", .equal, true) }
        return try await select.first()?.decode(column: "n", as: Int.self) ?? 0
    }

    private static func decode(_ row: any SQLRow) throws -> Stored {
        let roleText = try row.decode(column: "role", as: String.self)
        let user = User(
            id: try row.decode(column: "id", as: String.self),
            email: try row.decode(column: "email", as: String.self),
            displayName: try row.decode(column: "display_name", as: String.self),
            role: Role(rawValue: roleText) ?? .student,
            isActive: try row.decode(column: "active", as: Bool.self),
            emailVerified: try row.decode(column: "email_verified", as: Bool.self),
            bio: try row.decodeNil(column: "bio") ? nil : try row.decode(column: "bio", as: String.self),
            createdAt: try row.decode(column: "created_at", as: Date.self),
            updatedAt: try row.decode(column: "updated_at", as: Date.self)
        )
        return Stored(user: user, passwordHash: try row.decode(column: "password_hash", as: String.self))
    }

    /// How a display name is looked up: composed Unicode, lowercased, outer spaces trimmed.
    static func nameKey(_ displayName: String) -> String {
        displayName.precomposedStringWithCanonicalMapping.lowercased().trimmingCharacters(in: .whitespaces)
    }

    private static func searchText(_ user: User) -> String {
        (user.email + " " + user.displayName).precomposedStringWithCanonicalMapping.lowercased()
    }

    private static func escapeLike(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\")
            .replacingOccurrences(of: "%", with: "\\%")
            .replacingOccurrences(of: "_", with: "\\_")
    }
}

extension UserStore {
    /// Whether the `users` table has no rows.
    static func isEmpty(on sql: any SQLDatabase) async throws -> Bool {
        try await sql.select().column("id").from("users").limit(1).first() == nil
    }
}
