import Foundation
import HTTPTypes
import Identity
import LyceumApp
import LyceumContracts
@testable import Realtime
import Testing

/// The chat part of a matrix cell: the fixture course's room, named `{room}`, with a message the enrolled
/// student sent, named `{message}`, carrying an attachment of theirs named `{upload}`. Made only for routes that
/// name a message or a message's file.
struct MatrixChatFixture: Sendable {
    let messageID: String
    let uploadID: String

    static func make(for route: ServedRoute, cast: MatrixCast, courseID: String) async throws -> MatrixChatFixture? {
        guard route.path.contains("{message}") || route.path.hasPrefix("/messages/{room}/attachments/") else { return nil }
        // Unthrottled, so the student's fixture messages never spend the budget the routes are checked against.
        let chat = try ChatService(context: cast.app.services.context, publisher: RecordingPublisher(), sendBudget: nil)
        let upload = try await MatrixMediaFixture.attachment(cast: cast)
        let message = try await chat.send(
            try #require(cast.principal(.student)), "course-\(courseID)", body: "Matrix message", attachmentIds: [upload]
        )
        return MatrixChatFixture(messageID: message.id, uploadID: upload)
    }

    /// The value of a chat path placeholder, `nil` for others.
    static func resolve(_ segment: Substring, fixture: MatrixFixture) -> String? {
        switch segment {
        case "{room}": "course-\(fixture.courseID)"
        case "{message}": fixture.chat?.messageID
        case "{upload}": fixture.chat?.uploadID
        case "{emoji}": "%F0%9F%91%8D"
        default: nil
        }
    }

    /// The JSON body of a chat route that a caller who may use it gets a success with.
    static func apiBody(_ route: ServedRoute, cast: MatrixCast, role: MatrixRole) -> [String: any Sendable]? {
        switch (route.method, route.path) {
        case (.post, "/api/v1/rooms"):
            ["memberIds": [cast.accounts[role == .student ? .otherStudent : .student]?.id ?? ""]]
        case (.post, "/api/v1/rooms/{room}/messages"): ["body": "Matrix says hello"]
        case (.patch, "/api/v1/rooms/{room}/messages/{message}"): ["body": "Matrix edit"]
        case (.post, "/api/v1/rooms/{room}/read"): ["seq": 0]
        default: nil
        }
    }
}
