import Foundation
import LyceumCore
import LyceumPlatform
import NIOCore
import PostgresNIO

/// Turns a start-up failure into one sentence for the operator, never a stack trace.
public enum StartupFailure {
    /// The sentence to print for `error`.
    public static func describe(_ error: any Error, configuration: LyceumConfiguration?) -> String {
        switch error {
        case let error as ConfigurationError:
            return error.message
        case let error as CommandFailure:
            return error.message
        case let error as IOError where error.errnoCode == EADDRINUSE:
            let address = configuration.map { "\($0.host):\($0.port)" } ?? "the configured address"
            return "The address \(address) is already in use; choose another port with --port or LYCEUM_PORT."
        case let error as IOError where error.errnoCode == EADDRNOTAVAIL:
            return "The host address \(configuration?.host ?? "") is not available on this machine; check --host or LYCEUM_HOST."
        case let error as IOError where error.errnoCode == EACCES:
            return "Permission denied to listen on \(configuration.map { "\($0.host):\($0.port)" } ?? "that address"); use a port above 1023."
        case let error as DeadlineExceeded:
            return "\(error.what) took longer than \(error.limit); check LYCEUM_DATABASE_URL and that the database server is running."
        case let error as PSQLError:
            if let message = error.serverInfo?[.message] {
                return "PostgreSQL refused the connection: \(message)."
            }
            return "The PostgreSQL server cannot be reached; check LYCEUM_DATABASE_URL and that the server is running."
        default:
            return "Lyceum could not start: \(String(describing: error))."
        }
    }
}

/// A command that ran but could not do what was asked (e.g. `admin create` with a short password):
/// printed as it is, one sentence.
public struct CommandFailure: Error {
    /// The sentence for the operator, ending with a full stop.
    public let message: String

    /// Creates the failure; a missing full stop is added, a present one is not doubled.
    public init(_ message: String) {
        self.message = message.hasSuffix(".") ? message : message + "."
    }
}
