/// Reads the names of a ZIP archive's first entries from its local file headers, to tell Office Open XML
/// documents (which are ZIP archives) from other archives without unpacking anything.
enum ZipEntries {
    /// The Office document type of a ZIP archive, or `nil` for another archive.
    ///
    /// An entry under `word/`, `xl/` or `ppt/` decides. When the head shows none, the archive is taken as the
    /// Office type its file name's extension names only if nothing contradicts it: it has `[Content_Types].xml`
    /// (every Office document has), or the head ends before its entries do.
    static func officeType(_ head: ArraySlice<UInt8>, filename: String) -> FileType? {
        let (names, sawAllEntries) = names(in: head)
        for name in names {
            if name.hasPrefix("word/") { return .docx }
            if name.hasPrefix("xl/") { return .xlsx }
            if name.hasPrefix("ppt/") { return .pptx }
        }
        guard names.contains("[Content_Types].xml") || !sawAllEntries else { return nil }
        let suffix = FileSniffer.fileExtension(filename)
        return [FileType.docx, .xlsx, .pptx].first { $0.extensions.contains(suffix) }
    }

    /// The entry names the head's local headers give, and whether the walk reached the central directory
    /// (so every entry was seen). The walk stops at an entry whose size is only known after its data.
    static func names(in head: ArraySlice<UInt8>) -> (names: [String], sawAllEntries: Bool) {
        let bytes = Array(head)
        var names: [String] = []
        var offset = 0
        func uint16(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
        func uint32(_ at: Int) -> Int { uint16(at) | uint16(at + 2) << 16 }
        while offset + 30 <= bytes.count, names.count < 64 {
            let signature = uint32(offset)
            if signature == 0x0201_4B50 || signature == 0x0605_4B50 { return (names, true) }
            guard signature == 0x0403_4B50 else { break }
            let flags = uint16(offset + 6)
            let compressedSize = uint32(offset + 18)
            let nameLength = uint16(offset + 26)
            let extraLength = uint16(offset + 28)
            let nameStart = offset + 30
            guard nameStart + nameLength <= bytes.count else { break }
            names.append(String(decoding: bytes[nameStart..<(nameStart + nameLength)], as: UTF8.self))
            // Bit 3: sizes follow the data in a descriptor, so the next header cannot be found from here.
            if flags & 0x08 != 0 { break }
            offset = nameStart + nameLength + extraLength + compressedSize
        }
        return (names, false)
    }
}
