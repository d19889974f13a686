import Foundation
import LyceumCore

/// A position in a board's thread list, handed to clients as an opaque string. The list's orders (score,
/// activity) change under the reader, so the cursor is the number of threads already shown.
struct ThreadListCursor: Sendable, Equatable {
    let offset: Int

    init(offset: Int) {
        self.offset = offset
    }

    var encoded: String { SecureToken.base64URL(Array("threads:\(offset)".utf8)) }

    /// Parses the text form; throws 400 `invalid_cursor` for anything else.
    init(decoding text: String) throws(AppError) {
        guard text.utf8.count <= 64, let data = SecureToken.decodeBase64URL(text), let plain = String(data: data, encoding: .utf8),
            plain.hasPrefix("threads:"), let offset = Int(plain.dropFirst("threads:".count)), (0...100_000).contains(offset)
        else { throw AppError.badRequest("invalid_cursor", "The cursor is not one this server issued.") }
        self.offset = offset
    }
}
