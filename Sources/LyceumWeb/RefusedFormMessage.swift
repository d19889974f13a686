import LyceumCore

extension AppError {
    /// What a page shows above a refused form: the fields' messages in field order, or the error's own message
    /// when it names no field.
    public var formMessage: String {
        fields.isEmpty ? message : fields.sorted { $0.key < $1.key }.map(\.value).joined(separator: " ")
    }
}
