#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import NIOCore
import NIOPosix
import Synchronization

/// The POSIX calls of the disk store, each run on `NIOThreadPool`, never on an event loop.
enum DiskFiles {
    static let pool = NIOThreadPool.singleton

    /// Runs `body` on the thread pool, turning a failed call into `ObjectStoreError.fileSystem`.
    static func run<Result: Sendable>(_ body: @escaping @Sendable () throws(POSIXFailure) -> Result) async throws -> Result {
        do {
            return try await pool.runIfActive {
                do { return try body() } catch { throw error }
            }
        } catch let failure as POSIXFailure {
            throw failure.storeError
        }
    }

    /// Like `run`, but runs even when the task is cancelled: for finishing a write that must not stop half-way
    /// (closing and renaming) and for cleaning up after a cancelled one.
    static func runToCompletion<Result: Sendable>(_ body: @escaping @Sendable () throws(POSIXFailure) -> Result) async throws -> Result {
        do {
            return try await pool.runIfActive(eventLoop: MultiThreadedEventLoopGroup.singleton.any()) {
                do { return try body() } catch { throw error }
            }.get()
        } catch let failure as POSIXFailure {
            throw failure.storeError
        }
    }

    /// Writes all of `buffer` to `descriptor`, retrying short writes and interruptions.
    static func writeAll(_ descriptor: Int32, _ buffer: ByteBuffer) throws(POSIXFailure) {
        var failure: POSIXFailure?
        buffer.withUnsafeReadableBytes { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = POSIXFailure("write", errno)
                    return
                }
                offset += written
            }
        }
        if let failure { throw failure }
    }

    /// Reads up to `count` bytes at `offset`; fewer only at the end of the file.
    static func read(_ descriptor: Int32, at offset: Int64, count: Int) throws(POSIXFailure) -> ByteBuffer {
        var buffer = ByteBufferAllocator().buffer(capacity: count)
        var failure: POSIXFailure?
        while buffer.readableBytes < count, failure == nil {
            let before = buffer.readableBytes
            buffer.writeWithUnsafeMutableBytes(minimumWritableBytes: count - before) { bytes in
                let got = pread(descriptor, bytes.baseAddress!, count - before, off_t(offset) + off_t(before))
                if got < 0 {
                    if errno != EINTR { failure = POSIXFailure("read", errno) }
                    return 0
                }
                return got
            }
            if buffer.readableBytes == before, failure == nil { break }
        }
        if let failure { throw failure }
        return buffer
    }

    /// `mkdir -p`, tolerating directories that already exist or appear concurrently.
    static func makeDirectories(_ path: String) throws(POSIXFailure) {
        var current = ""
        for component in path.split(separator: "/", omittingEmptySubsequences: true) {
            current += "/" + component
            if mkdir(current, 0o750) != 0, errno != EEXIST { throw POSIXFailure("mkdir", errno) }
        }
    }

    /// `stat`, or `nil` when nothing is at `path`.
    static func status(_ path: String) throws(POSIXFailure) -> stat? {
        var info = stat()
        if stat(path, &info) == 0 { return info }
        if errno == ENOENT || errno == ENOTDIR { return nil }
        throw POSIXFailure("stat", errno)
    }
}

/// A failed system call: its name and `errno`.
struct POSIXFailure: Error {
    let call: String
    let code: Int32

    init(_ call: String, _ code: Int32) {
        self.call = call
        self.code = code
    }

    var storeError: ObjectStoreError {
        .fileSystem("\(call): \(String(cString: strerror(code)))")
    }
}

/// Reads a range of an open file in chunks on the thread pool; the file closes at the end, on error, or
/// when the reader is dropped half-way (a client that disconnects).
final class DiskObjectReader: Sendable {
    private struct State {
        var descriptor: Int32?
        var offset: Int64
        var end: Int64
    }

    private static let chunkSize = 128 * 1024
    private let state: Mutex<State>

    /// Takes ownership of `descriptor` and reads `offset..<end`.
    init(descriptor: Int32, offset: Int64, end: Int64) {
        state = Mutex(State(descriptor: descriptor, offset: offset, end: end))
    }

    deinit {
        state.withLock { state in
            if let descriptor = state.descriptor { close(descriptor) }
        }
    }

    func next() async throws -> ByteBuffer? {
        guard let (descriptor, offset, count) = state.withLock({ state -> (Int32, Int64, Int)? in
            guard let descriptor = state.descriptor else { return nil }
            guard state.offset < state.end else {
                close(descriptor)
                state.descriptor = nil
                return nil
            }
            return (descriptor, state.offset, Int(min(Int64(Self.chunkSize), state.end - state.offset)))
        }) else { return nil }
        do {
            try Task.checkCancellation()
            let chunk = try await DiskFiles.run { () throws(POSIXFailure) in try DiskFiles.read(descriptor, at: offset, count: count) }
            // A file cut short under the reader (it cannot be, as replacement renames a new file) ends the body early.
            guard chunk.readableBytes > 0 else { throw ObjectStoreError.fileSystem("the object ended early") }
            state.withLock { $0.offset += Int64(chunk.readableBytes) }
            return chunk
        } catch {
            state.withLock { state in
                if let descriptor = state.descriptor { close(descriptor) }
                state.descriptor = nil
            }
            throw error
        }
    }
}
