import Testing
@testable import Media

@Suite("Upload file names")
struct UploadFilenameTests {
    @Test(
        "names lose paths, control and direction characters and leading dots",
        arguments: [
            ("../../etc/passwd", "passwd"), ("C:\\Users\\me\\report.pdf", "report.pdf"), ("/var/www/../x.png", "x.png"),
            ("evil\u{202E}gpj.exe", "evilgpj.exe"), ("line\nbreak\r.txt", "linebreak.txt"), ("nul\0byte.txt", "nulbyte.txt"),
            (".htaccess", "htaccess"), ("...", "file"), ("", "file"), ("dir/", "dir"), ("  spaced.txt  ", "spaced.txt"),
            ("Zoë's notes.pdf", "Zoë's notes.pdf"),
        ]
    )
    func sanitised(name: String, expected: String) {
        #expect(UploadFilename.sanitise(name) == expected)
    }

    @Test("long names are cut to 255 bytes, keeping the extension and whole characters")
    func long() {
        let name = UploadFilename.sanitise(String(repeating: "é", count: 300) + ".pdf")
        #expect(name.utf8.count <= 255 && name.hasSuffix(".pdf") && name.hasPrefix("é"))
    }
}
