import Foundation

/// Finds one member's value inside a JSON text without decoding it, so a signal's `data` is relayed byte for
/// byte as the sender wrote it, whatever it holds.
enum JSONMember {
    /// The bytes of the value at `path` (object keys, outermost first) in `json`, which must be valid JSON
    /// (the socket decoded it before); `nil` when a key is absent or a level is not an object.
    static func value(at path: [String], in json: Data) -> Data? {
        let bytes = [UInt8](json)
        var range = 0..<bytes.count
        for key in path {
            guard let found = member(key, in: bytes, range) else { return nil }
            range = found
        }
        return Data(bytes[range])
    }

    private static let quote = UInt8(ascii: "\""), backslash = UInt8(ascii: "\\")

    /// The range of the value of `key` in the object starting (after whitespace) at `range`'s start.
    private static func member(_ key: String, in bytes: [UInt8], _ range: Range<Int>) -> Range<Int>? {
        let end = range.upperBound
        var index = skipSpace(bytes, range.lowerBound, end)
        guard index < end, bytes[index] == UInt8(ascii: "{") else { return nil }
        index += 1
        while true {
            index = skipSpace(bytes, index, end)
            guard index < end, bytes[index] != UInt8(ascii: "}") else { return nil }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
                continue
            }
            guard bytes[index] == quote, let nameEnd = stringEnd(bytes, index, end) else { return nil }
            let name = self.name(bytes[index..<nameEnd])
            index = skipSpace(bytes, nameEnd, end)
            guard index < end, bytes[index] == UInt8(ascii: ":") else { return nil }
            index = skipSpace(bytes, index + 1, end)
            guard let valueEnd = valueEnd(bytes, index, end) else { return nil }
            if name == key { return index..<valueEnd }
            index = valueEnd
        }
    }

    /// A member name (quotes included in `bytes`), unescaped.
    private static func name(_ bytes: ArraySlice<UInt8>) -> String? {
        guard bytes.contains(backslash) else { return String(decoding: bytes.dropFirst().dropLast(), as: UTF8.self) }
        return try? JSONDecoder().decode(String.self, from: Data(bytes))
    }

    private static func skipSpace(_ bytes: [UInt8], _ start: Int, _ end: Int) -> Int {
        var index = start
        while index < end, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
        return index
    }

    /// The index after the string starting with the quote at `start`.
    private static func stringEnd(_ bytes: [UInt8], _ start: Int, _ end: Int) -> Int? {
        var index = start + 1
        while index < end {
            switch bytes[index] {
            case backslash: index += 2
            case quote: return index + 1
            default: index += 1
            }
        }
        return nil
    }

    /// The index after the value starting at `start`.
    private static func valueEnd(_ bytes: [UInt8], _ start: Int, _ end: Int) -> Int? {
        guard start < end else { return nil }
        switch bytes[start] {
        case quote:
            return stringEnd(bytes, start, end)
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            var depth = 0
            var index = start
            while index < end {
                switch bytes[index] {
                case quote:
                    guard let after = stringEnd(bytes, index, end) else { return nil }
                    index = after
                    continue
                case UInt8(ascii: "{"), UInt8(ascii: "["):
                    depth += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    depth -= 1
                    if depth == 0 { return index + 1 }
                default:
                    break
                }
                index += 1
            }
            return nil
        default:
            var index = start
            while index < end, ![UInt8(ascii: ","), UInt8(ascii: "}"), UInt8(ascii: "]"), 0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) {
                index += 1
            }
            return index
        }
    }
}
