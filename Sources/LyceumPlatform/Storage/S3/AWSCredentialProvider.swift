import AsyncHTTPClient
import Foundation

/// Supplies the credentials that sign the next request; temporary ones are renewed before they expire.
public protocol AWSCredentialProvider: Sendable {
    /// Credentials valid for at least a few minutes.
    func credentials() async throws -> AWSCredentials
}

/// Credentials that never change: from configuration or the `AWS_ACCESS_KEY_ID` environment variables.
public struct StaticCredentialProvider: AWSCredentialProvider {
    private let value: AWSCredentials

    /// Creates a provider of `credentials`.
    public init(_ credentials: AWSCredentials) { value = credentials }

    public func credentials() async throws -> AWSCredentials { value }
}

/// Chooses where the S3 store's credentials come from, in the order AWS SDKs use.
public enum AWSCredentialSource {
    /// Configured keys first; then `AWS_ACCESS_KEY_ID`/`AWS_SECRET_ACCESS_KEY` (with `AWS_SESSION_TOKEN`);
    /// then the ECS/EKS container credentials endpoint (`AWS_CONTAINER_CREDENTIALS_FULL_URI` or
    /// `..._RELATIVE_URI`, with `AWS_CONTAINER_AUTHORIZATION_TOKEN` or `..._TOKEN_FILE`).
    /// - Throws: `ConfigurationError` when none is there or the container endpoint is not allowed.
    public static func resolve(
        configured: AWSCredentials?, environment: [String: String], httpClient: HTTPClient = .shared
    ) throws(ConfigurationError) -> any AWSCredentialProvider {
        if let configured { return StaticCredentialProvider(configured) }
        if let accessKey = environment["AWS_ACCESS_KEY_ID"], !accessKey.isEmpty,
            let secret = environment["AWS_SECRET_ACCESS_KEY"], !secret.isEmpty
        {
            let token = environment["AWS_SESSION_TOKEN"].flatMap { $0.isEmpty ? nil : $0 }
            return StaticCredentialProvider(AWSCredentials(accessKeyId: accessKey, secretAccessKey: secret, sessionToken: token))
        }
        if let endpoint = try ContainerCredentialProvider.endpoint(environment: environment) {
            return ContainerCredentialProvider(
                endpoint: endpoint, authorizationToken: environment["AWS_CONTAINER_AUTHORIZATION_TOKEN"].flatMap { $0.isEmpty ? nil : $0 },
                authorizationTokenFile: environment["AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE"].flatMap { $0.isEmpty ? nil : $0 },
                httpClient: httpClient
            )
        }
        throw ConfigurationError(
            "The S3 store has no credentials: set LYCEUM_STORAGE_ACCESS_KEY_ID and LYCEUM_STORAGE_SECRET_ACCESS_KEY, the AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY environment variables, or run with an ECS/EKS task role."
        )
    }
}
