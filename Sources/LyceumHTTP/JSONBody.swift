import Foundation
import Hummingbird
import LyceumCore
import NIOCore

extension Request {
    /// The whole body, at most `context.maxBodyBytes`: 413 above it (told by `Content-Length` before reading,
    /// when given), 400 `malformed_body` when it cannot be read.
    public func collectBody(context: AppRequestContext) async throws(AppError) -> ByteBuffer {
        let limit = context.maxBodyBytes
        if let length = headers[.contentLength].flatMap(Int.init), length > limit {
            throw AppError.payloadTooLarge(limit: limit)
        }
        do {
            return try await body.collect(upTo: limit)
        } catch is NIOTooManyBytesError {
            throw AppError.payloadTooLarge(limit: limit)
        } catch {
            throw AppError.malformedBody("The request body could not be read.")
        }
    }

    /// Reads the body as JSON into `Body`, mapping every failure to a clear client error:
    /// 415 when it is not JSON, 413 over `context.maxBodyBytes`, 400 `malformed_body` when it does not parse,
    /// 422 `validation_failed` naming the field when a value is missing or of the wrong type.
    public func decodeJSON<Body: Decodable>(_ type: Body.Type, context: AppRequestContext) async throws(AppError) -> Body {
        if let contentType = headers[.contentType], !Self.isJSON(contentType) {
            throw AppError.unsupportedMediaType("application/json")
        }
        let buffer = try await collectBody(context: context)
        if buffer.readableBytes == 0 {
            throw AppError.malformedBody("The request body is empty; send a JSON object.")
        }
        let data = Data(buffer.readableBytesView)
        do {
            return try JSONCoding.decoder.decode(Body.self, from: data)
        } catch let error as DecodingError {
            // Foundation reports a number that does not fit its field (1.5 or 1e30 for an Int) as "not valid
            // JSON" at the root; when the body does parse, it is a value problem, not a malformed body.
            if case .dataCorrupted(let context) = error, context.codingPath.isEmpty,
                (try? JSONSerialization.jsonObject(with: data, options: .fragmentsAllowed)) != nil
            {
                throw AppError(
                    status: 422, code: "validation_failed",
                    message: "A number in the body does not fit its field (a whole number in range is expected)."
                )
            }
            throw Self.appError(for: error)
        } catch {
            throw AppError.malformedBody()
        }
    }

    private static func isJSON(_ contentType: String) -> Bool {
        guard let first = contentType.split(separator: ";", maxSplits: 1).first else { return false }
        let mediaType = first.trimmingCharacters(in: .whitespaces).lowercased()
        return mediaType == "application/json" || mediaType.hasSuffix("+json")
    }

    private static func appError(for error: DecodingError) -> AppError {
        func fieldName(_ path: [any CodingKey]) -> String {
            path.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
        }
        switch error {
        case .keyNotFound(let key, let context):
            return .validation([fieldName(context.codingPath + [key]): "is required"])
        case .valueNotFound(_, let context):
            return context.codingPath.isEmpty
                ? .malformedBody("The request body must be a JSON object.")
                : .validation([fieldName(context.codingPath): "must not be null"])
        case .typeMismatch(_, let context):
            return context.codingPath.isEmpty
                ? .malformedBody("The request body must be a JSON object.")
                : .validation([fieldName(context.codingPath): "has the wrong type"])
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty
                ? .malformedBody()
                : .validation([fieldName(context.codingPath): "is not a valid value"])
        @unknown default:
            return .malformedBody()
        }
    }
}

/// The shared JSON coders: ISO-8601 dates, as the API promises.
public enum JSONCoding {
    /// Decoder for request bodies.
    public static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }()

    /// Encoder for responses that are not on a hot path.
    public static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return encoder
    }()
}
