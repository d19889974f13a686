import Foundation

/// A board suspension as stored: who may no longer post on a board, who suspended them and when.
struct BoardSuspensionRecord: Sendable, Equatable {
    let userID: String
    let suspendedByID: String
    let createdAt: Date
}

/// A board suspension with the names staff see when deciding to lift it.
struct BoardSuspension: Sendable {
    let record: BoardSuspensionRecord
    let userName: String
    let suspendedByName: String
}
