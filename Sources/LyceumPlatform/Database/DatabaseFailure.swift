import PostgresNIO
import SQLiteNIO

/// The kinds of database failure that callers handle rather than report as faults.
public enum DatabaseFailure: Sendable, Equatable {
    /// A UNIQUE or PRIMARY KEY constraint rejected the row.
    case uniqueViolation
    /// A FOREIGN KEY constraint rejected the row.
    case foreignKeyViolation
    /// Anything else: a fault to log.
    case other

    /// Classifies an error thrown by either driver.
    public init(_ error: any Error) {
        if let error = error as? SQLiteError {
            switch error.reason {
            case .constraintUniqueFailed, .constraintPrimaryKeyFailed: self = .uniqueViolation
            case .constraintForeignKeyFailed: self = .foreignKeyViolation
            default: self = .other
            }
        } else if let error = error as? PSQLError {
            switch error.serverInfo?[.sqlState] {
            case "23505": self = .uniqueViolation
            case "23503": self = .foreignKeyViolation
            default: self = .other
            }
        } else {
            self = .other
        }
    }
}
