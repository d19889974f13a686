// swift-tools-version:6.0
// The WebSocket load tool for Lyceum's real-time socket (issue 11, "Performance"), and a bare SwiftNIO echo
// server to compare its memory per connection against. Run from this directory:
//   swift run -c release ws-load idle|fanout|storm ...
//   swift run -c release echo-server --port 0
// bench/ws at the repository root builds both, starts a release server and runs every mode.
import PackageDescription

let nio: [Target.Dependency] = [
    .product(name: "NIOCore", package: "swift-nio"),
    .product(name: "NIOPosix", package: "swift-nio"),
    .product(name: "NIOHTTP1", package: "swift-nio"),
    .product(name: "NIOWebSocket", package: "swift-nio"),
    .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
]

let package = Package(
    name: "ws-load",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2")
    ],
    targets: [
        .executableTarget(name: "ws-load", dependencies: nio, path: "Sources/ws-load"),
        .executableTarget(name: "echo-server", dependencies: nio, path: "Sources/echo-server"),
    ]
)
