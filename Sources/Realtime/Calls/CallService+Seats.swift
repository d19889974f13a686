import Foundation
import Logging
import LyceumCore
import LyceumPlatform

/// Seats ending: a participant leaving, a connection closing, a replica going quiet, and the call's end.
extension CallService {
    /// Records that `connectionID` holds the user's seat, freeing the seat at once if the connection closed
    /// while the command ran (its close found no seat to free yet).
    func seated(_ callID: String, userID: String, connectionID: String) async throws {
        guard !seats.seated(connectionID) else { return }
        try await free(CallSeat(callID: callID, userID: userID, connectionID: connectionID), onConnectionOnly: true, endReason: "empty")
    }

    /// Frees a seat, only while it is still held on `seat.connectionID` when `onConnectionOnly`; the call
    /// hears `call.participant.left`, and ends with `endReason` when nobody is left joined.
    func free(_ seat: CallSeat, onConnectionOnly: Bool, endReason: String) async throws {
        let now = chat.clock.nowForStorage()
        let connection = onConnectionOnly ? seat.connectionID : nil
        let (left, missed) = try await database.transaction { sql -> (Bool, [String]?) in
            guard let call = try await CallStore.lock(seat.callID, on: sql), call.isActive,
                try await CallStore.leave(call.id, userID: seat.userID, connectionID: connection, at: now, on: sql)
            else { return (false, nil) }
            guard try await CallStore.joinedCount(call.id, on: sql) == 0 else { return (true, nil) }
            return (true, try await CallStore.end(call.id, reason: endReason, at: now, on: sql))
        }
        if left { await publisher.publish(CallFrames.participant(seat.callID, userID: seat.userID, event: "call.participant.left")) }
        if let missed { try await announceEnd(seat.callID, missed: missed) }
    }

    /// Tells the call and its room that it ended, and the invitees still ringing to stop.
    func announceEnd(_ callID: String, missed: [String]) async throws {
        let call = try await call(callID)
        await publisher.publish(CallFrames.call(call, event: "call.ended", topic: CallFrames.topic(call.id)))
        await publisher.publish(CallFrames.call(call, event: "call.ended", topic: RoomID.topicPrefix + call.roomId))
        for user in missed { await publisher.publish(CallFrames.ringingEnded(call.id, userID: user, reason: "ended")) }
    }

    /// The user left `room` (unenrolled, removed from the group): unless they are back in it, their seat in
    /// its active call is freed and their subscription to the call's topic ends, on every replica.
    func membershipEnded(userID: String, room: RoomID, reason: String) async throws {
        guard !(try await chat.isMember(userID: userID, of: room)),
            let call = try await database.read({ sql in try await CallStore.active(roomID: room.text, on: sql) })
        else { return }
        try await free(CallSeat(callID: call.id, userID: userID, connectionID: ""), onConnectionOnly: false, endReason: "empty")
        await publisher.endSubscriptions(userID: userID, topic: CallFrames.topic(call.id), reason: reason)
    }

    /// Frees every seat held on a connection that closed.
    func connectionClosed(_ connectionID: String) async {
        do {
            let held = try await database.read { sql in try await CallStore.seats(onConnection: connectionID, on: sql) }
            for seat in held { try await free(seat, onConnectionOnly: true, endReason: "empty") }
        } catch {
            logger.warning("Could not free the call seats of a closed connection", metadata: ["connection": "\(connectionID)", "error": "\(error)"])
        }
    }

    /// Marks the seats held on this replica as seen now.
    func refreshSeats() async throws {
        let held = seats.seatedConnections
        let now = chat.clock.nowForStorage()
        for start in stride(from: 0, to: held.count, by: 500) {
            let batch = Array(held[start..<min(start + 500, held.count)])
            try await database.transaction { sql in try await CallStore.refresh(connectionIDs: batch, at: now, on: sql) }
        }
    }

    /// Frees the seats no replica refreshed within `timeout` (their replica died), ending calls left empty
    /// (reason `stale`), and forgets stored signals nobody needs any more.
    func sweep(timeout: Duration) async throws {
        let now = chat.clock.nowForStorage()
        let cutoff = now.addingTimeInterval(-TimeInterval(timeout.components.seconds) - Double(timeout.components.attoseconds) / 1e18)
        let stale = try await database.read { sql in try await CallStore.staleSeats(before: cutoff, limit: CallRules.sweepBatch, on: sql) }
        for seat in stale { try await free(seat, onConnectionOnly: true, endReason: "stale") }
        let expired = now.addingTimeInterval(-CallRules.storedSignalLifetime)
        try await database.transaction { sql in try await CallStore.deleteSignals(before: expired, on: sql) }
    }
}
