/// The name of a stored object: `/`-separated segments such as `uploads/2f1c…/lecture-1.mp4`.
///
/// Validated so that no key can leave the store's directory on disk or mean something else to S3: not empty,
/// at most 1,024 bytes, no leading or trailing `/`, no empty, `.` or `..` segments, no segment starting with
/// `.` (the disk store keeps its temporary files there), no backslash, NUL or other control characters.
public struct ObjectKey: Sendable, Hashable, CustomStringConvertible {
    /// The key as text.
    public let value: String

    /// Validates `value` as a key.
    /// - Throws: `ObjectStoreError.invalidKey` naming the rule the text breaks.
    public init(_ value: String) throws(ObjectStoreError) {
        guard !value.isEmpty else { throw .invalidKey("an object key cannot be empty") }
        guard value.utf8.count <= 1_024 else { throw .invalidKey("an object key is at most 1024 bytes") }
        for scalar in value.unicodeScalars {
            if scalar == "\\" { throw .invalidKey("an object key cannot contain a backslash") }
            if scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value) {
                throw .invalidKey("an object key cannot contain NUL or control characters")
            }
        }
        guard !value.hasPrefix("/") else { throw .invalidKey("an object key cannot be an absolute path") }
        for segment in value.split(separator: "/", omittingEmptySubsequences: false) {
            if segment.isEmpty { throw .invalidKey("an object key cannot have empty segments (`//` or a trailing `/`)") }
            if segment == "." || segment == ".." { throw .invalidKey("an object key cannot have `.` or `..` segments") }
            if segment.hasPrefix(".") { throw .invalidKey("an object key's segments cannot start with `.`") }
        }
        self.value = value
    }

    public var description: String { value }
}
