import Foundation

/// The name a client gave its file, made safe to store and to send back: only the last path component,
/// no control, bidirectional-override or other format characters, no leading dots, at most 255 UTF-8 bytes
/// (the extension kept), never empty. It is only ever shown and offered as a download name; storage keys
/// never derive from it.
public enum UploadFilename {
    /// The longest name kept, in UTF-8 bytes.
    public static let maxBytes = 255

    /// The safe form of `name`.
    public static func sanitise(_ name: String) -> String {
        let lastComponent = name.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        var scalars = String.UnicodeScalarView()
        for scalar in lastComponent.precomposedStringWithCanonicalMapping.unicodeScalars {
            switch scalar.properties.generalCategory {
            case .control, .format, .lineSeparator, .paragraphSeparator, .surrogate, .privateUse, .unassigned:
                continue
            default:
                scalars.append(scalar)
            }
        }
        var cleaned = String(scalars).trimmingCharacters(in: .whitespaces)
        while cleaned.hasPrefix(".") { cleaned.removeFirst() }
        cleaned = cleaned.trimmingCharacters(in: .whitespaces)
        if cleaned.isEmpty { return "file" }
        return truncated(cleaned)
    }

    /// Cuts the stem so the whole name fits in `maxBytes`, keeping an extension of up to 16 characters.
    private static func truncated(_ name: String) -> String {
        guard name.utf8.count > maxBytes else { return name }
        var stem = name
        var suffix = ""
        if let dot = name.lastIndex(of: "."), name.distance(from: dot, to: name.endIndex) <= 17 {
            stem = String(name[..<dot])
            suffix = String(name[dot...])
        }
        while !stem.isEmpty, stem.utf8.count + suffix.utf8.count > maxBytes { stem.removeLast() }
        return stem.isEmpty ? String(suffix.prefix(maxBytes)) : stem + suffix
    }
}
