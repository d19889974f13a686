/// Placeholder replaced by the contract work.
public enum CoursesOpenAPI { public static let fragment = "{}" }
