#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import LyceumCore
import NIOCore

/// The embedded object store: one file per object in a directory under the data directory.
///
/// Writes go to a temporary file in `<root>/.incoming`, are synced, and are renamed into place, so a reader
/// sees the old object or the new one, never part of one; a failed or cancelled write removes its temporary
/// file. Every file operation runs on `NIOThreadPool`. Each file starts with a 512-byte header holding the
/// content type and ETag, so one rename replaces data and metadata together.
///
/// On disk a key cannot also be the folder of other keys (`a` and `a/b`); Lyceum's keys never are.
public struct DiskObjectStore: ObjectStore {
    /// The directory holding the objects.
    public let root: String
    private let signer: ObjectURLSigner
    private let clock: WallClock
    private var incoming: String { root + "/.incoming" }

    static let headerSize = 512
    private static let magic = "LYCEUM-OBJECT 1"
    private static let writeChunk = 256 * 1024

    /// Opens (creating it if needed) the store at `root`; a relative path is taken from the working directory.
    public init(root: String, signer: ObjectURLSigner, clock: WallClock = .system) throws(ObjectStoreError) {
        let absolute = root.hasPrefix("/") ? root : FileManager.default.currentDirectoryPath + "/" + root
        self.root = absolute.count > 1 && absolute.hasSuffix("/") ? String(absolute.dropLast()) : absolute
        self.signer = signer
        self.clock = clock
        do {
            try DiskFiles.makeDirectories(incoming)
        } catch {
            throw error.storeError
        }
    }

    private func path(of key: ObjectKey) -> String { root + "/" + key.value }

    public func put<Body: AsyncSequence & Sendable>(
        _ key: ObjectKey, body: Body, size: Int64?, contentType: String
    ) async throws -> ObjectInfo where Body.Element == ByteBuffer {
        try ContentTypeRule.validate(contentType)
        let temporary = incoming + "/" + UUID().uuidString.lowercased()
        let target = path(of: key)
        let etag = SecureToken.generate()
        let descriptor = try await DiskFiles.run { () throws(POSIXFailure) in
            let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o640)
            guard descriptor >= 0 else { throw POSIXFailure("open", errno) }
            return descriptor
        }
        var closed = false
        do {
            try await DiskFiles.run { () throws(POSIXFailure) in
                try DiskFiles.writeAll(descriptor, Self.header(contentType: contentType, etag: etag))
            }
            var written: Int64 = 0
            var pending = ByteBufferAllocator().buffer(capacity: Self.writeChunk)
            for try await chunk in body {
                written += Int64(chunk.readableBytes)
                if let size, written > size { throw ObjectStoreError.sizeMismatch(expected: size, actual: written) }
                var chunk = chunk
                pending.writeBuffer(&chunk)
                if pending.readableBytes >= Self.writeChunk {
                    let full = pending
                    try await DiskFiles.run { () throws(POSIXFailure) in try DiskFiles.writeAll(descriptor, full) }
                    pending.clear()
                }
            }
            if let size, written != size { throw ObjectStoreError.sizeMismatch(expected: size, actual: written) }
            try Task.checkCancellation()
            let rest = pending
            try await DiskFiles.run { () throws(POSIXFailure) in
                try DiskFiles.writeAll(descriptor, rest)
                guard fsync(descriptor) == 0 else { throw POSIXFailure("fsync", errno) }
            }
            closed = true
            try await DiskFiles.runToCompletion { () throws(POSIXFailure) in
                close(descriptor)
                if let slash = target.lastIndex(of: "/") { try DiskFiles.makeDirectories(String(target[..<slash])) }
                guard rename(temporary, target) == 0 else { throw POSIXFailure("rename", errno) }
            }
            return ObjectInfo(key: key, size: written, contentType: contentType, etag: "\"\(etag)\"", lastModified: clock.now())
        } catch {
            let closeFirst = !closed
            _ = try? await DiskFiles.runToCompletion {
                if closeFirst { close(descriptor) }
                unlink(temporary)
            }
            throw error
        }
    }

    public func get(_ key: ObjectKey, range: ByteRange?) async throws -> ObjectDownload {
        let target = path(of: key)
        let (descriptor, info) = try await DiskFiles.run { () throws(POSIXFailure) -> (Int32, ObjectInfo?) in
            let descriptor = open(target, O_RDONLY | O_CLOEXEC)
            guard descriptor >= 0 else {
                if errno == ENOENT || errno == ENOTDIR || errno == EISDIR { return (-1, nil) }
                throw POSIXFailure("open", errno)
            }
            do throws(POSIXFailure) {
                var status = stat()
                guard fstat(descriptor, &status) == 0 else { throw POSIXFailure("fstat", errno) }
                return (descriptor, try Self.info(key: key, descriptor: descriptor, status: status))
            } catch {
                close(descriptor)
                throw error
            }
        }
        guard let info else { throw ObjectStoreError.notFound }
        let selected: ClosedRange<Int64>?
        if let range {
            guard let resolved = range.resolve(size: info.size) else {
                close(descriptor)
                throw ObjectStoreError.rangeNotSatisfiable(size: info.size)
            }
            selected = resolved
        } else {
            selected = nil
        }
        let start = Int64(Self.headerSize) + (selected?.lowerBound ?? 0)
        let end = Int64(Self.headerSize) + (selected.map { $0.upperBound + 1 } ?? info.size)
        let reader = DiskObjectReader(descriptor: descriptor, offset: start, end: end)
        return ObjectDownload(info: info, range: selected, body: ObjectBody { try await reader.next() })
    }

    public func head(_ key: ObjectKey) async throws -> ObjectInfo {
        let target = path(of: key)
        let info = try await DiskFiles.run { () throws(POSIXFailure) -> ObjectInfo? in
            let descriptor = open(target, O_RDONLY | O_CLOEXEC)
            guard descriptor >= 0 else {
                if errno == ENOENT || errno == ENOTDIR || errno == EISDIR { return nil }
                throw POSIXFailure("open", errno)
            }
            defer { close(descriptor) }
            var status = stat()
            guard fstat(descriptor, &status) == 0 else { throw POSIXFailure("fstat", errno) }
            return try Self.info(key: key, descriptor: descriptor, status: status)
        }
        guard let info else { throw ObjectStoreError.notFound }
        return info
    }

    public func delete(_ key: ObjectKey) async throws {
        let target = path(of: key)
        let root = root
        try await DiskFiles.run { () throws(POSIXFailure) in
            if unlink(target) != 0 {
                if errno == ENOENT || errno == ENOTDIR { return }
                if errno == EISDIR || errno == EPERM, (try DiskFiles.status(target)).map({ $0.st_mode & S_IFMT == S_IFDIR }) == true { return }
                throw POSIXFailure("unlink", errno)
            }
            // Folders left empty go too, up to the root; one still in use by another write stays.
            var folder = target
            while let slash = folder.lastIndex(of: "/"), folder[..<slash].count > root.count {
                folder = String(folder[..<slash])
                if rmdir(folder) != 0 { break }
            }
        }
    }

    public func list(prefix: String, continuation: String?, limit: Int) async throws -> ObjectListing {
        let limit = min(max(limit, 1), 1_000)
        // Only the folder the prefix names needs walking: `uploads/ab` walks `uploads/`.
        let folder = prefix.lastIndex(of: "/").map { String(prefix[..<$0]) } ?? ""
        if !folder.isEmpty, (try? ObjectKey(folder)) == nil { return ObjectListing(objects: [], continuation: nil) }
        let start = folder.isEmpty ? root : root + "/" + folder
        let root = root
        let found = try await DiskFiles.run { () throws(POSIXFailure) -> [(String, stat)] in
            var found: [(String, stat)] = []
            guard let walker = FileManager.default.enumerator(atPath: start) else { return [] }
            while let relative = walker.nextObject() as? String {
                let name = folder.isEmpty ? relative : folder + "/" + relative
                if relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) {
                    walker.skipDescendants()
                    continue
                }
                guard name.hasPrefix(prefix) || prefix.hasPrefix(name + "/") else {
                    walker.skipDescendants()
                    continue
                }
                guard name.hasPrefix(prefix), let status = try DiskFiles.status(root + "/" + name),
                    status.st_mode & S_IFMT == S_IFREG
                else { continue }
                found.append((name, status))
            }
            return found
        }
        // Keys sort byte-wise, as S3 sorts them; the continuation is the last key of the previous page.
        let sorted = found.map { (bytes: Array($0.0.utf8), name: $0.0, status: $0.1) }.sorted { $0.bytes.lexicographicallyPrecedes($1.bytes) }
        let remaining = continuation.map { after in sorted.filter { Array(after.utf8).lexicographicallyPrecedes($0.bytes) } } ?? sorted
        let page = remaining.prefix(limit)
        let objects = page.compactMap { entry -> ObjectSummary? in
            guard let key = try? ObjectKey(entry.name) else { return nil }
            return ObjectSummary(key: key, size: max(0, Int64(entry.status.st_size) - Int64(Self.headerSize)), lastModified: Self.modified(entry.status))
        }
        return ObjectListing(objects: objects, continuation: remaining.count > limit ? page.last?.name : nil)
    }

    public func signedRequest(_ access: SignedAccess, for key: ObjectKey, expiresIn: Duration) async throws -> SignedRequest {
        if case .put(let contentType) = access { try ContentTypeRule.validate(contentType) }
        let seconds = min(max(expiresIn.components.seconds, 1), 7 * 86_400)
        return signer.request(access, for: key, expires: clock.now().addingTimeInterval(TimeInterval(seconds)))
    }

    /// Checks a request made with one of this store's signed URLs, against the store's clock.
    /// - Parameters:
    ///   - method: the request's method (`HEAD` counts as `GET`).
    ///   - key: the decoded path below the signed URLs' base.
    ///   - expires: the `expires` query parameter.
    ///   - signature: the `signature` query parameter.
    ///   - contentType: the request's `Content-Type` (uploads must send the signed one).
    /// - Returns: the validated key and when the URL stops working.
    public func verifySignedRequest(
        method: String, key: String, expires: String?, signature: String?, contentType: String?
    ) throws(ObjectURLSigner.Refusal) -> (key: ObjectKey, expires: Date) {
        let verified = try signer.verify(method: method, key: key, expires: expires, signature: signature, contentType: contentType, now: clock.now())
        // `verify` accepted `expires` as a whole number.
        return (verified, Date(timeIntervalSince1970: TimeInterval(Int64(expires ?? "") ?? 0)))
    }

    /// The header: magic line, ETag and content type, padded with spaces to `headerSize` bytes.
    private static func header(contentType: String, etag: String) -> ByteBuffer {
        var text = "\(magic)\netag: \(etag)\ncontent-type: \(contentType)\n"
        text += String(repeating: " ", count: headerSize - 1 - text.utf8.count) + "\n"
        return ByteBuffer(string: text)
    }

    private static func info(key: ObjectKey, descriptor: Int32, status: stat) throws(POSIXFailure) -> ObjectInfo {
        let header = try DiskFiles.read(descriptor, at: 0, count: headerSize)
        let lines = String(buffer: header).split(separator: "\n")
        guard status.st_size >= headerSize, lines.first == Substring(magic) else { throw POSIXFailure("read object header", EILSEQ) }
        var fields: [Substring: Substring] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            fields[line[..<colon]] = line[line.index(after: colon)...].drop { $0 == " " }
        }
        guard let etag = fields["etag"], let contentType = fields["content-type"] else { throw POSIXFailure("read object header", EILSEQ) }
        return ObjectInfo(
            key: key, size: Int64(status.st_size) - Int64(headerSize), contentType: String(contentType), etag: "\"\(etag)\"",
            lastModified: modified(status)
        )
    }

    private static func modified(_ status: stat) -> Date {
        #if canImport(Darwin)
        Date(timeIntervalSince1970: TimeInterval(status.st_mtimespec.tv_sec))
        #else
        Date(timeIntervalSince1970: TimeInterval(status.st_mtim.tv_sec))
        #endif
    }
}
