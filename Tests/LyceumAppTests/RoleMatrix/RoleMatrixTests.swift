import Courses
import Foundation
import HTTPTypes
import Identity
import LyceumApp
import LyceumContracts
import LyceumCore
import LyceumTestSupport
import NIOCore
import Testing

/// Every route of the router, called as every kind of caller, against the status table checked in beside
/// this file (`role-matrix.tsv`). A route added without a row, or an authorization change, fails here.
///
/// Each cell runs against a fresh course and fresh sign-ins, so one cell's change (a deleted course, a
/// sign-out) never leaks into another. Set `LYCEUM_RECORD_ROLE_MATRIX=1` to rewrite the table, then review
/// its diff like code.
@Suite("Role matrix")
struct RoleMatrixTests {
    static let tablePath = URL(filePath: #filePath).deletingLastPathComponent().appending(path: "role-matrix.tsv").path

    @Test("every route answers each caller as the checked-in table says", arguments: TestEngine.available)
    func matrix(engine: TestEngine) async throws {
        let routes = try await RouterRoutes.all()
        try await TestApp.run(engine) { app in
            let cast = try await MatrixCast.assemble(app)
            var rows: [String: [String]] = [:]
            for route in routes {
                var cells: [String] = []
                for role in MatrixRole.allCases {
                    let fixture = try await cast.fixture(for: route, as: role)
                    let reply = try await MatrixRequests.send(route, as: role, fixture: fixture, cast: cast, app: app)
                    #expect(reply.status.code < 500, "\(route) as \(role.rawValue) answered \(reply.status): \(reply.text.prefix(300))")
                    cells.append(String(reply.status.code))
                }
                rows[route.description] = cells
            }
            let header = (["route"] + MatrixRole.allCases.map(\.rawValue)).joined(separator: "\t")
            let table = ([header] + routes.map { ([$0.description] + (rows[$0.description] ?? [])).joined(separator: "\t") })
                .joined(separator: "\n") + "\n"
            if ProcessInfo.processInfo.environment["LYCEUM_RECORD_ROLE_MATRIX"] == "1" {
                try table.write(toFile: Self.tablePath, atomically: true, encoding: .utf8)
                Issue.record("Recorded \(Self.tablePath); review the diff and run again without LYCEUM_RECORD_ROLE_MATRIX.")
                return
            }
            let expected = try String(contentsOfFile: Self.tablePath, encoding: .utf8)
            let expectedRows = Dictionary(uniqueKeysWithValues: expected.split(separator: "\n").dropFirst().map { line in
                let parts = line.split(separator: "\t").map(String.init)
                return (parts[0], Array(parts.dropFirst()))
            })
            #expect(expected.split(separator: "\n").first.map(String.init) == header, "the table's columns changed")
            for route in routes {
                guard let want = expectedRows[route.description] else {
                    Issue.record("\(route) has no row in role-matrix.tsv")
                    continue
                }
                let got = rows[route.description] ?? []
                for (index, role) in MatrixRole.allCases.enumerated() where want[index] != got[index] {
                    Issue.record("\(route) as \(role.rawValue): expected \(want[index]), got \(got[index])")
                }
            }
            #expect(Set(expectedRows.keys) == Set(routes.map(\.description)), "the table lists routes the router does not serve")
        }
    }
}

/// The kinds of caller, least privileged first.
enum MatrixRole: String, CaseIterable, Sendable {
    case anonymous, deactivated, otherStudent = "other-student", student, assistant
    case coInstructor = "co-instructor", owner, admin
}
