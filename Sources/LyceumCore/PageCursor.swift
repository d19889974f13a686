import Foundation

/// A position in a list ordered by `(createdAt DESC, id DESC)`, handed to clients as an opaque string.
///
/// Stored timestamps are whole milliseconds (`Double(ms) / 1000`), and a date read back from a driver may
/// differ from that double in its last bits. The cursor therefore keeps whole milliseconds and rebuilds the
/// exact double that was stored, so equality in `created_at = cursor` holds on both engines.
public struct PageCursor: Sendable, Equatable {
    /// Milliseconds since 1970 of the last item on the previous page.
    public let milliseconds: Int64
    /// The id of the last item on the previous page, to break ties.
    public let id: String

    /// Creates a cursor after the item created at `createdAt` with `id`.
    public init(createdAt: Date, id: String) {
        self.milliseconds = Int64((createdAt.timeIntervalSince1970 * 1000).rounded())
        self.id = id
    }

    /// The creation time exactly as it was stored.
    public var createdAt: Date { Date(timeIntervalSince1970: Double(milliseconds) / 1000) }

    /// The opaque text form.
    public var encoded: String {
        SecureToken.base64URL(Array("\(milliseconds)|\(id)".utf8))
    }

    /// Parses the opaque text form; throws 400 `invalid_cursor` for anything else.
    public init(decoding text: String) throws(AppError) {
        let invalid = AppError.badRequest("invalid_cursor", "The cursor is not one this server issued.")
        guard text.utf8.count <= 256, let data = SecureToken.decodeBase64URL(text),
            let plain = String(data: data, encoding: .utf8)
        else { throw invalid }
        let parts = plain.split(separator: "|", maxSplits: 1)
        guard parts.count == 2, let milliseconds = Int64(parts[0]) else { throw invalid }
        self.milliseconds = milliseconds
        self.id = String(parts[1])
    }
}

/// Page size limits shared by every list route.
public enum PageLimit {
    /// The size used when the client does not ask for one.
    public static let defaultSize = 20
    /// The largest page a client may ask for.
    public static let maximum = 100

    /// Parses `?limit=`; throws 400 `invalid_limit` for non-numbers or values outside 1...maximum.
    public static func parse(_ text: String?) throws(AppError) -> Int {
        guard let text else { return defaultSize }
        guard let value = Int(text), (1...maximum).contains(value) else {
            throw AppError.badRequest("invalid_limit", "limit must be a whole number from 1 to \(maximum).")
        }
        return value
    }
}
