import LyceumCore

extension JSONWriter {
    /// Writes a file attached to a post or message the one way every API shows it:
    /// `{"id", "filename", "size", "contentType", "contentPath"}`.
    public mutating func attachment(id: String, filename: String, size: Int64, contentType: String, contentPath: String) {
        beginObject()
        key("id")
        string(id)
        key("filename")
        string(filename)
        key("size")
        int(Int(size))
        key("contentType")
        string(contentType)
        key("contentPath")
        string(contentPath)
        endObject()
    }
}
