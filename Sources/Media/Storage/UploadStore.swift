import Foundation
import SQLKit

/// SQL for uploads. State changes are conditional updates on the status, so two requests finishing or
/// deleting the same upload cannot both succeed.
enum UploadStore {
    private static let columns = [
        "id", "owner_id", "purpose", "filename", "size", "content_type", "sha256", "storage_key", "status", "created_at", "updated_at",
    ]

    static func insert(_ upload: Upload, on sql: any SQLDatabase) async throws {
        try await sql.insert(into: "uploads").columns(columns)
            .values(
                SQLBind(upload.id), SQLBind(upload.ownerID), SQLBind(upload.purpose.rawValue), SQLBind(upload.filename),
                SQLBind(upload.size), SQLBind(upload.fileType.rawValue), SQLBind(upload.sha256), SQLBind(upload.storageKey),
                SQLBind(upload.status.rawValue), SQLBind(upload.createdAt), SQLBind(upload.updatedAt)
            ).run()
    }

    static func find(id: String, on sql: any SQLDatabase) async throws -> Upload? {
        try await sql.select().columns(columns.map { SQLIdentifier($0) }).from("uploads").where("id", .equal, id).first().map(decode)
    }

    /// The ready uploads among `ids` (at most 500 are looked up).
    static func ready(ids: [String], on sql: any SQLDatabase) async throws -> [Upload] {
        guard !ids.isEmpty else { return [] }
        return try await sql.select().columns(columns.map { SQLIdentifier($0) }).from("uploads")
            .where("id", .in, Array(Set(ids)).prefix(500).sorted()).where("status", .equal, UploadStatus.ready.rawValue)
            .all().map(decode)
    }

    static func find(storageKey: String, on sql: any SQLDatabase) async throws -> Upload? {
        try await sql.select().columns(columns.map { SQLIdentifier($0) }).from("uploads").where("storage_key", .equal, storageKey)
            .first().map(decode)
    }

    /// The bytes the owner's pending and ready uploads take, leaving out `excluding`.
    static func usage(ownerID: String, excluding: String?, on sql: any SQLDatabase) async throws -> Int64 {
        var select = sql.select()
            .column(SQLRaw("CAST(COALESCE(SUM(size), 0) AS BIGINT)"), as: "used")
            .from("uploads").where("owner_id", .equal, ownerID)
            .where("status", .in, [UploadStatus.pending.rawValue, UploadStatus.ready.rawValue])
        if let excluding { select = select.where("id", .notEqual, excluding) }
        return try await select.first()?.decode(column: "used", as: Int64.self) ?? 0
    }

    /// Marks a pending upload ready with what its bytes turned out to be; `false` when it was no longer pending.
    static func markReady(
        id: String, size: Int64, fileType: FileType, sha256: String, at now: Date, on sql: any SQLDatabase
    ) async throws -> Bool {
        let rows = try await sql.update("uploads")
            .set("size", to: size).set("content_type", to: fileType.rawValue).set("sha256", to: sha256)
            .set("status", to: UploadStatus.ready.rawValue).set("updated_at", to: now)
            .where("id", .equal, id).where("status", .equal, UploadStatus.pending.rawValue)
            .returning("id").all()
        return !rows.isEmpty
    }

    /// Marks an upload failed (hidden, its object to be removed); `false` when it already was.
    static func markFailed(id: String, at now: Date, on sql: any SQLDatabase) async throws -> Bool {
        let rows = try await sql.update("uploads")
            .set("status", to: UploadStatus.failed.rawValue).set("updated_at", to: now)
            .where("id", .equal, id).where("status", .notEqual, UploadStatus.failed.rawValue)
            .returning("id").all()
        return !rows.isEmpty
    }

    static func delete(id: String, on sql: any SQLDatabase) async throws {
        try await sql.delete(from: "uploads").where("id", .equal, id).run()
    }

    /// Failed uploads, and pending ones untouched since `cutoff`, oldest first, at most `limit`.
    static func abandoned(pendingBefore cutoff: Date, limit: Int, on sql: any SQLDatabase) async throws -> [Upload] {
        try await sql.select().columns(columns.map { SQLIdentifier($0) }).from("uploads")
            .where { group in
                group.where("status", .equal, UploadStatus.failed.rawValue)
                    .orWhere { inner in
                        inner.where("status", .equal, UploadStatus.pending.rawValue).where("updated_at", .lessThan, cutoff)
                    }
            }
            .orderBy("updated_at").limit(limit).all().map(decode)
    }

    private static func decode(_ row: any SQLRow) throws -> Upload {
        let purposeText = try row.decode(column: "purpose", as: String.self)
        let typeText = try row.decode(column: "content_type", as: String.self)
        let statusText = try row.decode(column: "status", as: String.self)
        guard let purpose = UploadPurpose(rawValue: purposeText), let fileType = FileType(rawValue: typeText),
            let status = UploadStatus(rawValue: statusText)
        else {
            throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "Unknown upload purpose, type or status"))
        }
        return Upload(
            id: try row.decode(column: "id", as: String.self), ownerID: try row.decode(column: "owner_id", as: String.self),
            purpose: purpose, filename: try row.decode(column: "filename", as: String.self), size: try row.decode(column: "size", as: Int64.self),
            fileType: fileType, sha256: try row.decode(column: "sha256", as: String?.self),
            storageKey: try row.decode(column: "storage_key", as: String.self), status: status,
            createdAt: try row.decode(column: "created_at", as: Date.self), updatedAt: try row.decode(column: "updated_at", as: Date.self)
        )
    }
}
