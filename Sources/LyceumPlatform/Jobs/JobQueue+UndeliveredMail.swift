import Foundation
import SQLKit

/// A `SendMail` job that died: the relay refused the message for good, or every attempt failed. Admins find
/// these on `/admin/jobs` and retry them once the cause is fixed.
public struct UndeliveredMail: Sendable, Equatable {
    /// The job, with its attempts and last error.
    public let job: JobRecord
    /// Who the message was for.
    public let recipient: String
    /// The message's subject.
    public let subject: String
}

extension JobQueue {
    /// Dead mail jobs, most recently failed first, read in one query.
    public func undeliveredMail(limit: Int = 50) async throws -> [UndeliveredMail] {
        try await database.read { sql in
            try await sql.select().columns((JobRecord.columns + ["payload"]).map { SQLColumn($0) }).from("jobs")
                .where("name", .equal, SendMail.jobName)
                .where("state", .equal, JobState.dead.rawValue)
                .orderBy("updated_at", .descending).orderBy("id", .descending)
                .limit(limit)
                .all()
                .map { row in
                    let payload = try row.decode(column: "payload", as: String.self)
                    let message = (try? JSONDecoder().decode(SendMail.self, from: Data(payload.utf8)))?.message
                    return UndeliveredMail(
                        job: try JobRecord(row: row), recipient: message?.recipient ?? "(unreadable)", subject: message?.subject ?? "(unreadable)"
                    )
                }
        }
    }
}
