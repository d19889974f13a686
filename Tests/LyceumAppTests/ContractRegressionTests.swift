import Foundation
import HTTPTypes
import Identity
import LyceumApp
import LyceumCore
import LyceumTestSupport
import Testing

/// Server bugs that the contract tests (scripts/contract-test, schemathesis) found, each pinned by a test.
@Suite("Contract regressions")
struct ContractRegressionTests {
    @Test("deleting a quiz without a token answers 401, not whether the quiz exists", arguments: TestEngine.available)
    func deleteQuizNeedsTokenFirst(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let unknown = try await app.request(.delete, "/api/v1/quizzes/\(UUID().uuidString.lowercased())")
            #expect(unknown.status == .unauthorized)
            #expect(unknown.errorCode == "unauthenticated")
        }
    }
}
