import Foundation
import HTTPTypes
import LyceumApp
import LyceumTestSupport
import Testing

@Suite("Page crawl")
struct PageCrawlTests {
    /// Who crawls: a visitor, a student with progress, an instructor who owns courses, and the administrator.
    static let crawlers: [(name: String, email: String?)] = [
        ("visitor", nil), ("student", "amara.okafor@demo.lyceum.test"), ("instructor", "hypatia@demo.lyceum.test"),
        ("admin", "admin@demo.lyceum.test"),
    ]

    @Test("every page reachable as each role renders no nil, Optional(, empty link or template tag", arguments: TestEngine.available)
    func crawlDemoSchool(engine: TestEngine) async throws {
        try await TestApp.run(engine) { app in
            _ = try await DemoSchool.seed(app.services)
            for crawler in Self.crawlers {
                let browser = Browser(app)
                _ = try await browser.get("/signin")
                if let email = crawler.email {
                    let signedIn = try await browser.post("/signin", form: ["email": email, "password": DemoSchool.password])
                    try #require(signedIn.status == .seeOther, "\(crawler.name) could not sign in")
                }
                let visited = try await Self.crawl(browser, as: crawler.name)
                #expect(visited.count >= (crawler.email == nil ? 8 : 15), "\(crawler.name) reached only \(visited.count) pages")
                if crawler.name == "student" {
                    // The demo's community part is reachable: the course board's threads and the study group.
                    #expect(visited.contains { $0.hasPrefix("/threads/") }, "the student reached no thread")
                    #expect(visited.contains { $0.hasPrefix("/groups/") }, "the student reached no study group")
                    #expect(try await browser.get("/").text.contains("Welcome, and how to get help"), "the pinned announcement is on the dashboard")
                }
            }
        }
    }

    /// Follows every same-site link breadth-first (GET only, never sign-out), checking each page.
    static func crawl(_ browser: Browser, as role: String) async throws -> Set<String> {
        var queue = ["/"]
        var visited: Set<String> = []
        while let path = queue.first, visited.count < 400 {
            queue.removeFirst()
            guard visited.insert(path).inserted else { continue }
            let reply = try await browser.get(path)
            #expect(reply.status.code < 500, "\(role): \(path) answered \(reply.status)")
            guard reply.headers[.contentType]?.hasPrefix("text/html") == true else { continue }
            let html = reply.text
            for (pattern, problem) in [(#/\bnil\b/#, "nil"), (#/Optional\(/#, "Optional("), (#/href=""/#, "an empty link"),
                                       (#/action=""/#, "an empty form action"), (#/\{\{|\}\}/#, "an unrendered template tag")] {
                #expect(html.firstMatch(of: pattern) == nil, "\(role): \(path) shows \(problem)")
            }
            for match in html.matches(of: /href="(\/[^"#]*)"/) {
                let link = String(match.1).replacingOccurrences(of: "&amp;", with: "&")
                if link.hasPrefix("/static/") || link == "/signout" || link.hasSuffix(".csv") { continue }
                if !visited.contains(link) { queue.append(link) }
            }
        }
        return visited
    }
}
