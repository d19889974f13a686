import Foundation
import LyceumApp
import LyceumContracts
@testable import Realtime
import Testing

/// The call part of a matrix cell: an ended call in the fixture course's room, named `{call}`. Made only
/// for routes that name a call.
enum MatrixCallFixture {
    static func make(for route: ServedRoute, cast: MatrixCast, courseID: String) async throws -> String? {
        guard route.path.contains("{call}") else { return nil }
        let calls = try cast.app.services.require(CallService.self)
        // No socket holds the seat, so the call ends at once, leaving a call in the room's history.
        let call = try await calls.start(try #require(cast.principal(.owner)), roomID: "course-\(courseID)", invite: nil, connectionID: "matrix")
        return call.id
    }
}
