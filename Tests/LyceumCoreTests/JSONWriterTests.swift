import Foundation
import LyceumCore
import NIOCore
import Testing

@Suite("JSON writer")
struct JSONWriterTests {
    struct Sample: Codable, Equatable, JSONWritable {
        let text: String
        let count: Int
        let flag: Bool
        let missing: String?
        let at: Date
        let list: [String]

        func write(to writer: inout JSONWriter) {
            writer.beginObject()
            writer.key("text")
            writer.string(text)
            writer.key("count")
            writer.int(count)
            writer.key("flag")
            writer.bool(flag)
            writer.key("missing")
            writer.string(missing)
            writer.key("at")
            writer.date(at)
            writer.key("list")
            writer.beginArray()
            for item in list { writer.string(item) }
            writer.endArray()
            writer.endObject()
        }
    }

    @Test(
        "output decodes to the same value as the Codable form",
        arguments: [
            "plain", "quote \" and backslash \\", "new\nline\ttab\r", "\u{0001}\u{001F} control", "Zoë 日本語 🎓",
            "</script><script>alert(1)</script>", "",
        ]
    )
    func matchesCodable(text: String) throws {
        let sample = Sample(
            text: text, count: -42, flag: true, missing: nil, at: Date(timeIntervalSince1970: 1_795_463_902),
            list: [text, "b"]
        )
        let bytes = JSONWriter.encode(sample)
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let decoded = try decoder.decode(Sample.self, from: Data(bytes.readableBytesView))
        #expect(decoded == sample)
    }

    @Test("dates are written like JSONEncoder's iso8601 strategy")
    func dates() throws {
        let date = Date(timeIntervalSince1970: 951_782_400.9)
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        let expected = String(decoding: try encoder.encode([date]), as: UTF8.self)
        var writer = JSONWriter()
        writer.beginArray()
        writer.date(date)
        writer.endArray()
        #expect(String(buffer: writer.buffer) == expected)
    }
}
