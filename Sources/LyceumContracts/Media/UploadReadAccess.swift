import Synchronization

/// Answers whether a caller may read an upload because of what it is attached to. A domain that attaches
/// uploads to its things (lesson attachments in Courses, files on forum posts in Community) implements one
/// per kind of attachment, looking the upload id up in its own tables.
public protocol UploadReadAccess: Sendable {
    /// Whether `principal` may read the upload through an attachment of this kind: `true` only when the
    /// upload is attached to something of this kind that `principal` may read.
    func canRead(_ principal: Principal, uploadID: String) async throws -> Bool
}

/// The attachment kinds Media asks when someone other than an upload's owner or an administrator reads it.
/// Media provides it; a domain built after Media registers its resolvers while it is built.
public final class UploadReadAccessRegistry: Sendable {
    private let resolvers = Mutex<[(kind: String, resolver: any UploadReadAccess)]>([])

    /// Creates an empty registry.
    public init() {}

    /// Adds the resolver for attachments of `kind` (e.g. `lesson-attachment`); call while the application starts.
    /// - Precondition: no resolver is registered for `kind` yet.
    public func register(_ kind: String, _ resolver: any UploadReadAccess) {
        resolvers.withLock { resolvers in
            precondition(!resolvers.contains { $0.kind == kind }, "An upload read resolver for \(kind) is already registered.")
            resolvers.append((kind, resolver))
        }
    }

    /// Whether any attachment kind lets `principal` read the upload.
    public func canRead(_ principal: Principal, uploadID: String) async throws -> Bool {
        for entry in resolvers.withLock({ $0 }) where try await entry.resolver.canRead(principal, uploadID: uploadID) {
            return true
        }
        return false
    }
}
