import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import LyceumHTTP
import NIOCore

/// The stylesheet, script and icons, compiled into the binary so a single file deploys the whole UI.
///
/// URLs carry a content hash (`/static/app.css?v=…`), so browsers may cache them for a year; a new release
/// changes the hash.
public struct StaticAssets: Sendable {
    struct Asset: Sendable {
        let body: ByteBuffer
        let contentType: String
        let version: String
    }

    private let assets: [String: Asset]
    /// The URLs of the scripts every page loads for a signed-in viewer, in order: the live client first,
    /// then the modules' (`WebAsset.onEverySignedInPage`).
    public let signedInScripts: [String]

    /// Loads the layout's assets and the modules' (`moduleAssets`), and computes their versions.
    /// - Throws: when two assets have the same name.
    public init(moduleAssets: [WebAsset] = []) throws(PageTemplateError) {
        let files: [(String, Data, String)] =
            [
                ("app.css", Data(Stylesheet.text.utf8), "text/css; charset=utf-8"),
                ("app.js", Data(Script.text.utf8), "text/javascript; charset=utf-8"),
                ("live.js", Data(LiveScript.text.utf8), "text/javascript; charset=utf-8"),
                ("icon.svg", Data(Icons.svg.utf8), "image/svg+xml"),
                ("favicon.ico", Data(base64Encoded: Icons.icoBase64) ?? Data(), "image/x-icon"),
            ] + moduleAssets.map { ($0.name, Data($0.text.utf8), $0.contentType) }
        var assets: [String: Asset] = [:]
        for (name, bytes, type) in files {
            let digest = SHA256.hash(data: bytes).prefix(8).map { String(format: "%02x", $0) }.joined()
            guard assets.updateValue(Asset(body: ByteBuffer(bytes: bytes), contentType: type, version: digest), forKey: name) == nil else {
                throw PageTemplateError(message: "Two static assets are named \(name).")
            }
        }
        self.assets = assets
        let versioned = { (name: String) in "/static/\(name)?v=\(assets[name]?.version ?? "0")" }
        signedInScripts = [versioned("live.js")] + moduleAssets.filter(\.onEverySignedInPage).map { versioned($0.name) }
    }

    /// The versioned URL of `name`, for templates.
    public func url(_ name: String) -> String {
        "/static/\(name)?v=\(assets[name]?.version ?? "0")"
    }

    /// `/static/:name`, and `/favicon.ico` at the root where browsers look for it.
    public func addRoutes(to router: Router<AppRequestContext>) {
        router.get("static/:name") { request, context in
            try serve(context.parameters.require("name"), request: request)
        }
        router.get("favicon.ico") { request, _ in
            try serve("favicon.ico", request: request)
        }
    }

    private func serve(_ name: String, request: Request) throws -> Response {
        guard let asset = assets[name] else { throw HTTPError(.notFound) }
        let etag = "\"\(asset.version)\""
        if request.headers[.ifNoneMatch] == etag {
            return Response(status: .notModified, headers: [.eTag: etag])
        }
        let immutable = request.uri.queryParameters.get("v") == asset.version
        return Response(
            status: .ok,
            headers: [
                .contentType: asset.contentType,
                .cacheControl: immutable ? "public, max-age=31536000, immutable" : "public, max-age=300",
                .eTag: etag,
            ],
            body: .init(byteBuffer: asset.body)
        )
    }
}
