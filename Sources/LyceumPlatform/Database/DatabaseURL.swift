import LyceumContracts
import Foundation
import NIOSSL
import PostgresNIO

/// A parsed `postgres://user:password@host:port/database?sslmode=...` connection URL.
public struct DatabaseURL: Sendable {
    /// Server host name or address.
    public let host: String
    /// Server port, 5432 unless given.
    public let port: Int
    /// Role to connect as.
    public let username: String
    /// Password, if any.
    public let password: String?
    /// Database name; defaults to the user name as libpq does.
    public let database: String
    /// The libpq `sslmode` the URL asked for.
    public let sslMode: String

    /// Parses `text`; throws `ConfigurationError` with a sentence an operator can act on.
    public init(_ text: String) throws(ConfigurationError) {
        guard let components = URLComponents(string: text), let scheme = components.scheme else {
            throw ConfigurationError("The database URL is not a valid URL; expected postgres://user:password@host:5432/database.")
        }
        guard scheme == "postgres" || scheme == "postgresql" else {
            throw ConfigurationError("The database URL must start with postgres:// (got \(scheme)://).")
        }
        guard let host = components.host, !host.isEmpty else {
            throw ConfigurationError("The database URL has no host name.")
        }
        guard let username = components.percentEncodedUser, !username.isEmpty else {
            throw ConfigurationError("The database URL has no user name.")
        }
        let encodedPath = components.percentEncodedPath
        let path = encodedPath.hasPrefix("/") ? String(encodedPath.dropFirst()) : encodedPath
        let mode = components.queryItems?.first { $0.name == "sslmode" }?.value ?? "prefer"
        let known = ["disable", "allow", "prefer", "require", "verify-ca", "verify-full"]
        guard known.contains(mode) else {
            throw ConfigurationError("The database URL's sslmode must be one of \(known.joined(separator: ", ")).")
        }
        self.host = host
        self.port = components.port ?? 5432
        self.username = username.removingPercentEncoding ?? username
        self.password = components.percentEncodedPassword.map { $0.removingPercentEncoding ?? $0 }
        self.database = path.isEmpty ? self.username : (path.removingPercentEncoding ?? path)
        self.sslMode = mode
    }

    /// The TLS policy matching libpq's meaning of `sslmode`, for the connection pool.
    public var tls: PostgresClient.Configuration.TLS {
        switch tlsPolicy {
        case .disable: .disable
        case .prefer(let configuration): .prefer(configuration)
        case .require(let configuration): .require(configuration)
        }
    }

    /// The same policy for a single connection outside the pool (a `LISTEN` connection).
    public func connectionTLS() throws -> PostgresConnection.Configuration.TLS {
        switch tlsPolicy {
        case .disable: .disable
        case .prefer(let configuration): .prefer(try NIOSSLContext(configuration: configuration))
        case .require(let configuration): .require(try NIOSSLContext(configuration: configuration))
        }
    }

    private enum TLSPolicy {
        case disable
        case prefer(TLSConfiguration)
        case require(TLSConfiguration)
    }

    private var tlsPolicy: TLSPolicy {
        switch sslMode {
        case "disable":
            return .disable
        case "allow", "prefer":
            var configuration = TLSConfiguration.makeClientConfiguration()
            configuration.certificateVerification = .none
            return .prefer(configuration)
        case "require":
            var configuration = TLSConfiguration.makeClientConfiguration()
            configuration.certificateVerification = .none
            return .require(configuration)
        case "verify-ca":
            var configuration = TLSConfiguration.makeClientConfiguration()
            configuration.certificateVerification = .noHostnameVerification
            return .require(configuration)
        default:
            return .require(.makeClientConfiguration())
        }
    }
}

/// Configuration that cannot work; the message is one sentence an operator can act on.
public struct ConfigurationError: Error, Sendable, CustomStringConvertible {
    /// What is wrong and how to fix it.
    public let message: String

    /// Creates the error.
    public init(_ message: String) { self.message = message }

    public var description: String { message }
}
