import Foundation
import LyceumContracts
import LyceumCore
import LyceumPlatform

extension IdentityService {
    /// Users newest first, for admins only (403 otherwise). `query` matches email or name, any case.
    public func listUsers(
        _ principal: Principal, query: String?, role: Role?, limit: Int, cursor: PageCursor?
    ) async throws -> UserPage {
        guard principal.isAdmin else { throw AppError.forbidden() }
        let trimmed = try SearchText.parse(query)
        let users = try await database.read { sql in
            try await UserStore.list(matching: trimmed, role: role, after: cursor, limit: limit + 1, on: sql)
        }
        let page = Array(users.prefix(limit))
        let next = users.count > limit ? page.last.map { PageCursor(createdAt: $0.createdAt, id: $0.id).encoded } : nil
        return UserPage(users: page, nextCursor: next)
    }

    /// One user's account, for admins only (403 otherwise; 404 when there is no such user).
    public func adminUser(_ principal: Principal, id: String) async throws -> User {
        guard principal.isAdmin else { throw AppError.forbidden() }
        return try await user(id: id)
    }

    /// Changes another user's role or active flag (admins only). Deactivating signs the user out everywhere.
    /// Admins cannot demote or deactivate themselves (409 `cannot_change_own_account`), so the platform
    /// always keeps the admin who is making the change.
    public func updateUser(_ principal: Principal, id: String, role: Role?, active: Bool?) async throws -> User {
        guard principal.isAdmin else { throw AppError.forbidden() }
        if id == principal.userID, (role.map { $0 != .admin } ?? false) || active == false {
            throw AppError.conflict("cannot_change_own_account", "You cannot demote or deactivate your own account.")
        }
        let now = now()
        let updated = try await database.transaction { sql in
            guard var user = try await UserStore.find(id: id, on: sql)?.user else { throw AppError.notFound("user") }
            if let role { user.role = role }
            if let active {
                if user.isActive && !active {
                    try await SessionStore.revokeAll(userID: id, keeping: nil, reason: "deactivated", at: now, on: sql)
                }
                user.isActive = active
            }
            user.updatedAt = now
            try await UserStore.update(user, on: sql)
            return user
        }
        await sessions.invalidate(userID: id)
        return updated
    }
}

extension IdentityService {
    /// Whether no account exists yet: a new installation.
    public func hasNoAccounts() async throws -> Bool {
        try await database.read { sql in try await UserStore.isEmpty(on: sql) }
    }
}
