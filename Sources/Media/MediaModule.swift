import Hummingbird
import LyceumContracts
import LyceumHTTP
import LyceumPlatform
import LyceumWeb

/// Uploads: files streamed through Lyceum or sent straight to the object store, typed by their bytes, held
/// to their purpose's limits and their owner's quota, and read through short-lived signed links.
///
/// - Storage: the platform's `ObjectStore` (disk or S3); objects live under `media/`, keyed by upload id.
/// - Reading: owners and administrators always; anyone else when an attachment kind registered in the
///   `UploadReadAccessRegistry` (provided here, filled by domains built later) says they may. Others get 404.
/// - Attaching: other domains see uploads through `UploadCatalog` (provided here), and drop their references
///   when `UploadDeleted` is published.
/// - Serving: `GET /api/v1/uploads/{id}/content` redirects to a signed URL: S3's presigned URL, or on disk
///   `/objects/…`, served here with ranges, validators and safe `Content-Disposition`.
/// - Cleanup: an hourly job removes uploads left pending past `MediaConfiguration.pendingLifetime` and
///   failed ones, objects first.
public struct MediaModule: LyceumModule {
    /// The domain's service.
    public let service: MediaService
    private let diskStore: DiskObjectStore?

    public var name: String { "media" }
    public var migrations: [Migration] { MediaMigrations.all }
    public var openAPIFragment: String { MediaOpenAPI.fragment }

    /// Builds the module on the platform's object store, and provides the registry of upload read access.
    public init(context: ModuleContext, configuration: MediaConfiguration) throws {
        let store = try context.require((any ObjectStore).self)
        let readAccess = UploadReadAccessRegistry()
        service = MediaService(
            database: context.database, store: store, clock: context.clock, configuration: configuration, readAccess: readAccess,
            jobs: context.jobs, logger: context.logger
        )
        diskStore = store as? DiskObjectStore
        context.provide(readAccess, as: UploadReadAccessRegistry.self)
        context.provide(service, as: MediaService.self)
        context.provide(service, as: (any UploadCatalog).self)
    }

    /// Schedules the hourly removal of abandoned uploads.
    public func registerJobs(_ registry: JobRegistry) {
        MediaService.registerCleanup(in: registry, service: service)
    }

    public func addAPIRoutes(to api: RouterGroup<AppRequestContext>) {
        UploadsAPI(media: service).addRoutes(to: api)
    }

    /// The browser's upload routes, for the upload widget.
    public func addPages(to pages: RouterGroup<AppRequestContext>, renderer: PageRenderer) {
        UploadPages(api: UploadsAPI(media: service)).addRoutes(to: pages)
    }

    /// The upload widget, on every signed-in page: it enhances any `input[type=file][data-upload-purpose]`.
    public var webAssets: [WebAsset] { [.script("uploads.js", UploadWidgetScript.text, onEverySignedInPage: true)] }

    /// The disk store's signed URLs; S3 serves its own.
    public func addPublicRoutes(to root: RouterGroup<AppRequestContext>) {
        guard let diskStore else { return }
        SignedObjectRoutes(media: service, store: diskStore).addRoutes(to: root)
    }
}
