/// Why an object store operation failed.
public enum ObjectStoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The key breaks a rule of `ObjectKey`.
    case invalidKey(String)
    /// The content type is empty, too long, or holds characters a header cannot carry.
    case invalidContentType
    /// No object has that key.
    case notFound
    /// The requested range starts past the end of an object of `size` bytes (HTTP 416).
    case rangeNotSatisfiable(size: Int64)
    /// The body did not have the size the caller announced; nothing was stored.
    case sizeMismatch(expected: Int64, actual: Int64)
    /// The storage service refused the credentials or the request (HTTP 403), with its error code.
    case accessDenied(code: String)
    /// The storage service answered with an unexpected status, with its error code when it sent one.
    case serviceFailure(status: Int, code: String?)
    /// No usable credentials: none configured, or the credential endpoint failed.
    case credentials(String)
    /// The local file system failed (disk full, permissions), with the operation and `errno` text.
    case fileSystem(String)

    public var description: String {
        switch self {
        case .invalidKey(let reason): "Invalid object key: \(reason)."
        case .invalidContentType: "Invalid content type."
        case .notFound: "No such object."
        case .rangeNotSatisfiable(let size): "The range is not satisfiable for an object of \(size) bytes."
        case .sizeMismatch(let expected, let actual): "The body had \(actual) bytes, not the \(expected) announced."
        case .accessDenied(let code): "The storage service denied access (\(code))."
        case .serviceFailure(let status, let code): "The storage service answered \(status)\(code.map { " (\($0))" } ?? "")."
        case .credentials(let reason): "No storage credentials: \(reason)."
        case .fileSystem(let reason): "Object storage on disk failed: \(reason)."
        }
    }
}
