import Foundation
import LyceumPlatform
import SQLKit

/// Users' profile pictures: the upload id in `users.avatar_upload_id`.
struct AvatarStore {
    /// The user's current picture, `nil` when they have none or there is no such user.
    static func avatar(userID: String, on sql: any SQLDatabase) async throws -> String? {
        try await sql.select().column("avatar_upload_id").from("users").where("id", .equal, userID).first()?
            .decode(column: "avatar_upload_id", as: String?.self)
    }

    /// Sets (or, with `nil`, removes) the user's picture; the id it replaced, if any.
    static func set(userID: String, uploadID: String?, at now: Date, on sql: any SQLDatabase) async throws -> String? {
        let previous = try await sql.select().column("avatar_upload_id").from("users").where("id", .equal, userID).first()?
            .decode(column: "avatar_upload_id", as: String?.self)
        try await sql.update("users").set("avatar_upload_id", to: uploadID).set("updated_at", to: now)
            .where("id", .equal, userID).run()
        return previous
    }

    /// Clears the upload from every user whose picture it is; the ids of those users.
    static func clear(uploadID: String, on sql: any SQLDatabase) async throws -> [String] {
        try await sql.update("users").set("avatar_upload_id", to: SQLLiteral.null)
            .where("avatar_upload_id", .equal, uploadID).returning("id").all()
            .map { try $0.decode(column: "id", as: String.self) }
    }

    /// Whether the upload is some user's current picture.
    static func isCurrentAvatar(uploadID: String, on sql: any SQLDatabase) async throws -> Bool {
        try await sql.select().column("id").from("users").where("avatar_upload_id", .equal, uploadID).limit(1).first() != nil
    }
}
