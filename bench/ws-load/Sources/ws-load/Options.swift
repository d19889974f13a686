import Foundation

/// `--name value` options after the mode, read once; unknown names are an error.
struct Options {
    private var values: [String: String] = [:]
    private var flags: Set<String> = []
    private var used: Set<String> = []

    init(_ arguments: ArraySlice<String>, flags known: Set<String> = []) throws {
        var iterator = arguments.makeIterator()
        while let argument = iterator.next() {
            guard argument.hasPrefix("--") else { throw UsageError("unexpected argument \(argument)") }
            var name = String(argument.dropFirst(2))
            if let equals = name.firstIndex(of: "=") {
                values[String(name[..<equals])] = String(name[name.index(after: equals)...])
                continue
            }
            if known.contains(name) {
                flags.insert(name)
                continue
            }
            guard let value = iterator.next() else { throw UsageError("--\(name) needs a value") }
            name = name.trimmingCharacters(in: .whitespaces)
            values[name] = value
        }
    }

    mutating func string(_ name: String, default fallback: String? = nil) throws -> String {
        used.insert(name)
        if let value = values[name] { return value }
        if let fallback { return fallback }
        throw UsageError("--\(name) is required")
    }

    mutating func optionalString(_ name: String) -> String? {
        used.insert(name)
        return values[name]
    }

    mutating func int(_ name: String, default fallback: Int? = nil) throws -> Int {
        used.insert(name)
        if let text = values[name] {
            guard let value = Int(text.replacingOccurrences(of: "_", with: "")) else { throw UsageError("--\(name) must be a whole number") }
            return value
        }
        if let fallback { return fallback }
        throw UsageError("--\(name) is required")
    }

    mutating func optionalInt(_ name: String) throws -> Int? {
        values[name] == nil ? nil : try int(name)
    }

    mutating func double(_ name: String, default fallback: Double) throws -> Double {
        used.insert(name)
        guard let text = values[name] else { return fallback }
        guard let value = Double(text) else { throw UsageError("--\(name) must be a number") }
        return value
    }

    mutating func flag(_ name: String) -> Bool {
        used.insert(name)
        return flags.contains(name)
    }

    /// Fails on an option the mode did not read.
    func finish() throws {
        let unknown = Set(values.keys).union(flags).subtracting(used)
        guard unknown.isEmpty else { throw UsageError("unknown option(s): " + unknown.sorted().map { "--\($0)" }.joined(separator: ", ")) }
    }
}

struct UsageError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// `ws://host:port/path`.
struct Endpoint: Sendable {
    let host: String
    let port: Int
    let path: String

    init(_ url: String) throws {
        guard url.hasPrefix("ws://") else { throw UsageError("--url must start with ws:// (TLS is not supported)") }
        let rest = url.dropFirst("ws://".count)
        let slash = rest.firstIndex(of: "/") ?? rest.endIndex
        let authority = rest[..<slash]
        path = slash == rest.endIndex ? "/" : String(rest[slash...])
        guard let colon = authority.lastIndex(of: ":"), let port = Int(authority[authority.index(after: colon)...]) else {
            throw UsageError("--url needs an explicit port: ws://127.0.0.1:8080/api/v1/realtime")
        }
        host = String(authority[..<colon])
        self.port = port
    }

    var hostHeader: String { "\(host):\(port)" }
}

/// One access token per line (blank lines and `#` comments skipped).
func readTokens(_ path: String) throws -> [String] {
    let text = try String(contentsOfFile: path, encoding: .utf8)
    let tokens = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
        .filter { !$0.isEmpty && !$0.hasPrefix("#") }
    guard !tokens.isEmpty else { throw UsageError("\(path) holds no token") }
    return tokens
}
