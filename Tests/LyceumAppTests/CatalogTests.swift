import Foundation
import HTTPTypes
import Identity
import LyceumApp
import LyceumContracts
import LyceumCore
import LyceumPlatform
import LyceumTestSupport
import Testing

@Suite("Catalog")
struct CatalogTests {
    @Test("full-text search, filters, sorting and pages over published courses", arguments: TestEngine.available)
    func search(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let owner = try await app.account(role: .instructor)
            let students = try await (0..<3).asyncMap { _ in try await app.register() }
            let swift = try await app.buildCourse(
                owner: owner, title: "Server Swift", extra: ["tags": ["backend", "concurrency"], "level": "advanced", "category": "Programming"],
                modules: 1, lessonsPerModule: 2, lessonTitles: ["Structured concurrency", "Actors and isolation"]
            )
            let baking = try await app.buildCourse(
                owner: owner, title: "Bread Baking", extra: ["tags": ["sourdough"], "category": "Cooking", "language": "fr"],
                modules: 1, lessonsPerModule: 1, lessonTitles: ["Feeding a starter"]
            )
            let paid = try await app.buildCourse(
                owner: owner, title: "Advanced Sourdough", extra: ["priceMinor": 1500, "category": "Cooking", "level": "advanced"],
                modules: 1, lessonsPerModule: 1
            )
            _ = try await app.buildCourse(owner: owner, title: "Unpublished Swift Draft", modules: 1, lessonsPerModule: 1, publish: false)
            for student in students {
                _ = try await app.request(.post, "/api/v1/courses/\(baking.id)/enrollment", token: student.accessToken)
            }
            _ = try await app.request(.post, "/api/v1/courses/\(swift.id)/enrollment", token: students[0].accessToken)

            func ids(_ path: String) async throws -> [String] {
                let reply = try await app.request(.get, path)
                #expect(reply.status == .ok, "\(path): \(reply.text)")
                return reply.items.compactMap { $0["id"] as? String }
            }
            #expect(try await ids("/api/v1/courses?q=actors") == [swift.id])
            #expect(try await ids("/api/v1/courses?q=SOURDOUGH").sorted() == [baking.id, paid.id].sorted())
            #expect(try await ids("/api/v1/courses?q=sourdough").first == paid.id)
            #expect(try await ids("/api/v1/courses?q=concurr") == [swift.id])
            #expect(try await ids("/api/v1/courses?q=swift") == [swift.id])
            #expect(try await ids("/api/v1/courses?q=%22%29%28*%20OR") == [])
            #expect(try await ids("/api/v1/courses?price=paid") == [paid.id])
            #expect(Set(try await ids("/api/v1/courses?price=free")) == [swift.id, baking.id])
            #expect(Set(try await ids("/api/v1/courses?level=advanced")) == [swift.id, paid.id])
            #expect(try await ids("/api/v1/courses?language=fr") == [baking.id])
            #expect(Set(try await ids("/api/v1/courses?category=Cooking")) == [baking.id, paid.id])
            #expect(try await ids("/api/v1/courses?sort=popular").prefix(2) == [baking.id, swift.id])
            #expect(try await ids("/api/v1/courses?sort=newest") == [paid.id, baking.id, swift.id])

            let first = try await app.request(.get, "/api/v1/courses?limit=2")
            #expect(first.items.count == 2)
            let cursor = try #require(first.json["nextCursor"] as? String)
            let second = try await app.request(.get, "/api/v1/courses?limit=2&cursor=\(cursor)")
            #expect(second.items.count == 1)
            #expect(second.json["nextCursor"] is NSNull)

            _ = try await app.request(.patch, "/api/v1/courses/\(baking.id)", json: ["title": "Rustic Loaves", "summary": "Crusty loaves at home."], token: owner.accessToken)
            #expect(try await ids("/api/v1/courses?q=rustic") == [baking.id])
            #expect(try await ids("/api/v1/courses?q=bread") == [])
        }
    }
}

extension Sequence {
    func asyncMap<Result>(_ transform: (Element) async throws -> Result) async rethrows -> [Result] {
        var results: [Result] = []
        for element in self { results.append(try await transform(element)) }
        return results
    }
}
