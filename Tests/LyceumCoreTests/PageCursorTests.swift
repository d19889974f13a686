import Foundation
import LyceumCore
import Testing

@Suite("Page cursors and limits")
struct PageCursorTests {
    @Test("a cursor survives its text form exactly")
    func roundTrip() throws {
        let cursor = PageCursor(createdAt: Date(timeIntervalSince1970: 1_795_463_902.123), id: "a|b")
        #expect(try PageCursor(decoding: cursor.encoded) == cursor)
    }

    @Test("foreign text is a 400 invalid_cursor", arguments: ["", "%%%", "bm90LWEtY3Vyc29y", String(repeating: "A", count: 400)])
    func rejects(text: String) {
        #expect(throws: AppError.badRequest("invalid_cursor", "The cursor is not one this server issued.")) {
            try PageCursor(decoding: text)
        }
    }

    @Test("limits default to 20 and stay within 1...100")
    func limits() throws {
        #expect(try PageLimit.parse(nil) == 20)
        #expect(try PageLimit.parse("100") == 100)
        for bad in ["0", "101", "-1", "ten"] {
            #expect(throws: AppError.self) { try PageLimit.parse(bad) }
        }
    }

    @Test("tokens are random, URL-safe, and stored only as digests")
    func tokens() {
        let first = SecureToken.generate()
        let second = SecureToken.generate()
        #expect(first != second)
        #expect(first.count == 43)
        #expect(first.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
        #expect(SecureToken.digest(of: first) == SecureToken.digest(of: first))
        #expect(SecureToken.digest(of: first).count == 64)
        #expect(SecureToken.constantTimeEquals(first, first))
        #expect(!SecureToken.constantTimeEquals(first, second))
    }
}
