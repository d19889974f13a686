import Foundation

/// The first bytes of real files of each kind, built here so no binary file lives in the repository.
enum FileSamples {
    static let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] + Array("IHDR".utf8) + [UInt8](repeating: 1, count: 40)
    static let jpeg: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10] + Array("JFIF".utf8) + [0, 1, 1, 0, 0, 1, 0, 1, 0, 0]
    static let gif = Array("GIF89a".utf8) + [1, 0, 1, 0, 0x80, 0, 0]
    static let webp = Array("RIFF".utf8) + [0x24, 0, 0, 0] + Array("WEBPVP8 ".utf8) + [UInt8](repeating: 0, count: 20)
    static let pdf = Array("%PDF-1.7\n%\u{E2}\u{E3}\n1 0 obj\n".utf8)
    static let wav = Array("RIFF".utf8) + [0x24, 0, 0, 0] + Array("WAVEfmt ".utf8) + [16, 0, 0, 0, 1, 0, 1, 0]
    static let ogg = Array("OggS".utf8) + [0, 2] + [UInt8](repeating: 0, count: 22)
    static let mp3ID3 = Array("ID3".utf8) + [3, 0, 0, 0, 0, 0x0A] + [UInt8](repeating: 0, count: 10)
    static let mp3Frame: [UInt8] = [0xFF, 0xFB, 0x90, 0x64] + [UInt8](repeating: 0, count: 30)
    static let adts: [UInt8] = [0xFF, 0xF1, 0x50, 0x80, 0x02, 0x1F, 0xFC]
    static let m4a = ftyp(major: "M4A ", compatible: ["M4A ", "mp42", "isom"])
    static let m4aCompatible = ftyp(major: "mp42", compatible: ["M4A ", "isom"])
    static let mp4 = ftyp(major: "isom", compatible: ["isom", "iso2", "avc1", "mp41"])
    static let quickTime = ftyp(major: "qt  ", compatible: ["qt  "])
    static let webm = ebml(docType: "webm")
    static let matroska = ebml(docType: "matroska")
    static let cfb: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 24)
    static let elf: [UInt8] = [0x7F] + Array("ELF".utf8) + [2, 1, 1, 0]

    static func ftyp(major: String, compatible: [String]) -> [UInt8] {
        let size = 16 + 4 * compatible.count
        return [0, 0, 0, UInt8(size)] + Array("ftyp\(major)".utf8) + [0, 0, 2, 0] + compatible.flatMap { Array($0.utf8) } + [0, 0, 0, 8] + Array("free".utf8)
    }

    static func ebml(docType: String) -> [UInt8] {
        [0x1A, 0x45, 0xDF, 0xA3, 0x9F, 0x42, 0x86, 0x81, 0x01, 0x42, 0xF7, 0x81, 0x01, 0x42, 0xF2, 0x81, 0x04, 0x42, 0xF3, 0x81, 0x08,
         0x42, 0x82, 0x80 | UInt8(docType.utf8.count)] + Array(docType.utf8) + [0x42, 0x87, 0x81, 0x04]
    }

    /// A ZIP local file header and its (stored) data; with `descriptor`, sizes are left for a data descriptor.
    static func zipEntry(_ name: String, _ data: [UInt8] = Array("<xml/>".utf8), descriptor: Bool = false) -> [UInt8] {
        func le16(_ value: Int) -> [UInt8] { [UInt8(value & 0xFF), UInt8(value >> 8 & 0xFF)] }
        func le32(_ value: Int) -> [UInt8] { le16(value & 0xFFFF) + le16(value >> 16) }
        let size = descriptor ? 0 : data.count
        return [0x50, 0x4B, 0x03, 0x04] + le16(20) + le16(descriptor ? 0x08 : 0) + le16(0) + le16(0) + le16(0) + le32(0) + le32(size) + le32(size)
            + le16(name.utf8.count) + le16(0) + Array(name.utf8) + data
    }

    static let centralDirectory: [UInt8] = [0x50, 0x4B, 0x01, 0x02] + [UInt8](repeating: 0, count: 42)

    static func docx() -> [UInt8] {
        zipEntry("[Content_Types].xml") + zipEntry("_rels/.rels") + zipEntry("word/document.xml") + centralDirectory
    }
}
