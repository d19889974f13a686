import LyceumContracts
import LyceumCore
import LyceumPlatform
import SQLKit

extension IdentityService: UserDirectory {
    public func summaries(ids: [String]) async throws -> [String: UserSummary] {
        let unique = Array(Set(ids))
        guard !unique.isEmpty else { return [:] }
        return try await database.read { sql in
            var summaries: [String: UserSummary] = [:]
            for chunk in stride(from: 0, to: unique.count, by: 500).map({ Array(unique[$0..<min($0 + 500, unique.count)]) }) {
                let rows = try await sql.select().columns("id", "display_name", "role", "active", "email", "avatar_upload_id").from("users")
                    .where("id", .in, chunk).all()
                for row in rows {
                    let summary = try Self.summary(row)
                    summaries[summary.id] = summary
                }
            }
            return summaries
        }
    }

    public func activeUsers(named displayNames: [String]) async throws -> [UserSummary] {
        let names = Array(Set(displayNames.map(UserStore.nameKey))).prefix(100)
        guard !names.isEmpty else { return [] }
        return try await database.read { sql in
            try await sql.select().columns("id", "display_name", "role", "active", "email", "avatar_upload_id").from("users")
                .where("name_key", .in, Array(names)).where("active", .equal, true)
                .orderBy("id").all().map(Self.summary)
        }
    }

    private static func summary(_ row: any SQLRow) throws -> UserSummary {
        let id = try row.decode(column: "id", as: String.self)
        return UserSummary(
            id: id,
            displayName: try row.decode(column: "display_name", as: String.self),
            role: Role(rawValue: try row.decode(column: "role", as: String.self)) ?? .student,
            isActive: try row.decode(column: "active", as: Bool.self),
            email: try row.decode(column: "email", as: String.self),
            avatarPath: try row.decode(column: "avatar_upload_id", as: String?.self).map { ProfilePictures.path(userID: id, uploadID: $0) }
        )
    }
}
