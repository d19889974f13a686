import Foundation
import HTTPTypes
import LyceumApp
import LyceumCore
import LyceumPlatform
import SQLKit
import Testing

extension TestApp {
    /// The status `user` gets for `GET /api/v1/uploads/{id}/content` (302 when they may read it, 404 when not).
    func contentStatus(_ uploadID: String, as user: APIUser) async throws -> Int {
        Int(try await request(.get, "/api/v1/uploads/\(uploadID)/content", token: user.accessToken).status.code)
    }

    /// How many rows `table` holds.
    func rowCount(_ table: String) async throws -> Int {
        try await services.database.read { sql in
            try await sql.raw("SELECT COUNT(*) AS n FROM \(ident: table)").first()?.decode(column: "n", as: Int.self) ?? 0
        }
    }

    /// Waits until `condition` holds, for up to ten seconds (event handlers run as jobs).
    func eventually(_ what: String, _ condition: @escaping @Sendable () async throws -> Bool) async throws {
        try await withDeadline(.seconds(10), what) {
            while try await !condition() { try await Task.sleep(for: .milliseconds(20)) }
        }
    }
}

/// The ids of the `attachments` of a post or message.
func attachmentIDs(_ object: [String: Any]?) -> [String] {
    (object?["attachments"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
}
