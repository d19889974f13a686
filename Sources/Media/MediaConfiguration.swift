/// The limits uploads are held to (`LYCEUM_MEDIA_*`).
public struct MediaConfiguration: Sendable, Equatable {
    /// The largest profile picture, in bytes (5 MiB).
    public var maxAvatarBytes: Int64 = 5 << 20
    /// The largest attachment, in bytes (100 MiB).
    public var maxAttachmentBytes: Int64 = 100 << 20
    /// The largest recording, in bytes (500 MiB).
    public var maxAudioBytes: Int64 = 500 << 20
    /// The largest video, in bytes (2 GiB).
    public var maxVideoBytes: Int64 = 2 << 30
    /// How many bytes of uploads one user may keep (ready and in progress), in bytes (10 GiB).
    public var quotaBytes: Int64 = 10 << 30
    /// How long an upload may stay unfinished before the cleanup job removes it.
    public var pendingLifetime: Duration = .seconds(24 * 3_600)

    /// The default limits.
    public init() {}

    /// The largest file of `purpose`.
    public func maxBytes(for purpose: UploadPurpose) -> Int64 {
        switch purpose {
        case .avatar: maxAvatarBytes
        case .attachment: maxAttachmentBytes
        case .audio: maxAudioBytes
        case .video: maxVideoBytes
        }
    }
}
