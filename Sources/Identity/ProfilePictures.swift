import Foundation
import LyceumContracts
import LyceumCore
import LyceumPlatform

/// Profile pictures: a user sets one of their own ready `avatar` uploads as their picture, replaces it or
/// removes it; any signed-in user may see a user's current picture, never a former one.
///
/// The bytes stay in Media; Identity keeps the upload id and asks `UploadCatalog` whether an upload may be
/// attached and for a short-lived link to show it.
public struct ProfilePictures: Sendable {
    let database: any Database
    let catalog: any UploadCatalog
    let sessions: SessionCache
    let clock: WallClock

    /// How long a browser may keep the redirect of `GET /users/{id}/avatar`: well inside the signed link's
    /// fifteen minutes, so a cached redirect never points at an expired link.
    public static let redirectLifetimeSeconds = 300

    /// The page path that shows a user's picture; the upload id makes a new picture a new address.
    public static func path(userID: String, uploadID: String) -> String {
        "/users/\(userID)/avatar?v=\(uploadID)"
    }

    static let notAttachable = AppError.validation(["uploadId": "must be one of your own ready uploads with the purpose avatar"])

    /// Makes the upload the caller's picture, replacing any other.
    /// - Returns: the page path that shows it.
    /// - Throws: 422 on `uploadId` unless the upload is ready, of purpose `avatar` and the caller's own.
    public func set(_ principal: Principal, uploadID: String) async throws -> String {
        guard let upload = try await catalog.attachable(principal, uploadID: uploadID, purposes: ["avatar"]),
            upload.ownerID == principal.userID
        else { throw Self.notAttachable }
        let now = clock.nowForStorage()
        _ = try await database.write { sql in
            try await AvatarStore.set(userID: principal.userID, uploadID: upload.id, at: now, on: sql)
        }
        await sessions.invalidate(userID: principal.userID)
        return Self.path(userID: principal.userID, uploadID: upload.id)
    }

    /// The page path of the user's current picture, `nil` when they have none.
    public func currentPath(userID: String) async throws -> String? {
        try await database.read { sql in try await AvatarStore.avatar(userID: userID, on: sql) }
            .map { Self.path(userID: userID, uploadID: $0) }
    }

    /// Removes the caller's picture; nothing happens when they have none.
    public func remove(_ principal: Principal) async throws {
        let now = clock.nowForStorage()
        let previous = try await database.write { sql in
            try await AvatarStore.set(userID: principal.userID, uploadID: nil, at: now, on: sql)
        }
        if previous != nil { await sessions.invalidate(userID: principal.userID) }
    }

    /// A short-lived link to the user's current picture, for a signed-in viewer.
    /// - Throws: 404 when the user has no picture or it cannot be read.
    public func link(_ principal: Principal, userID: String) async throws -> String {
        let current = try await database.read { sql in try await AvatarStore.avatar(userID: userID, on: sql) }
        guard let current, let url = try await catalog.embedURL(principal, uploadID: current) else {
            throw AppError.notFound("profile picture")
        }
        return url
    }

    /// Drops a deleted upload from the users whose picture it was (idempotent).
    func uploadDeleted(_ event: UploadDeleted) async throws {
        let users = try await database.write { sql in try await AvatarStore.clear(uploadID: event.uploadID, on: sql) }
        for user in users { await sessions.invalidate(userID: user) }
    }
}

/// Read access of kind `avatar`: any signed-in user may read an upload that is someone's current picture.
struct AvatarReadAccess: UploadReadAccess {
    let database: any Database

    func canRead(_ principal: Principal, uploadID: String) async throws -> Bool {
        try await database.read { sql in try await AvatarStore.isCurrentAvatar(uploadID: uploadID, on: sql) }
    }
}
