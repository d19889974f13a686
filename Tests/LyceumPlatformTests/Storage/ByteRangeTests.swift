import LyceumPlatform
import Testing

@Suite("Byte ranges")
struct ByteRangeTests {
    @Test("parses the three single-range forms", arguments: [
        ("bytes=0-499", ByteRange.bounded(first: 0, last: 499)),
        ("bytes=500-", ByteRange.from(first: 500)),
        ("bytes=-200", ByteRange.suffix(length: 200)),
        (" Bytes = 7-7 ", ByteRange.bounded(first: 7, last: 7)),
    ])
    func parses(header: String, expected: ByteRange) {
        #expect(ByteRange(header: header) == expected)
    }

    @Test("ignores what it cannot serve: other units, bad syntax, reversed bounds, several ranges", arguments: [
        "items=0-1", "bytes=", "bytes=-", "bytes=a-b", "bytes=5-1", "bytes=0-1,4-5", "bytes=+1-2", "bytes 0-1",
        "bytes=99999999999999999999-",
    ])
    func ignores(header: String) {
        #expect(ByteRange(header: header) == nil)
        #expect(ByteRange.evaluate(header: header, size: 100) == .whole)
    }

    @Test("resolves against the object's size, clamping the end")
    func resolves() {
        #expect(ByteRange.evaluate(header: "bytes=0-9", size: 100) == .partial(0...9))
        #expect(ByteRange.evaluate(header: "bytes=90-200", size: 100) == .partial(90...99))
        #expect(ByteRange.evaluate(header: "bytes=95-", size: 100) == .partial(95...99))
        #expect(ByteRange.evaluate(header: "bytes=-10", size: 100) == .partial(90...99))
        #expect(ByteRange.evaluate(header: "bytes=-500", size: 100) == .partial(0...99))
        #expect(ByteRange.evaluate(header: nil, size: 100) == .whole)
    }

    @Test("416 cases: starting at or past the end, an empty suffix, any range of an empty object")
    func unsatisfiable() {
        #expect(ByteRange.evaluate(header: "bytes=100-", size: 100) == .unsatisfiable)
        #expect(ByteRange.evaluate(header: "bytes=100-150", size: 100) == .unsatisfiable)
        #expect(ByteRange.evaluate(header: "bytes=-0", size: 100) == .unsatisfiable)
        #expect(ByteRange.evaluate(header: "bytes=0-0", size: 0) == .unsatisfiable)
        #expect(ByteRange.evaluate(header: "bytes=-5", size: 0) == .unsatisfiable)
    }

    @Test("writes the header it parses")
    func roundTrips() {
        for range in [ByteRange.bounded(first: 3, last: 9), .from(first: 4), .suffix(length: 5)] {
            #expect(ByteRange(header: range.headerValue) == range)
        }
    }
}
