import LyceumContracts
import LyceumCore
import LyceumPlatform

/// The outcome of a vote: the post's score and the caller's vote after it.
struct VoteResult: Sendable, Equatable {
    let score: Int
    let myVote: Int
}

/// Votes on threads and replies.
extension CommunityService {
    /// Votes +1 or -1 on a post. The same value again removes the vote, the other value flips it. The post's
    /// row is locked first and its score moves by the change in the same transaction, so the score stays the
    /// sum of the votes however many callers vote at once.
    func vote(_ principal: Principal?, post reference: PostReference, value: Int) async throws -> VoteResult {
        let principal = try require(principal)
        guard value == 1 || value == -1 else { throw AppError.validation(["value": "A vote is 1 or -1."]) }
        let (post, thread, access) = try await accessiblePost(principal, reference)
        let postID = post.id
        guard !post.isRemoved, !thread.isRemoved else { throw AppError.conflict("post_removed", "This post was removed.") }
        try access.requireParticipation()
        let locks = database.engine == .postgres
        return try await database.transaction { sql in
            guard try await PostStore.lock(id: postID, engineLocks: locks, on: sql) != nil else { throw AppError.notFound("post") }
            let previous = try await VoteStore.vote(postID: postID, userID: principal.userID, on: sql)
            let next = previous == value ? 0 : value
            try await VoteStore.set(postID: postID, userID: principal.userID, value: next, on: sql)
            let score = try await VoteStore.addToScore(postID: postID, delta: next - previous, on: sql)
            return VoteResult(score: score, myVote: next)
        }
    }
}
