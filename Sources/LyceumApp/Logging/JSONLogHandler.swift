import Foundation
import Logging
import LyceumCore
import NIOCore

/// Writes one JSON object per line to standard error, for log collectors.
///
/// `{"ts":"…","level":"info","logger":"lyceum","msg":"…","request.id":"…", …metadata}`
public struct JSONLogHandler: LogHandler {
    public var metadata: Logger.Metadata = [:]
    public var logLevel: Logger.Level
    private let label: String

    /// Creates a handler for `label` at `level`.
    public init(label: String, level: Logger.Level) {
        self.label = label
        self.logLevel = level
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        let level = event.level
        let message = event.message
        let explicit = event.metadata
        var writer = JSONWriter(capacity: 256)
        writer.beginObject()
        writer.key("ts")
        writer.string(LogTimestamp.utcMilliseconds())
        writer.key("level")
        writer.string(level.rawValue)
        writer.key("logger")
        writer.string(label)
        writer.key("msg")
        writer.string(message.description)
        let merged = explicit.map { metadata.merging($0) { _, new in new } } ?? metadata
        for (key, value) in merged.sorted(by: { $0.key < $1.key }) {
            writer.key(escaping: key)
            writer.string(value.description)
        }
        writer.endObject()
        var buffer = writer.buffer
        buffer.writeInteger(UInt8(ascii: "\n"))
        buffer.withUnsafeReadableBytes { raw in
            _ = write(STDERR_FILENO, raw.baseAddress, raw.count)
        }
    }
}

/// Installs the process-wide log handler. Call once, from `main`, never from `buildApplication`.
public enum LogSetup {
    /// Bootstraps swift-log with the configured level and format.
    public static func bootstrap(level: Logger.Level, format: LyceumConfiguration.LogFormat) {
        LoggingSystem.bootstrap { label in
            switch format {
            case .json:
                return JSONLogHandler(label: label, level: level)
            case .text:
                return TextLogHandler(label: label, level: level)
            }
        }
    }
}
