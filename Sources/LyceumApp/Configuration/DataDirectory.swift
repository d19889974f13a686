import Foundation
import LyceumCore
import LyceumPlatform

/// Prepares the data directory and the access-token signing key.
public enum DataDirectory {
    /// Creates the directory if needed and checks that Lyceum can write to it.
    public static func prepare(_ path: String) throws(ConfigurationError) {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        if manager.fileExists(atPath: path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw ConfigurationError("The data directory \(path) is a file, not a directory.")
            }
        } else {
            do {
                try manager.createDirectory(atPath: path, withIntermediateDirectories: true)
            } catch {
                throw ConfigurationError("The data directory \(path) cannot be created; check the path and permissions.")
            }
        }
        guard manager.isWritableFile(atPath: path), manager.isReadableFile(atPath: path) else {
            throw ConfigurationError("The data directory \(path) is not readable and writable by this user.")
        }
    }

    /// The signing key: the configured one, else (embedded mode only) one generated once into the data
    /// directory so restarts keep sessions valid. With PostgreSQL every replica must share a configured key.
    public static func signingKey(for configuration: LyceumConfiguration) throws(ConfigurationError) -> String {
        if let secret = configuration.jwtSecret { return secret }
        if case .postgres = configuration.storage {
            throw ConfigurationError(
                "LYCEUM_JWT_SECRET (or LYCEUM_JWT_SECRET_FILE) is required with PostgreSQL so every replica signs the same tokens."
            )
        }
        let path = configuration.dataDirectory + "/jwt-secret"
        if let existing = try? String(contentsOfFile: path, encoding: .utf8) {
            let trimmed = existing.trimmingCharacters(in: .whitespacesAndNewlines)
            guard trimmed.utf8.count >= 32 else {
                throw ConfigurationError("\(path) holds a key shorter than 32 characters; delete it to generate a new one.")
            }
            return trimmed
        }
        let secret = SecureToken.generate() + SecureToken.generate()
        let created = FileManager.default.createFile(
            atPath: path, contents: Data(secret.utf8), attributes: [.posixPermissions: 0o600]
        )
        guard created else { throw ConfigurationError("The signing key cannot be written to \(path).") }
        return secret
    }
}
