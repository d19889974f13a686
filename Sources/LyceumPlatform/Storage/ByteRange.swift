import Foundation

/// A single byte range as a `Range: bytes=…` header asks for it (RFC 9110, section 14.1.2), before it is
/// matched against an object's size.
public enum ByteRange: Sendable, Equatable {
    /// `bytes=first-last`: the bytes from `first` to `last`, both included.
    case bounded(first: Int64, last: Int64)
    /// `bytes=first-`: from `first` to the end.
    case from(first: Int64)
    /// `bytes=-length`: the last `length` bytes.
    case suffix(length: Int64)

    /// What a server does with a `Range` header for an object of a known size.
    public enum Outcome: Sendable, Equatable {
        /// Send the whole object (200): no header, or one to ignore (another unit, malformed, several ranges).
        case whole
        /// Send these bytes (206 with `Content-Range`).
        case partial(ClosedRange<Int64>)
        /// 416 with `Content-Range: bytes */size`.
        case unsatisfiable
    }

    /// Parses a `Range` header value; `nil` when the header should be ignored: a unit other than `bytes`,
    /// bad syntax, a first position after the last, or several ranges (which Lyceum does not serve).
    public init?(header: String) {
        let text = header.trimmingCharacters(in: .whitespaces)
        guard let equals = text.firstIndex(of: "="), text[..<equals].trimmingCharacters(in: .whitespaces).lowercased() == "bytes" else {
            return nil
        }
        let spec = text[text.index(after: equals)...].trimmingCharacters(in: .whitespaces)
        guard !spec.contains(","), let dash = spec.firstIndex(of: "-") else { return nil }
        let first = spec[..<dash]
        let last = spec[spec.index(after: dash)...]
        func number(_ digits: Substring) -> Int64? {
            guard !digits.isEmpty, digits.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else { return nil }
            return Int64(digits)
        }
        switch (first.isEmpty, last.isEmpty) {
        case (true, true):
            return nil
        case (true, false):
            guard let length = number(last) else { return nil }
            self = .suffix(length: length)
        case (false, true):
            guard let start = number(first) else { return nil }
            self = .from(first: start)
        case (false, false):
            guard let start = number(first), let end = number(last), start <= end else { return nil }
            self = .bounded(first: start, last: end)
        }
    }

    /// The bytes this range selects of an object of `size` bytes, or `nil` when none (416).
    public func resolve(size: Int64) -> ClosedRange<Int64>? {
        guard size > 0 else { return nil }
        switch self {
        case .bounded(let first, let last):
            return first < size ? first...min(last, size - 1) : nil
        case .from(let first):
            return first < size ? first...(size - 1) : nil
        case .suffix(let length):
            return length > 0 ? max(0, size - length)...(size - 1) : nil
        }
    }

    /// The header value asking for this range, e.g. `bytes=0-99`.
    public var headerValue: String {
        switch self {
        case .bounded(let first, let last): "bytes=\(first)-\(last)"
        case .from(let first): "bytes=\(first)-"
        case .suffix(let length): "bytes=-\(length)"
        }
    }

    /// What to answer to `header` (the request's `Range`, if any) for an object of `size` bytes.
    public static func evaluate(header: String?, size: Int64) -> Outcome {
        guard let header, let range = ByteRange(header: header) else { return .whole }
        return range.resolve(size: size).map(Outcome.partial) ?? .unsatisfiable
    }
}
