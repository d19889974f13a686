/// The `Content-Disposition` of a served upload: `inline` only for types a browser shows without running
/// anything (`FileType.isInline`), `attachment` for the rest, with the file name in both the plain form
/// (ASCII, quotes and backslashes replaced) and the RFC 8187 form for everything else.
enum ContentDisposition {
    static func value(for fileType: FileType, filename: String) -> String {
        let disposition = fileType.isInline ? "inline" : "attachment"
        let fallback = String(String.UnicodeScalarView(filename.unicodeScalars.map { scalar in
            (0x20..<0x7F).contains(scalar.value) && scalar != "\"" && scalar != "\\" && scalar != "%" ? scalar : "_"
        }))
        return "\(disposition); filename=\"\(fallback)\"; filename*=UTF-8''\(percentEncoded(filename))"
    }

    /// RFC 8187's `attr-char` kept, every other byte percent-encoded.
    private static func percentEncoded(_ text: String) -> String {
        var encoded = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "!"), UInt8(ascii: "#"), UInt8(ascii: "$"), UInt8(ascii: "&"), UInt8(ascii: "+"), UInt8(ascii: "-"),
                UInt8(ascii: "."), UInt8(ascii: "^"), UInt8(ascii: "_"), UInt8(ascii: "`"), UInt8(ascii: "|"), UInt8(ascii: "~"):
                encoded.append(Character(UnicodeScalar(byte)))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                encoded += "%" + (byte < 0x10 ? "0" + hex : hex)
            }
        }
        return encoded
    }
}
