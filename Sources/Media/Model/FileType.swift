import Foundation

/// A kind of file Lyceum recognises by its first bytes, with the content type it is stored and served with.
public enum FileType: String, Sendable, CaseIterable, Codable {
    case png = "image/png"
    case jpeg = "image/jpeg"
    case webp = "image/webp"
    case gif = "image/gif"
    case svg = "image/svg+xml"
    case pdf = "application/pdf"
    case zip = "application/zip"
    case docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    case xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    case pptx = "application/vnd.openxmlformats-officedocument.presentationml.presentation"
    case doc = "application/msword"
    case xls = "application/vnd.ms-excel"
    case ppt = "application/vnd.ms-powerpoint"
    case text = "text/plain"
    case html = "text/html"
    case mp3 = "audio/mpeg"
    case wav = "audio/wav"
    case ogg = "audio/ogg"
    case m4a = "audio/mp4"
    case mp4 = "video/mp4"
    case webm = "video/webm"

    /// The content type, as stored with the object and sent in `Content-Type`.
    public var contentType: String {
        switch self {
        case .text: "text/plain; charset=utf-8"
        case .html: "text/html; charset=utf-8"
        default: rawValue
        }
    }

    /// The type a `Content-Type` value names (parameters and case ignored), if Lyceum knows it.
    public init?(contentType: String) {
        let mediaType = contentType.split(separator: ";", maxSplits: 1).first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        guard let mediaType, let type = FileType(rawValue: mediaType) else { return nil }
        self = type
    }

    /// Whether a browser may show it in place: images it cannot run, PDF, audio and video. Everything else
    /// (HTML, SVG, text, archives, documents) is sent as an attachment, so no upload runs as a page of ours.
    public var isInline: Bool {
        switch self {
        case .png, .jpeg, .webp, .gif, .pdf, .mp3, .wav, .ogg, .m4a, .mp4, .webm: true
        default: false
        }
    }

    /// File name extensions that go with the type, for the few types the first bytes cannot tell apart.
    var extensions: Set<String> {
        switch self {
        case .docx: ["docx", "docm", "dotx"]
        case .xlsx: ["xlsx", "xlsm", "xltx"]
        case .pptx: ["pptx", "pptm", "potx"]
        case .doc: ["doc", "dot"]
        case .xls: ["xls", "xlt"]
        case .ppt: ["ppt", "pps", "pot"]
        default: []
        }
    }
}
