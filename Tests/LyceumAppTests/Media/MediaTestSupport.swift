import Crypto
import Foundation
import HTTPTypes
import LyceumApp
import LyceumContracts
import LyceumPlatform
import Media
import NIOCore
import SQLKit
import Testing

/// Files to upload, built in the test: each starts with its kind's magic bytes.
enum UploadSamples {
    static func png(size: Int = 2_048) -> [UInt8] {
        let head: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] + Array("IHDR".utf8)
        return head + (0..<(size - head.count)).map { UInt8($0 % 251) }
    }

    static func pdf(size: Int = 2_048) -> [UInt8] {
        let head = Array("%PDF-1.7\n".utf8)
        return head + [UInt8](repeating: 0x20, count: size - head.count)
    }

    static let html = Array("<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>\n".utf8)
    static let svg = Array("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"><circle r=\"4\"/></svg>\n".utf8)

    static func sha256(_ bytes: [UInt8]) -> String {
        SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
    }
}

/// Multipart bodies as browsers send them.
enum MultipartBody {
    static let boundary = "----LyceumTestBoundaryq8Hk3"

    static var contentType: String { "multipart/form-data; boundary=\(boundary)" }

    static func make(purpose: String, filename: String, file: [UInt8], fileType: String = "application/octet-stream") -> ByteBuffer {
        var buffer = ByteBuffer()
        buffer.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"purpose\"\r\n\r\n\(purpose)\r\n")
        buffer.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(filename)\"\r\nContent-Type: \(fileType)\r\n\r\n")
        buffer.writeBytes(file)
        buffer.writeString("\r\n--\(boundary)--\r\n")
        return buffer
    }
}

/// A resolver standing in for a domain's attachments: it lets the users it names read the uploads it names.
final class TestAttachments: UploadReadAccess {
    private let grants: [String: Set<String>]

    init(_ grants: [String: Set<String>]) {
        self.grants = grants
    }

    func canRead(_ principal: Principal, uploadID: String) async throws -> Bool {
        grants[uploadID]?.contains(principal.userID) == true
    }
}

extension TestApp {
    /// Uploads `file` through `POST /api/v1/uploads`.
    func upload(_ file: [UInt8], purpose: String, filename: String, token: String?) async throws -> Reply {
        var headers: HTTPFields = [.contentType: MultipartBody.contentType]
        if let token { headers[.authorization] = "Bearer \(token)" }
        return try await raw(.post, "/api/v1/uploads", headers: headers, body: MultipartBody.make(purpose: purpose, filename: filename, file: file))
    }

    /// Uploads `file` and returns its id, requiring success.
    func uploadID(_ file: [UInt8], purpose: String = "attachment", filename: String, token: String) async throws -> String {
        let reply = try await upload(file, purpose: purpose, filename: filename, token: token)
        try #require(reply.status == .created, "upload failed: \(reply.text)")
        return try #require(reply.json["id"] as? String)
    }

    /// The path and query of a signed Lyceum URL (the test client speaks to the router, not the host).
    static func local(_ url: String) throws -> String {
        let components = try #require(URLComponents(string: url))
        return components.percentEncodedPath + (components.percentEncodedQuery.map { "?" + $0 } ?? "")
    }

    /// The keys of every object the store holds under `media/`.
    func storedMediaKeys() async throws -> [String] {
        var keys: [String] = []
        var continuation: String?
        repeat {
            let page = try await services.objectStore.list(prefix: "media/", continuation: continuation, limit: 1_000)
            keys += page.objects.map(\.key.value)
            continuation = page.continuation
        } while continuation != nil
        return keys
    }

    /// `status` of every upload row, by id.
    func uploadRows() async throws -> [String: String] {
        let rows = try await services.database.read { sql in try await sql.select().columns("id", "status").from("uploads").all() }
        var statuses: [String: String] = [:]
        for row in rows { statuses[try row.decode(column: "id", as: String.self)] = try row.decode(column: "status", as: String.self) }
        return statuses
    }

    var media: MediaService { get throws { try services.require(MediaService.self) } }
}
