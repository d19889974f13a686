/// The release of this build.
public enum LyceumVersion {
    /// Semantic version of the binary.
    public static let current = "0.1.0"
}
