import Foundation
import LyceumApp
import LyceumPlatform
import LyceumTestSupport
import NIOCore
import Testing

@Suite("Object storage configuration and wiring")
struct ObjectStorageWiringTests {
    @Test("by default objects live in the data directory, and modules can require the store")
    func diskByDefault() async throws {
        #expect(try await LyceumConfiguration.load(flags: [:], environment: [:]).objectStorage == .disk(path: nil))
        try await TestApp.run(.sqlite) { app in
            let store = try #require(app.services.objectStore as? DiskObjectStore)
            #expect(store.root.hasSuffix("/objects"))
            let required = try app.services.require((any ObjectStore).self)
            let key = try ObjectKey("wiring/check.txt")
            _ = try await required.put(key, bytes: ByteBuffer(string: "ok"), contentType: "text/plain")
            #expect(FileManager.default.fileExists(atPath: store.root + "/wiring/check.txt"))
            let signed = try await store.signedRequest(.get, for: key, expiresIn: .seconds(60))
            #expect(signed.url.path == "/objects/wiring/check.txt" && signed.url.query?.hasPrefix("expires=") == true)
        }
    }

    @Test("file:///path puts objects there")
    func diskPath() async throws {
        let configuration = try await LyceumConfiguration.load(flags: [:], environment: ["LYCEUM_STORAGE_URL": "file:///srv/objects"])
        #expect(configuration.objectStorage == .disk(path: "/srv/objects"))
    }

    @Test("s3:// with configured keys gives the S3 store")
    func s3WithKeys() async throws {
        let secretFile = NSTemporaryDirectory() + "lyceum-s3-secret-" + UUID().uuidString
        try "secret-from-file\n".write(toFile: secretFile, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: secretFile) }
        let configuration = try await LyceumConfiguration.load(flags: [:], environment: [
            "LYCEUM_STORAGE_URL": "s3://lyceum-media?region=eu-west-1", "LYCEUM_STORAGE_ACCESS_KEY_ID": "AKIDEXAMPLE",
            "LYCEUM_STORAGE_SECRET_ACCESS_KEY_FILE": secretFile,
        ])
        #expect(configuration.objectStorage == .s3(S3Location(bucket: "lyceum-media", region: "eu-west-1")))
        let credentials = try await #require(configuration.objectStorageCredentials).credentials()
        #expect(credentials == AWSCredentials(accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret-from-file"))
        try await TestApp.run(.sqlite, configure: { $0.objectStorage = configuration.objectStorage; $0.objectStorageCredentials = configuration.objectStorageCredentials }) { app in
            let store = try #require(app.services.objectStore as? S3ObjectStore)
            #expect(store.location.bucket == "lyceum-media")
        }
    }

    @Test("s3:// without any credentials, or with half a key pair, stops start-up with a sentence")
    func s3WithoutCredentials() async throws {
        await #expect(throws: ConfigurationError.self) {
            try await LyceumConfiguration.load(flags: [:], environment: ["LYCEUM_STORAGE_URL": "s3://lyceum-media"])
        }
        await #expect(throws: ConfigurationError.self) {
            try await LyceumConfiguration.load(flags: [:], environment: [
                "LYCEUM_STORAGE_URL": "s3://lyceum-media", "LYCEUM_STORAGE_ACCESS_KEY_ID": "AKIDEXAMPLE",
            ])
        }
        let fromEnvironment = try await LyceumConfiguration.load(flags: [:], environment: [
            "LYCEUM_STORAGE_URL": "s3://lyceum-media", "AWS_ACCESS_KEY_ID": "ENV", "AWS_SECRET_ACCESS_KEY": "s",
        ])
        #expect(try await fromEnvironment.objectStorageCredentials?.credentials().accessKeyId == "ENV")
    }
}
