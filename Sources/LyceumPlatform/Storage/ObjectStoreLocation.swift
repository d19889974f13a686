import Foundation

/// Where objects are stored, as the operator's `LYCEUM_STORAGE_URL` says.
public enum ObjectStoreLocation: Sendable, Equatable {
    /// A directory: `file://` (the default, `<data dir>/objects`, given as `nil`) or `file:///absolute/path`.
    case disk(path: String?)
    /// An S3-compatible bucket: `s3://bucket?region=eu-west-1&endpoint=https://…&pathStyle=true`.
    case s3(S3Location)

    /// Parses and validates the setting's text.
    public init(_ text: String) throws(ConfigurationError) {
        let setting = "LYCEUM_STORAGE_URL"
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased() else {
            throw ConfigurationError("\(setting) must be file://, file:///absolute/path or s3://bucket?region=… (got \(text)).")
        }
        switch scheme {
        case "file":
            guard (components.host ?? "").isEmpty, components.query == nil else {
                throw ConfigurationError("\(setting) must be file:// or file:///absolute/path (got \(text)).")
            }
            let path = components.percentEncodedPath.removingPercentEncoding ?? components.path
            self = .disk(path: path.isEmpty || path == "/" ? nil : path)
        case "s3":
            self = .s3(try S3Location(components: components, text: text, setting: setting))
        default:
            throw ConfigurationError("\(setting) must start with file:// or s3:// (got \(text)).")
        }
    }
}

/// An S3 bucket and how to reach it.
public struct S3Location: Sendable, Equatable {
    /// The bucket name.
    public let bucket: String
    /// The region requests are signed for.
    public let region: String
    /// The service's base URL, e.g. `https://s3.eu-west-1.amazonaws.com` or `http://127.0.0.1:8333`.
    public let endpoint: URL
    /// Whether the bucket goes in the path (`endpoint/bucket/key`, for MinIO and SeaweedFS) rather than in
    /// the host name (`bucket.endpoint/key`, AWS's default).
    public let pathStyle: Bool

    /// Creates a location.
    public init(bucket: String, region: String, endpoint: URL? = nil, pathStyle: Bool = false) {
        self.bucket = bucket
        self.region = region
        self.endpoint = endpoint ?? URL(string: "https://s3.\(region).amazonaws.com")!
        self.pathStyle = pathStyle
    }

    init(components: URLComponents, text: String, setting: String) throws(ConfigurationError) {
        let bucket = components.host ?? ""
        let validCharacters = bucket.utf8.allSatisfy {
            ($0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z")) || ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9"))
                || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ".")
        }
        guard (3...63).contains(bucket.count), validCharacters, components.path.isEmpty || components.path == "/" else {
            throw ConfigurationError("\(setting) must name a bucket of 3 to 63 lowercase letters, digits, dots and hyphens: s3://bucket?region=… (got \(text)).")
        }
        var region = "us-east-1"
        var endpoint: URL?
        var pathStyle = false
        for item in components.queryItems ?? [] {
            let value = item.value ?? ""
            switch item.name {
            case "region":
                guard !value.isEmpty, value.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }) else {
                    throw ConfigurationError("\(setting) has an invalid region (got \(value)).")
                }
                region = value
            case "endpoint":
                guard let url = URL(string: value), ["http", "https"].contains(url.scheme?.lowercased() ?? ""), url.host != nil,
                    url.path.isEmpty || url.path == "/", url.query == nil
                else {
                    throw ConfigurationError("\(setting) endpoint must be an http:// or https:// address without a path (got \(value)).")
                }
                endpoint = url
            case "pathStyle":
                switch value.lowercased() {
                case "true", "1", "yes": pathStyle = true
                case "false", "0", "no": pathStyle = false
                default: throw ConfigurationError("\(setting) pathStyle must be true or false (got \(value)).")
                }
            default:
                throw ConfigurationError("\(setting) has an unknown parameter \(item.name); use region, endpoint and pathStyle.")
            }
        }
        self.init(bucket: bucket, region: region, endpoint: endpoint, pathStyle: pathStyle)
    }
}

extension ObjectStoreLocation {
    /// The origin (`scheme://host[:port]`) a browser talks to when it follows a signed URL of this store: the
    /// bucket's for S3, `nil` on disk, whose signed URLs are Lyceum's own. Pages allow it in their
    /// Content-Security-Policy so that uploads can go straight to the bucket and pictures load from it.
    public var browserOrigin: String? {
        guard case .s3(let location) = self else { return nil }
        let scheme = location.endpoint.scheme?.lowercased() ?? "https"
        let name = location.endpoint.host ?? ""
        let port = location.endpoint.port.map { ":\($0)" } ?? ""
        return "\(scheme)://" + (location.pathStyle ? "" : location.bucket + ".") + name + port
    }
}
