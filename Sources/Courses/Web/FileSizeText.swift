/// File sizes as people read them: "812 bytes", "2.4 KB", "18 MB" (powers of 1,000, as file managers show).
enum FileSizeText {
    static func text(_ bytes: Int64) -> String {
        guard bytes >= 1_000 else { return bytes == 1 ? "1 byte" : "\(bytes) bytes" }
        let units = ["KB", "MB", "GB", "TB"]
        var value = Double(bytes) / 1_000
        var unit = 0
        while value >= 999.95, unit < units.count - 1 {
            value /= 1_000
            unit += 1
        }
        let shown = value < 10 ? (value * 10).rounded() / 10 : value.rounded()
        let number = shown == shown.rounded() ? String(Int(shown)) : String(shown)
        return "\(number) \(units[unit])"
    }
}
