import Foundation
import LyceumCore

/// The limits and errors of calls.
enum CallRules {
    /// Seats in one call: every participant sends to every other (a mesh), so few.
    static let maxJoined = 6
    /// Users one `call.start` or `call.ring` may ring.
    static let maxRung = 20
    /// What a `call.signal` may carry, as WebRTC's negotiation names it.
    static let signalKinds: Set<String> = ["offer", "answer", "candidate", "renegotiate"]
    /// How long a signal too large for `NOTIFY` is kept for the recipient's replica to read.
    static let storedSignalLifetime: TimeInterval = 60
    /// Stale seats one sweep frees at most.
    static let sweepBatch = 200

    /// A call id as clients name it (a lowercased UUID); `nil` for anything else.
    static func callID(_ text: String) -> String? {
        ChatRules.messageID(text)
    }
}

/// The call errors clients branch on.
enum CallErrors {
    static let notFound = AppError(status: 404, code: "call_not_found", message: "No such call, or you are not in its room.")
    static let notInCall = AppError(status: 403, code: "not_in_call", message: "Join the call first.")
    static let recipientNotInCall = AppError(status: 403, code: "not_in_call", message: "The recipient is not in the call.")
    static let ended = AppError(status: 409, code: "call_ended", message: "The call has ended.")
    static let full = AppError(status: 409, code: "call_full", message: "The call has \(CallRules.maxJoined) participants already.")
    static let notRinging = AppError(status: 409, code: "not_ringing", message: "You are not being rung for this call.")
    static let mayNotEnd = AppError.forbidden("Only who started the call or the room's staff may end it for everyone; leave it instead.")

    /// 409 `call_in_progress`, naming the room's active call in the message and in `fields.callId`.
    static func inProgress(_ callID: String?) -> AppError {
        AppError(
            status: 409, code: "call_in_progress", message: "This room has a call in progress\(callID.map { ": \($0)" } ?? "").",
            fields: callID.map { ["callId": $0] } ?? [:]
        )
    }
}
