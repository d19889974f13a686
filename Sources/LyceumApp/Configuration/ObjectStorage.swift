import LyceumCore
import LyceumPlatform

/// Opens the object store the configuration names.
enum ObjectStorage {
    /// The disk store (under the data directory unless a path is given; signed URLs under `<public URL>/objects`,
    /// keyed from the installation's signing secret) or the S3 store.
    static func open(_ configuration: LyceumConfiguration, clock: WallClock) throws -> any ObjectStore {
        switch configuration.objectStorage {
        case .disk(let path):
            let root = path ?? configuration.dataDirectory + "/objects"
            let signer = ObjectURLSigner(secret: try DataDirectory.signingKey(for: configuration), baseURL: configuration.publicURL + "/objects")
            do {
                return try DiskObjectStore(root: root, signer: signer, clock: clock)
            } catch {
                throw ConfigurationError("The object storage directory \(root) cannot be used (\(error)); check LYCEUM_STORAGE_URL and permissions.")
            }
        case .s3(let location):
            guard let credentials = configuration.objectStorageCredentials else {
                throw ConfigurationError("The S3 store has no credentials; set LYCEUM_STORAGE_ACCESS_KEY_ID and LYCEUM_STORAGE_SECRET_ACCESS_KEY.")
            }
            return S3ObjectStore(location: location, credentials: credentials, clock: clock)
        }
    }
}
