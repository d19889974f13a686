import Foundation
import NIOCore

/// A type that writes itself as JSON, for hot responses where `JSONEncoder` costs more than the request.
///
/// Each conforming type has a test that decodes its output with `JSONDecoder` and compares it
/// with its `Codable` form, so the fast path cannot drift from the schema.
public protocol JSONWritable {
    /// Writes the value as one JSON value.
    func write(to writer: inout JSONWriter)
}

/// A minimal streaming JSON writer into a `ByteBuffer` with correct string escaping.
///
/// Commas are inserted automatically between members and elements.
public struct JSONWriter {
    /// The JSON written so far.
    public private(set) var buffer: ByteBuffer
    private var needsComma = false

    /// Creates a writer with room for `capacity` bytes before it grows.
    public init(capacity: Int = 512) {
        buffer = ByteBufferAllocator().buffer(capacity: capacity)
    }

    /// Writes a complete value and returns the bytes.
    public static func encode(_ value: some JSONWritable, capacity: Int = 512) -> ByteBuffer {
        var writer = JSONWriter(capacity: capacity)
        value.write(to: &writer)
        return writer.buffer
    }

    /// Opens an object: `{`.
    public mutating func beginObject() {
        separate()
        buffer.writeInteger(UInt8(ascii: "{"))
        needsComma = false
    }

    /// Closes an object: `}`.
    public mutating func endObject() {
        buffer.writeInteger(UInt8(ascii: "}"))
        needsComma = true
    }

    /// Opens an array: `[`.
    public mutating func beginArray() {
        separate()
        buffer.writeInteger(UInt8(ascii: "["))
        needsComma = false
    }

    /// Closes an array: `]`.
    public mutating func endArray() {
        buffer.writeInteger(UInt8(ascii: "]"))
        needsComma = true
    }

    /// Writes an object member's key; the next call writes its value.
    public mutating func key(_ name: StaticString) {
        separate()
        buffer.writeInteger(UInt8(ascii: "\""))
        name.withUTF8Buffer { _ = buffer.writeBytes($0) }
        buffer.writeStaticString("\":")
        needsComma = false
    }

    /// Writes an object member's key that is only known at run time, escaped.
    public mutating func key(escaping name: String) {
        separate()
        writeEscaped(name)
        buffer.writeInteger(UInt8(ascii: ":"))
        needsComma = false
    }

    /// Writes a string value, escaped.
    public mutating func string(_ value: String) {
        separate()
        writeEscaped(value)
        needsComma = true
    }

    /// Writes a string value, or `null` when absent.
    public mutating func string(_ value: String?) {
        if let value { string(value) } else { null() }
    }

    /// Writes an integer value.
    public mutating func int(_ value: Int) {
        separate()
        buffer.writeString(String(value))
        needsComma = true
    }

    /// Writes `true` or `false`.
    public mutating func bool(_ value: Bool) {
        separate()
        buffer.writeStaticString(value ? "true" : "false")
        needsComma = true
    }

    /// Writes `null`.
    public mutating func null() {
        separate()
        buffer.writeStaticString("null")
        needsComma = true
    }

    /// Writes a timestamp as ISO-8601 UTC with second precision, the same text `JSONEncoder`'s `.iso8601` writes.
    public mutating func date(_ value: Date) {
        separate()
        buffer.writeInteger(UInt8(ascii: "\""))
        ISO8601Text.write(value, into: &buffer)
        buffer.writeInteger(UInt8(ascii: "\""))
        needsComma = true
    }

    /// Writes JSON that another writer produced, as one value.
    public mutating func raw(_ json: ByteBuffer) {
        separate()
        var json = json
        buffer.writeBuffer(&json)
        needsComma = true
    }

    /// Writes a nested value that knows how to write itself.
    public mutating func value(_ value: some JSONWritable) {
        value.write(to: &self)
        needsComma = true
    }

    private mutating func separate() {
        if needsComma {
            buffer.writeInteger(UInt8(ascii: ","))
            needsComma = false
        }
    }

    private mutating func writeEscaped(_ value: String) {
        buffer.writeInteger(UInt8(ascii: "\""))
        let needsEscaping = value.utf8.contains { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }
        if !needsEscaping {
            buffer.writeString(value)
        } else {
            for byte in value.utf8 {
                switch byte {
                case UInt8(ascii: "\""): buffer.writeStaticString("\\\"")
                case UInt8(ascii: "\\"): buffer.writeStaticString("\\\\")
                case 0x0A: buffer.writeStaticString("\\n")
                case 0x0D: buffer.writeStaticString("\\r")
                case 0x09: buffer.writeStaticString("\\t")
                case 0x00..<0x20:
                    let digits = Array("0123456789abcdef".utf8)
                    buffer.writeStaticString("\\u00")
                    buffer.writeInteger(digits[Int(byte >> 4)])
                    buffer.writeInteger(digits[Int(byte & 0x0F)])
                default:
                    buffer.writeInteger(byte)
                }
            }
        }
        buffer.writeInteger(UInt8(ascii: "\""))
    }
}

/// ISO-8601 formatting without `DateFormatter`, which is slow and not thread-friendly.
public enum ISO8601Text {
    /// Writes `value` as `YYYY-MM-DDTHH:MM:SSZ`.
    public static func write(_ value: Date, into buffer: inout ByteBuffer) {
        var seconds = time_t(value.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        gmtime_r(&seconds, &parts)
        writeDigits(Int(parts.tm_year) + 1900, width: 4, into: &buffer)
        buffer.writeInteger(UInt8(ascii: "-"))
        writeDigits(Int(parts.tm_mon) + 1, width: 2, into: &buffer)
        buffer.writeInteger(UInt8(ascii: "-"))
        writeDigits(Int(parts.tm_mday), width: 2, into: &buffer)
        buffer.writeInteger(UInt8(ascii: "T"))
        writeDigits(Int(parts.tm_hour), width: 2, into: &buffer)
        buffer.writeInteger(UInt8(ascii: ":"))
        writeDigits(Int(parts.tm_min), width: 2, into: &buffer)
        buffer.writeInteger(UInt8(ascii: ":"))
        writeDigits(Int(parts.tm_sec), width: 2, into: &buffer)
        buffer.writeInteger(UInt8(ascii: "Z"))
    }

    /// The same text as a `String`.
    public static func string(_ value: Date) -> String {
        var buffer = ByteBufferAllocator().buffer(capacity: 20)
        write(value, into: &buffer)
        return String(buffer: buffer)
    }

    private static func writeDigits(_ number: Int, width: Int, into buffer: inout ByteBuffer) {
        var divisor = 1
        for _ in 1..<width { divisor *= 10 }
        var remaining = number
        while divisor > 0 {
            buffer.writeInteger(UInt8(ascii: "0") + UInt8(remaining / divisor % 10))
            remaining %= divisor
            divisor /= 10
        }
    }
}
