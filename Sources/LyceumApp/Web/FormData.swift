import Foundation
import HTTPTypes
import Hummingbird
import LyceumCore
import LyceumHTTP
import NIOCore

/// A submitted HTML form (`application/x-www-form-urlencoded`), read after checking its CSRF token.
struct FormData {
    private let values: [String: String]

    /// The value of `name`, or an empty string.
    subscript(name: String) -> String { values[name] ?? "" }

    /// Whether the form has a field `name`.
    func has(_ name: String) -> Bool { values[name] != nil }

    /// Reads the form and verifies that its `_csrf` field matches the CSRF cookie (403 `csrf_failed` otherwise).
    static func read(_ request: Request, context: AppRequestContext) async throws -> FormData {
        if let type = request.headers[.contentType]?.lowercased(), !type.hasPrefix("application/x-www-form-urlencoded") {
            throw AppError.unsupportedMediaType("application/x-www-form-urlencoded")
        }
        let limit = context.maxBodyBytes
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: limit)
        } catch is NIOTooManyBytesError {
            throw AppError.payloadTooLarge(limit: limit)
        }
        let form = FormData(values: parse(String(buffer: buffer)))
        guard !context.csrfCookieIsNew, let expected = context.csrfToken,
            SecureToken.constantTimeEquals(form["_csrf"], expected)
        else {
            throw AppError(
                status: 403, code: "csrf_failed",
                message: "This form has expired or did not come from Lyceum. Reload the page and try again."
            )
        }
        return form
    }

    static func parse(_ text: String) -> [String: String] {
        var values: [String: String] = [:]
        for pair in text.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = decode(parts[0])
            let value = parts.count > 1 ? decode(parts[1]) : ""
            if values[name] == nil { values[name] = value }
        }
        return values
    }

    private static func decode(_ text: Substring) -> String {
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }
}
