import LyceumPlatform
import Testing

@Suite("Object keys")
struct ObjectKeyTests {
    @Test("accepts ordinary keys", arguments: ["a", "uploads/2f1c/lecture 1.mp4", "avatars/ü/ß.png", "a-b_c~d/e.f"])
    func accepts(key: String) throws {
        #expect(try ObjectKey(key).value == key)
    }

    @Test("refuses keys that could leave the directory or mean something else", arguments: [
        "", "..", "../etc/passwd", "a/../../b", "a/./b", ".", "/etc/passwd", "a//b", "a/", "a\\..\\b", "..\\x", "a\u{0}b",
        "a\nb", "a/.hidden", ".incoming/x", String(repeating: "x", count: 1_025),
    ])
    func refuses(key: String) {
        #expect(throws: ObjectStoreError.self) { try ObjectKey(key) }
    }
}
