/// What an upload is for, which decides the file types it may be and how large it may grow.
public enum UploadPurpose: String, Sendable, CaseIterable, Codable {
    /// A profile picture.
    case avatar
    /// A document attached to a lesson, a post or a message.
    case attachment
    /// A recording.
    case audio
    /// A lecture video.
    case video

    /// The types a file of this purpose may be.
    public var allowedTypes: Set<FileType> {
        switch self {
        case .avatar: [.png, .jpeg, .webp]
        case .attachment: [.pdf, .docx, .xlsx, .pptx, .doc, .xls, .ppt, .text, .html, .svg, .png, .jpeg, .webp, .gif, .zip]
        case .audio: [.mp3, .wav, .ogg, .m4a]
        case .video: [.mp4, .webm]
        }
    }
}
