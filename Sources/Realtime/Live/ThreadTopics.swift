import LyceumContracts
import LyceumCore

/// The `thread:<threadId>` topics: a forum thread's live updates (`reply.created`), for anyone who may read
/// the thread, as Community says (`ForumThreadAccess`). Anyone else gets 404 `topic_not_found`, whether or
/// not the thread exists. No stored stream: a client that reconnects reloads the thread through REST.
struct ThreadTopics: RealtimeTopics {
    let threads: any ForumThreadAccess

    var prefix: String { "thread:" }

    /// The topic of a thread.
    static func topic(of threadID: String) -> String { "thread:\(threadID)" }

    func join(_ principal: Principal, topic: String, since: Int64?) async throws -> TopicJoin {
        let threadID = String(topic.dropFirst(prefix.count))
        guard !threadID.isEmpty, try await threads.canRead(principal, threadID: threadID) else {
            throw AppError(status: 404, code: "topic_not_found", message: "No such thread, or you may not read it.")
        }
        return TopicJoin(position: nil)
    }
}
