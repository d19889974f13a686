import Crypto
import Foundation
import HummingbirdBcrypt
import NIOCore
import NIOPosix

/// bcrypt password hashing on a dedicated thread pool, never on an event loop.
///
/// Passwords are pre-hashed (SHA-256, base64) before bcrypt so every byte counts, not just the first 72,
/// and a NUL byte cannot truncate the input.
public struct PasswordHasher: Sendable {
    /// The bcrypt cost (log2 of rounds), 4...31.
    public let cost: UInt8
    private let dummyHash: String

    /// A pool of its own so slow hashes never queue behind (or in front of) SQLite work.
    private static let pool: NIOThreadPool = {
        let pool = NIOThreadPool(numberOfThreads: max(2, System.coreCount))
        pool.start()
        return pool
    }()

    /// Creates a hasher; computes a dummy hash at `cost` used to make unknown-account checks take as long as real ones.
    public init(cost: UInt8) async throws {
        let cost = min(31, max(4, cost))
        self.cost = cost
        self.dummyHash = try await Self.pool.runIfActive {
            Bcrypt.hash(Self.prepare(UUID().uuidString), cost: cost)
        }
    }

    /// The bcrypt hash of `password`.
    public func hash(_ password: String) async throws -> String {
        let cost = self.cost
        return try await Self.pool.runIfActive { Bcrypt.hash(Self.prepare(password), cost: cost) }
    }

    /// Whether `password` matches `hash`.
    public func verify(_ password: String, against hash: String) async throws -> Bool {
        try await Self.pool.runIfActive { Bcrypt.verify(Self.prepare(password), hash: hash) }
    }

    /// Spends the same time as a real check, for accounts that do not exist; always `false`.
    public func verifyAgainstDummy(_ password: String) async throws -> Bool {
        _ = try await verify(password, against: dummyHash)
        return false
    }

    private static func prepare(_ password: String) -> String {
        Data(SHA256.hash(data: Data(password.utf8))).base64EncodedString()
    }
}
