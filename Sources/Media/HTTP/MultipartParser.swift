#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import LyceumCore
import NIOCore

/// The headers of one part of a `multipart/form-data` body.
struct MultipartPartHead: Sendable, Equatable {
    /// The form field's name.
    let name: String
    /// The file name the client sent, for a file field.
    let filename: String?
    /// The part's `Content-Type`, if sent.
    let contentType: String?
}

/// An incremental `multipart/form-data` parser (RFC 7578) over a stream of buffers: it holds at most one
/// incoming buffer and the few bytes that might begin a boundary, so a part of any size passes through in
/// the chunks it arrived in. Boundaries are found with `memchr` and `memcmp`.
struct MultipartParser<Source: AsyncIteratorProtocol> where Source.Element == ByteBuffer {
    private enum State {
        case preamble
        case inPart
        case afterPart
        case finished
    }

    /// The largest header block of one part.
    static var maxHeaderBytes: Int { 16 * 1024 }

    private var source: Source
    private let delimiter: [UInt8]
    private var buffer: ByteBuffer
    private var state = State.preamble
    private var sourceEnded = false
    private var received: Int64 = 0

    /// The offset in the body of the first byte not yet handed out or skipped (the supplied line break before
    /// the first boundary is not the body's, which is why this can be -2 at the very start).
    var position: Int64 { received - Int64(buffer.readableBytes) }

    /// Parses the body `source` yields, whose parts are separated by `boundary`.
    init(source: Source, boundary: String) {
        self.source = source
        delimiter = Array("\r\n--\(boundary)".utf8)
        // The first boundary needs no line break before it: supply one, so every boundary looks the same.
        buffer = ByteBuffer(string: "\r\n")
    }

    /// The boundary of a `multipart/form-data` content type, or `nil` when it is another type or has none.
    static func boundary(ofContentType contentType: String) -> String? {
        let parameters = contentType.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
        guard parameters.first?.lowercased() == "multipart/form-data" else { return nil }
        for parameter in parameters.dropFirst() {
            guard let equals = parameter.firstIndex(of: "="), parameter[..<equals].lowercased() == "boundary" else { continue }
            var value = parameter[parameter.index(after: equals)...]
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = value.dropFirst().dropLast() }
            // RFC 2046: 1 to 70 characters.
            guard (1...70).contains(value.utf8.count), value.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) else { return nil }
            return String(value)
        }
        return nil
    }

    /// The next part's headers, skipping what is left of the current part; `nil` after the closing boundary.
    mutating func nextPart() async throws -> MultipartPartHead? {
        while state == .inPart { _ = try await nextChunk() }
        if state == .preamble {
            while true {
                if let index = find(delimiter) {
                    buffer.moveReaderIndex(forwardBy: index)
                    break
                }
                buffer.moveReaderIndex(forwardBy: max(0, buffer.readableBytes - delimiter.count + 1))
                guard try await readMore() else { throw Self.malformed("The body has no multipart boundary.") }
            }
        }
        guard state != .finished else { return nil }
        // At a delimiter: `--` closes the body, else the part's headers end at the first empty line.
        try await fill(delimiter.count + 2)
        buffer.moveReaderIndex(forwardBy: delimiter.count)
        if buffer.readableBytesView.starts(with: "--".utf8) {
            state = .finished
            return nil
        }
        var headerEnd: Int?
        while headerEnd == nil {
            headerEnd = find(Array("\r\n\r\n".utf8))
            if headerEnd == nil {
                guard buffer.readableBytes <= Self.maxHeaderBytes else { throw Self.malformed("A part's headers are too long.") }
                guard try await readMore() else { throw Self.malformed("The body ended inside a part's headers.") }
            }
        }
        let block = buffer.readString(length: headerEnd!) ?? ""
        buffer.moveReaderIndex(forwardBy: 4)
        state = .inPart
        return try Self.parseHeaders(block)
    }

    /// The next bytes of the current part, or `nil` at its end.
    mutating func nextChunk() async throws -> ByteBuffer? {
        guard state == .inPart else { return nil }
        while true {
            if let index = find(delimiter) {
                if index == 0 {
                    state = .afterPart
                    return nil
                }
                return buffer.readSlice(length: index)
            }
            // Everything but a tail that could be the start of a boundary is the part's.
            let safe = buffer.readableBytes - (delimiter.count - 1)
            if safe > 0 { return buffer.readSlice(length: safe) }
            guard try await readMore() else { throw Self.malformed("The body ended inside a part.") }
        }
    }

    /// Reads until `count` bytes are buffered.
    private mutating func fill(_ count: Int) async throws {
        while buffer.readableBytes < count {
            guard try await readMore() else { throw Self.malformed("The body ended early.") }
        }
    }

    /// Appends the source's next buffer; `false` when the source has ended.
    private mutating func readMore() async throws -> Bool {
        guard !sourceEnded, var chunk = try await source.next() else {
            sourceEnded = true
            return false
        }
        received += Int64(chunk.readableBytes)
        if buffer.readableBytes == 0 {
            buffer = chunk
        } else {
            buffer.discardReadBytes()
            buffer.writeBuffer(&chunk)
        }
        return true
    }

    /// The offset of `needle` in the unread bytes: `memchr` finds each candidate first byte, `memcmp` checks it.
    private func find(_ needle: [UInt8]) -> Int? {
        buffer.withUnsafeReadableBytes { haystack -> Int? in
            guard haystack.count >= needle.count, let base = haystack.baseAddress else { return nil }
            return needle.withUnsafeBytes { pattern -> Int? in
                let last = haystack.count - needle.count
                var offset = 0
                while offset <= last {
                    guard let found = memchr(base + offset, Int32(needle[0]), last - offset + 1) else { return nil }
                    let candidate = base.distance(to: UnsafeRawPointer(found))
                    if memcmp(found, pattern.baseAddress!, needle.count) == 0 { return candidate }
                    offset = candidate + 1
                }
                return nil
            }
        }
    }

    static func malformed(_ message: String) -> AppError {
        AppError.badRequest("malformed_multipart", message)
    }

    /// `Content-Disposition: form-data; name="…"; filename="…"` and `Content-Type` of one part.
    static func parseHeaders(_ block: String) throws(AppError) -> MultipartPartHead {
        var name: String?
        var filename: String?
        var contentType: String?
        for line in block.split(separator: "\r\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let field = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            switch field {
            case "content-disposition":
                let parameters = dispositionParameters(value)
                name = parameters["name"]
                filename = parameters["filename"]
            case "content-type":
                contentType = value
            default:
                continue
            }
        }
        guard let name else { throw malformed("A part has no Content-Disposition with a field name.") }
        return MultipartPartHead(name: name, filename: filename, contentType: contentType)
    }

    /// The parameters of a `Content-Disposition` value; quoted values may escape `"` and `\` with `\`.
    private static func dispositionParameters(_ value: String) -> [String: String] {
        var parameters: [String: String] = [:]
        var rest = Substring(value)
        guard let firstSemicolon = rest.firstIndex(of: ";") else { return [:] }
        rest = rest[rest.index(after: firstSemicolon)...]
        while !rest.isEmpty {
            rest = rest.drop { $0 == " " || $0 == "\t" || $0 == ";" }
            guard let equals = rest.firstIndex(of: "=") else { break }
            let key = rest[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
            rest = rest[rest.index(after: equals)...].drop { $0 == " " }
            var parsed = ""
            if rest.first == "\"" {
                rest = rest.dropFirst()
                var escaped = false
                while let character = rest.first {
                    rest = rest.dropFirst()
                    if escaped {
                        parsed.append(character)
                        escaped = false
                    } else if character == "\\" {
                        escaped = true
                    } else if character == "\"" {
                        break
                    } else {
                        parsed.append(character)
                    }
                }
            } else {
                let end = rest.firstIndex(of: ";") ?? rest.endIndex
                parsed = rest[..<end].trimmingCharacters(in: .whitespaces)
                rest = rest[end...]
            }
            parameters[key] = parameters[key] ?? parsed
        }
        return parameters
    }
}
