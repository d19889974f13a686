import Foundation
import HTTPTypes
import Identity
import LyceumApp
import LyceumContracts
import LyceumCore
import LyceumPlatform
import LyceumTestSupport
import Testing

@Suite("Cached catalog and course pages")
struct CacheTests {
    @Test("anonymous outlines and catalog pages are cached, revalidate with ETag, and drop on change", arguments: TestEngine.available)
    func invalidation(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            let owner = try await app.account(role: .instructor)
            let course = try await app.buildCourse(owner: owner, title: "Cached Course", modules: 1, lessonsPerModule: 1)
            let first = try await app.request(.get, "/api/v1/courses/\(course.slug)")
            let etag = try #require(first.headers[.eTag])
            let revalidated = try await app.request(.get, "/api/v1/courses/\(course.slug)", headers: [.ifNoneMatch: etag])
            #expect(revalidated.status == .notModified)
            let page = try await app.raw(.get, "/courses/\(course.slug)", headers: [.accept: "text/html"])
            #expect(page.text.contains("Cached Course"))
            #expect(page.text.contains("Sign in to enroll"))
            #expect(page.headers[.contentSecurityPolicy] != nil)
            #expect(try await app.raw(.get, "/courses?q=cached", headers: [.accept: "text/html"]).text.contains("Cached Course"))
            #expect(try await app.request(.get, "/api/v1/courses?q=cached").items.count == 1)

            _ = try await app.request(.patch, "/api/v1/courses/\(course.id)", json: ["title": "Renamed Course"], token: owner.accessToken)
            let after = try await app.request(.get, "/api/v1/courses/\(course.slug)")
            #expect((after.json["course"] as? [String: Any])?["title"] as? String == "Renamed Course")
            #expect(try await app.request(.get, "/api/v1/courses/\(course.slug)", headers: [.ifNoneMatch: etag]).status == .ok)
            #expect(try await app.raw(.get, "/courses/\(course.slug)", headers: [.accept: "text/html"]).text.contains("Renamed Course"))
            #expect(try await app.request(.get, "/api/v1/courses?q=cached").items.first?["title"] as? String == "Renamed Course")

            let student = try await app.register()
            _ = try await app.request(.post, "/api/v1/courses/\(course.id)/enrollment", token: student.accessToken)
            let personal = try await app.request(.get, "/api/v1/courses/\(course.slug)", token: student.accessToken)
            #expect((personal.json["access"] as? [String: Any])?["isEnrolled"] as? Bool == true)
            let anonymous = try await app.request(.get, "/api/v1/courses/\(course.slug)")
            #expect((anonymous.json["access"] as? [String: Any])?["isEnrolled"] as? Bool == false)
            let count = try await app.request(.get, "/api/v1/courses?q=renamed").items.first?["enrollmentCount"] as? Int
            #expect(count == 1)

            _ = try await app.request(.post, "/api/v1/courses/\(course.id)/archive", token: owner.accessToken)
            #expect(try await app.request(.get, "/api/v1/courses/\(course.slug)").status == .notFound)
        }
    }
}
