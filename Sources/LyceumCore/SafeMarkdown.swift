import Foundation

/// Renders the Markdown authors write (lessons, course descriptions) to HTML that is safe to embed.
///
/// Safety does not depend on filtering: raw HTML is never passed through (it is shown as text), every
/// text run is escaped, and links and images keep only `http`, `https`, `mailto` and same-site URLs.
/// Supported: ATX headings, paragraphs, emphasis and strong, inline code, fenced code blocks, bullet and
/// numbered lists, block quotes, horizontal rules, links and images.
public enum SafeMarkdown {
    /// The HTML for `markdown`.
    public static func html(_ markdown: String) -> String {
        var renderer = BlockRenderer()
        for line in markdown.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false) {
            renderer.consume(String(line))
        }
        renderer.finish()
        return renderer.output
    }

    /// `text` with `& < > " '` replaced by entities.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }

    /// Whether `url` may appear in `href` or `src`: http(s), mailto, or a path on this site.
    static func isSafeURL(_ url: String) -> Bool {
        let trimmed = url.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, !trimmed.unicodeScalars.contains(where: { $0.value < 0x21 || $0 == "\\" }) else { return false }
        let lower = trimmed.lowercased()
        if lower.hasPrefix("https://") || lower.hasPrefix("http://") || lower.hasPrefix("mailto:") { return true }
        if lower.hasPrefix("//") { return false }
        if lower.hasPrefix("/") || lower.hasPrefix("#") { return true }
        return !lower.contains(":")
    }
}

/// Turns lines into block-level HTML.
private struct BlockRenderer {
    enum ListKind { case bullet, numbered }

    var output = ""
    private var paragraph: [String] = []
    private var list: (kind: ListKind, items: [String])?
    private var quote: [String] = []
    private var code: (fence: String, language: String, lines: [String])?

    mutating func consume(_ line: String) {
        if var open = code {
            if line.trimmingCharacters(in: .whitespaces).hasPrefix(open.fence) {
                let language = open.language.isEmpty ? "" : " class=\"language-\(SafeMarkdown.escape(open.language))\""
                output += "<pre><code\(language)>\(SafeMarkdown.escape(open.lines.joined(separator: "\n")))</code></pre>\n"
                code = nil
            } else {
                open.lines.append(line)
                code = open
            }
            return
        }
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
            flush()
            let fence = String(trimmed.prefix(3))
            let language = String(trimmed.dropFirst(3).prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "+" })
            code = (fence, language, [])
            return
        }
        if trimmed.isEmpty {
            flush()
            return
        }
        if trimmed.hasPrefix(">") {
            flushParagraph()
            flushList()
            quote.append(String(trimmed.dropFirst()).trimmingCharacters(in: .whitespaces))
            return
        }
        flushQuote()
        if let level = headingLevel(trimmed) {
            flush()
            let text = trimmed.dropFirst(level).trimmingCharacters(in: .whitespaces)
            output += "<h\(level)>\(InlineRenderer.render(String(text)))</h\(level)>\n"
            return
        }
        if trimmed.count >= 3, Set(trimmed.filter { $0 != " " }).count == 1, let mark = trimmed.first, "-*_".contains(mark) {
            flush()
            output += "<hr>\n"
            return
        }
        if let item = listItem(trimmed) {
            flushParagraph()
            if list?.kind != item.kind { flushList() }
            if list == nil { list = (item.kind, []) }
            list?.items.append(item.text)
            return
        }
        if list != nil, line.hasPrefix("  ") || line.hasPrefix("\t") {
            list!.items[list!.items.count - 1] += " " + trimmed
            return
        }
        flushList()
        paragraph.append(trimmed)
    }

    mutating func finish() {
        if let open = code {
            output += "<pre><code>\(SafeMarkdown.escape(open.lines.joined(separator: "\n")))</code></pre>\n"
            code = nil
        }
        flush()
    }

    private mutating func flush() {
        flushParagraph()
        flushList()
        flushQuote()
    }

    private mutating func flushParagraph() {
        guard !paragraph.isEmpty else { return }
        output += "<p>\(paragraph.map(InlineRenderer.render).joined(separator: "\n"))</p>\n"
        paragraph = []
    }

    private mutating func flushList() {
        guard let open = list else { return }
        let tag = open.kind == .bullet ? "ul" : "ol"
        output += "<\(tag)>\n" + open.items.map { "<li>\(InlineRenderer.render($0))</li>\n" }.joined() + "</\(tag)>\n"
        list = nil
    }

    private mutating func flushQuote() {
        guard !quote.isEmpty else { return }
        output += "<blockquote>\n\(SafeMarkdown.html(quote.joined(separator: "\n")))</blockquote>\n"
        quote = []
    }

    private func headingLevel(_ line: String) -> Int? {
        let hashes = line.prefix { $0 == "#" }.count
        guard (1...6).contains(hashes) else { return nil }
        let rest = line.dropFirst(hashes)
        return rest.isEmpty || rest.first == " " ? hashes : nil
    }

    private func listItem(_ line: String) -> (kind: ListKind, text: String)? {
        if let first = line.first, "-*+".contains(first), line.dropFirst().first == " " {
            return (.bullet, String(line.dropFirst(2)))
        }
        let digits = line.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, digits.count <= 9 {
            let rest = line.dropFirst(digits.count)
            if let marker = rest.first, marker == "." || marker == ")", rest.dropFirst().first == " " {
                return (.numbered, String(rest.dropFirst(2)))
            }
        }
        return nil
    }
}

/// Renders inline Markdown (emphasis, code, links, images) with every text run escaped.
private enum InlineRenderer {
    static func render(_ text: String) -> String {
        let characters = Array(text)
        var output = ""
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if character == "\\", index + 1 < characters.count, "\\`*_[]()#+-.!<>".contains(characters[index + 1]) {
                output += SafeMarkdown.escape(String(characters[index + 1]))
                index += 2
                continue
            }
            if character == "`", let end = find("`", in: characters, from: index + 1) {
                output += "<code>\(SafeMarkdown.escape(String(characters[(index + 1)..<end])))</code>"
                index = end + 1
                continue
            }
            if character == "!", index + 1 < characters.count, characters[index + 1] == "[",
                let (label, url, next) = link(in: characters, at: index + 1)
            {
                output += SafeMarkdown.isSafeURL(url)
                    ? "<img src=\"\(SafeMarkdown.escape(url))\" alt=\"\(SafeMarkdown.escape(label))\">"
                    : SafeMarkdown.escape(label)
                index = next
                continue
            }
            if character == "[", let (label, url, next) = link(in: characters, at: index) {
                let inner = render(label)
                output += SafeMarkdown.isSafeURL(url)
                    ? "<a href=\"\(SafeMarkdown.escape(url))\" rel=\"nofollow noopener\">\(inner)</a>"
                    : inner
                index = next
                continue
            }
            if character == "*" || character == "_" {
                let strong = index + 1 < characters.count && characters[index + 1] == character
                let marker = strong ? String([character, character]) : String(character)
                if let end = find(marker, in: characters, from: index + marker.count), end > index + marker.count {
                    let inner = render(String(characters[(index + marker.count)..<end]))
                    output += strong ? "<strong>\(inner)</strong>" : "<em>\(inner)</em>"
                    index = end + marker.count
                    continue
                }
            }
            output += SafeMarkdown.escape(String(character))
            index += 1
        }
        return output
    }

    private static func find(_ marker: String, in characters: [Character], from start: Int) -> Int? {
        let pattern = Array(marker)
        var index = start
        while index + pattern.count <= characters.count {
            if Array(characters[index..<(index + pattern.count)]) == pattern { return index }
            index += 1
        }
        return nil
    }

    /// `[label](url)` starting at `start` (the `[`): the label, the URL and the index after `)`.
    private static func link(in characters: [Character], at start: Int) -> (String, String, Int)? {
        guard let close = find("]", in: characters, from: start + 1), close + 1 < characters.count,
            characters[close + 1] == "(", let end = find(")", in: characters, from: close + 2)
        else { return nil }
        let label = String(characters[(start + 1)..<close])
        let url = String(characters[(close + 2)..<end]).split(separator: " ", maxSplits: 1).first.map(String.init) ?? ""
        return (label, url, end + 1)
    }
}
