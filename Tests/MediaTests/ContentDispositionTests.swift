import Testing
@testable import Media

@Suite("Content-Disposition of served uploads")
struct ContentDispositionTests {
    @Test("Content-Disposition is inline only for safe types and carries the name in both forms")
    func disposition() {
        #expect(ContentDisposition.value(for: .pdf, filename: "Zoë \"1\".pdf") == "inline; filename=\"Zo_ _1_.pdf\"; filename*=UTF-8''Zo%C3%AB%20%221%22.pdf")
        #expect(ContentDisposition.value(for: .html, filename: "page.html").hasPrefix("attachment;"))
        #expect(ContentDisposition.value(for: .svg, filename: "logo.svg").hasPrefix("attachment;"))
        #expect(ContentDisposition.value(for: .text, filename: "a.txt").hasPrefix("attachment;"))
    }
}
