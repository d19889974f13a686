import Testing
@testable import Media

@Suite("File type detection by first bytes")
struct FileSnifferTests {
    @Test(
        "each accepted kind is recognised by its bytes, whatever its name",
        arguments: [
            (FileSamples.png, FileType.png), (FileSamples.jpeg, .jpeg), (FileSamples.gif, .gif), (FileSamples.webp, .webp),
            (FileSamples.pdf, .pdf), (FileSamples.wav, .wav), (FileSamples.ogg, .ogg), (FileSamples.mp3ID3, .mp3),
            (FileSamples.mp3Frame, .mp3), (FileSamples.m4a, .m4a), (FileSamples.m4aCompatible, .m4a), (FileSamples.mp4, .mp4),
            (FileSamples.webm, .webm), (FileSamples.docx(), .docx),
            (FileSamples.zipEntry("[Content_Types].xml") + FileSamples.zipEntry("xl/workbook.xml") + FileSamples.centralDirectory, .xlsx),
            (FileSamples.zipEntry("[Content_Types].xml") + FileSamples.zipEntry("ppt/presentation.xml") + FileSamples.centralDirectory, .pptx),
            (FileSamples.zipEntry("notes.txt") + FileSamples.centralDirectory, .zip),
            (Array("Plain notes, «UTF-8» too.\n".utf8), .text),
            (Array("  <!DOCTYPE html><html><script>alert(1)</script>".utf8), .html),
            (Array("<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"><script/></svg>".utf8), .svg),
        ] as [([UInt8], FileType)]
    )
    func recognised(bytes: [UInt8], type: FileType) {
        #expect(FileSniffer.detect(bytes, isWholeFile: true, filename: "renamed.bin") == type)
    }

    @Test(
        "bytes of no accepted kind are refused",
        arguments: [
            FileSamples.elf, FileSamples.adts, FileSamples.quickTime, FileSamples.matroska, [0x00, 0x01, 0x02],
            Array("text with a NUL\0 inside".utf8), [0x68, 0x69, 0xFF, 0xFE, 0x21], FileSamples.cfb,
        ]
    )
    func refused(bytes: [UInt8]) {
        #expect(FileSniffer.detect(bytes, isWholeFile: true, filename: "file.txt") == nil)
    }

    @Test("a legacy Office file (CFB) takes its kind from its extension, and only an Office one")
    func legacyOffice() {
        #expect(FileSniffer.detect(FileSamples.cfb, isWholeFile: false, filename: "minutes.DOC") == .doc)
        #expect(FileSniffer.detect(FileSamples.cfb, isWholeFile: false, filename: "grades.xls") == .xls)
        #expect(FileSniffer.detect(FileSamples.cfb, isWholeFile: false, filename: "slides.ppt") == .ppt)
        #expect(FileSniffer.detect(FileSamples.cfb, isWholeFile: false, filename: "setup.msi") == nil)
    }

    @Test("a ZIP whose first entry hides the rest is an Office type only when its extension says so")
    func officeByExtension() {
        let hidden = FileSamples.zipEntry("[Content_Types].xml", descriptor: true)
        #expect(FileSniffer.detect(hidden, isWholeFile: false, filename: "essay.docx") == .docx)
        #expect(FileSniffer.detect(hidden, isWholeFile: false, filename: "archive.zip") == .zip)
        // Every entry seen, none of Office: a ZIP renamed .docx stays a ZIP.
        #expect(FileSniffer.detect(FileSamples.zipEntry("a.txt") + FileSamples.centralDirectory, isWholeFile: true, filename: "fake.docx") == .zip)
        // Contents decide over the name.
        #expect(FileSniffer.detect(FileSamples.docx(), isWholeFile: true, filename: "slides.pptx") == .docx)
    }

    @Test("a head cut inside a multi-byte character is still text; a whole file cut there is not")
    func truncatedUTF8() {
        let text = Array("résumé ".utf8) + [0xC3]
        #expect(FileSniffer.detect(text, isWholeFile: false, filename: "a.txt") == .text)
        #expect(FileSniffer.detect(text, isWholeFile: true, filename: "a.txt") == nil)
    }

    @Test("purposes allow what the issue lists, and SVG or HTML only as attachments")
    func allowLists() {
        #expect(UploadPurpose.avatar.allowedTypes == [.png, .jpeg, .webp])
        #expect(UploadPurpose.audio.allowedTypes == [.mp3, .wav, .ogg, .m4a])
        #expect(UploadPurpose.video.allowedTypes == [.mp4, .webm])
        #expect(UploadPurpose.attachment.allowedTypes.isSuperset(of: [.pdf, .docx, .xlsx, .pptx, .doc, .text, .zip, .png, .html, .svg]))
        #expect(!UploadPurpose.attachment.allowedTypes.contains(.mp4))
        #expect(!FileType.html.isInline && !FileType.svg.isInline && !FileType.text.isInline && FileType.pdf.isInline)
    }
}
