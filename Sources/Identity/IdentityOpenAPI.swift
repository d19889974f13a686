/// Placeholder replaced by the contract work.
public enum IdentityOpenAPI { public static let fragment = "{}" }
