/// Decides a file's type from its first bytes (magic numbers), never from its name or the client's
/// `Content-Type`; the name only chooses between types whose bytes are the same container (a legacy Office
/// file's CFB header, a ZIP-based Office document whose first entries do not say which application it is).
public enum FileSniffer {
    /// How many leading bytes the sniffer reads; fewer when the file is shorter.
    public static let headLength = 16 * 1024

    /// The file's type, or `nil` when it is none Lyceum accepts.
    /// - Parameters:
    ///   - head: the first `headLength` bytes, or the whole file when it is shorter.
    ///   - isWholeFile: whether `head` is the whole file (a text file may then end anywhere).
    ///   - filename: the sanitised file name, for the container formats above.
    public static func detect(_ head: [UInt8], isWholeFile: Bool, filename: String) -> FileType? {
        let bytes = head[...]
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
        if bytes.starts(with: [0xFF, 0xD8, 0xFF]) { return .jpeg }
        if bytes.starts(with: Array("GIF87a".utf8)) || bytes.starts(with: Array("GIF89a".utf8)) { return .gif }
        if bytes.starts(with: Array("%PDF-".utf8)) { return .pdf }
        if bytes.starts(with: Array("RIFF".utf8)), bytes.count >= 12 {
            switch String(decoding: bytes[8..<12], as: UTF8.self) {
            case "WEBP": return .webp
            case "WAVE": return .wav
            default: return nil
            }
        }
        if bytes.starts(with: Array("OggS".utf8)) { return .ogg }
        if bytes.starts(with: Array("ID3".utf8)) || isMPEGAudioFrame(bytes) { return .mp3 }
        if bytes.count >= 12, String(decoding: bytes[4..<8], as: UTF8.self) == "ftyp" { return isoMedia(bytes) }
        if bytes.starts(with: [0x1A, 0x45, 0xDF, 0xA3]) { return matroskaDocType(bytes) == "webm" ? .webm : nil }
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) || (isWholeFile && bytes.starts(with: [0x50, 0x4B, 0x05, 0x06])) {
            return ZipEntries.officeType(bytes, filename: filename) ?? .zip
        }
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
            let suffix = fileExtension(filename)
            return [FileType.doc, .xls, .ppt].first { $0.extensions.contains(suffix) }
        }
        return markup(bytes, isWholeFile: isWholeFile)
    }

    /// The lowercased extension of `filename` (`""` when it has none).
    static func fileExtension(_ filename: String) -> String {
        guard let dot = filename.lastIndex(of: "."), dot != filename.startIndex else { return "" }
        return filename[filename.index(after: dot)...].lowercased()
    }

    /// An MPEG audio frame header: 11 sync bits, a version and layer that exist, a bitrate index other than
    /// "bad" and a sampling rate other than "reserved". (AAC's ADTS header has layer 0, so it is not taken.)
    private static func isMPEGAudioFrame(_ bytes: ArraySlice<UInt8>) -> Bool {
        guard bytes.count >= 4 else { return false }
        let b1 = bytes[bytes.startIndex + 1], b2 = bytes[bytes.startIndex + 2]
        return bytes[bytes.startIndex] == 0xFF && b1 & 0xE0 == 0xE0 && (b1 >> 3) & 0x03 != 0x01 && (b1 >> 1) & 0x03 != 0
            && b2 >> 4 != 0x0F && (b2 >> 2) & 0x03 != 0x03
    }

    /// MP4 family by the `ftyp` box: `M4A `/`M4B ` brands (major or compatible) are audio, the ISO and MP4
    /// brands video; QuickTime, 3GP, HEIF and the rest are not accepted.
    private static func isoMedia(_ bytes: ArraySlice<UInt8>) -> FileType? {
        let base = bytes.startIndex
        let boxSize = Int(bytes[base]) << 24 | Int(bytes[base + 1]) << 16 | Int(bytes[base + 2]) << 8 | Int(bytes[base + 3])
        let end = min(bytes.count, max(boxSize, 12))
        var brands = [String(decoding: bytes[(base + 8)..<(base + 12)], as: UTF8.self)]
        var offset = 16
        while offset + 4 <= end {
            brands.append(String(decoding: bytes[(base + offset)..<(base + offset + 4)], as: UTF8.self))
            offset += 4
        }
        if brands.contains(where: { $0 == "M4A " || $0 == "M4B " }) { return .m4a }
        let video: Set<String> = ["isom", "iso2", "iso3", "iso4", "iso5", "iso6", "mp41", "mp42", "avc1", "dash", "mmp4", "MSNV", "M4V "]
        return video.contains(brands[0]) ? .mp4 : nil
    }

    /// The `DocType` of an EBML header (`webm` or `matroska`), read from the header's elements.
    private static func matroskaDocType(_ bytes: ArraySlice<UInt8>) -> String? {
        let window = Array(bytes.prefix(64))
        guard let start = (0..<max(0, window.count - 3)).first(where: { window[$0] == 0x42 && window[$0 + 1] == 0x82 }) else { return nil }
        let sizeByte = window[start + 2]
        guard sizeByte & 0x80 != 0 else { return nil }
        let length = Int(sizeByte & 0x7F)
        let from = start + 3
        guard from + length <= window.count else { return nil }
        return String(decoding: window[from..<(from + length)], as: UTF8.self)
    }

    /// Text: valid UTF-8 without NUL (a multi-byte character may be cut at the end of a partial head).
    /// Text that starts like an HTML document or an SVG image is that, so it is always served as an attachment.
    private static func markup(_ bytes: ArraySlice<UInt8>, isWholeFile: Bool) -> FileType? {
        guard !bytes.isEmpty, !bytes.contains(0) else { return nil }
        var checked = bytes
        if !isWholeFile {
            // Drop a trailing incomplete UTF-8 sequence: up to 3 bytes after the last lead byte.
            if let lead = checked.suffix(4).lastIndex(where: { $0 & 0xC0 != 0x80 }), checked[lead] >= 0xC0 {
                checked = checked[..<lead]
            }
        }
        guard let text = String(validating: checked, as: UTF8.self) else { return nil }
        let start = text.drop { $0 == "\u{FEFF}" || $0.isWhitespace }.prefix(1024).lowercased()
        if start.hasPrefix("<") {
            if start.contains("<svg") { return .svg }
            if ["<!doctype html", "<html", "<head", "<body", "<script", "<iframe", "<meta", "<!--"].contains(where: { start.contains($0) }) {
                return .html
            }
        }
        return .text
    }
}
