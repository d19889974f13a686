import Foundation

/// A position in a list ordered by `(createdAt DESC, id DESC)`, handed to clients as an opaque string.
public struct PageCursor: Sendable, Equatable {
    /// The creation time of the last item on the previous page.
    public let createdAt: Date
    /// The id of the last item on the previous page, to break ties.
    public let id: String

    /// Creates a cursor after the given item.
    public init(createdAt: Date, id: String) {
        self.createdAt = createdAt
        self.id = id
    }

    /// The opaque text form.
    public var encoded: String {
        SecureToken.base64URL(Array("\(createdAt.timeIntervalSince1970)|\(id)".utf8))
    }

    /// Parses the opaque text form; throws 400 `invalid_cursor` for anything else.
    public init(decoding text: String) throws(AppError) {
        let invalid = AppError.badRequest("invalid_cursor", "The cursor is not one this server issued.")
        guard text.utf8.count <= 256, let data = SecureToken.decodeBase64URL(text),
            let plain = String(data: data, encoding: .utf8)
        else { throw invalid }
        let parts = plain.split(separator: "|", maxSplits: 1)
        guard parts.count == 2, let seconds = Double(parts[0]), seconds.isFinite else { throw invalid }
        self.init(createdAt: Date(timeIntervalSince1970: seconds), id: String(parts[1]))
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
