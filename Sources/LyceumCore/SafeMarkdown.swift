import Foundation

/// Renders the Markdown authors write (lessons, course descriptions) to HTML that is safe to embed.
///
/// Safety does not depend on filtering: raw HTML is never passed through (it is shown as text), every
/// text run is escaped, links and images keep only `http`, `https`, `mailto` and same-site URLs, and
/// autolinks (`<https://…>`, `<mailto:…>`, `<name@example.org>`) only `http`, `https` and `mailto`.
/// Supported, rendered as CommonMark renders them: ATX and setext headings, paragraphs with soft line
/// breaks, emphasis and strong (also across a line break), inline code, fenced code blocks, bullet and
/// numbered lists, block quotes, horizontal rules, links, autolinks and images. A differential test
/// compares this output with `cmark` over a corpus of these constructs.
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
    private var list: (kind: ListKind, start: Int, items: [String])?
    private var quote: [String] = []
    private var code: (fence: String, language: String, lines: [String])?

    mutating func consume(_ line: String) {
        if var open = code {
            if line.trimmingCharacters(in: .whitespaces).hasPrefix(open.fence) {
                let language = open.language.isEmpty ? "" : " class=\"language-\(SafeMarkdown.escape(open.language))\""
                output += "<pre><code\(language)>\(Self.codeBlock(open.lines))</code></pre>\n"
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
        if !paragraph.isEmpty, let level = setextLevel(line) {
            let text = paragraph.joined(separator: "\n")
            paragraph = []
            output += "<h\(level)>\(InlineRenderer.render(text))</h\(level)>\n"
            return
        }
        if let level = headingLevel(trimmed) {
            flush()
            var text = trimmed.dropFirst(level).trimmingCharacters(in: .whitespaces)
            // An optional closing run of `#` (after a space, or the whole text) is not part of the heading.
            let closing = text.reversed().prefix { $0 == "#" }.count
            if closing > 0, closing == text.count || text.dropLast(closing).last == " " {
                text = String(text.dropLast(closing)).trimmingCharacters(in: .whitespaces)
            }
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
            if list == nil { list = (item.kind, item.start, []) }
            list?.items.append(item.text)
            return
        }
        if list != nil, line.hasPrefix("  ") || line.hasPrefix("\t") {
            list!.items[list!.items.count - 1] += "\n" + trimmed
            return
        }
        flushList()
        paragraph.append(trimmed)
    }

    mutating func finish() {
        if let open = code {
            let language = open.language.isEmpty ? "" : " class=\"language-\(SafeMarkdown.escape(open.language))\""
            output += "<pre><code\(language)>\(Self.codeBlock(open.lines))</code></pre>\n"
            code = nil
        }
        flush()
    }

    /// A fenced block's escaped text; every line ends with a line break, as in CommonMark.
    private static func codeBlock(_ lines: [String]) -> String {
        lines.map { SafeMarkdown.escape($0) + "\n" }.joined()
    }

    private mutating func flush() {
        flushParagraph()
        flushList()
        flushQuote()
    }

    private mutating func flushParagraph() {
        guard !paragraph.isEmpty else { return }
        output += "<p>\(InlineRenderer.render(paragraph.joined(separator: "\n")))</p>\n"
        paragraph = []
    }

    private mutating func flushList() {
        guard let open = list else { return }
        let tag = open.kind == .bullet ? "ul" : "ol"
        let start = open.kind == .numbered && open.start != 1 ? " start=\"\(open.start)\"" : ""
        output += "<\(tag)\(start)>\n" + open.items.map { "<li>\(InlineRenderer.render($0))</li>\n" }.joined() + "</\(tag)>\n"
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

    /// The level of a setext underline (`===` 1, `---` 2) under a paragraph, indented at most three spaces.
    private func setextLevel(_ line: String) -> Int? {
        let indent = line.prefix { $0 == " " }.count
        let marks = line.dropFirst(indent).trimmingCharacters(in: .whitespaces)
        guard indent <= 3, let mark = marks.first, mark == "=" || mark == "-", marks.allSatisfy({ $0 == mark }) else { return nil }
        return mark == "=" ? 1 : 2
    }

    private func listItem(_ line: String) -> (kind: ListKind, start: Int, text: String)? {
        if let first = line.first, "-*+".contains(first), line.dropFirst().first == " " {
            return (.bullet, 1, String(line.dropFirst(2)))
        }
        let digits = line.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, digits.count <= 9 {
            let rest = line.dropFirst(digits.count)
            if let marker = rest.first, marker == "." || marker == ")", rest.dropFirst().first == " " {
                return (.numbered, Int(digits) ?? 1, String(rest.dropFirst(2)))
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
                output += "<code>\(SafeMarkdown.escape(codeSpan(characters[(index + 1)..<end])))</code>"
                index = end + 1
                continue
            }
            if character == "<", let (address, next) = autolink(in: characters, at: index) {
                let href = address.contains(":") ? address : "mailto:" + address
                output += Self.isAutolinkScheme(href)
                    ? "<a href=\"\(SafeMarkdown.escape(href))\" rel=\"nofollow noopener\">\(SafeMarkdown.escape(address))</a>"
                    : SafeMarkdown.escape("<\(address)>")
                index = next
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
            if character == "*" || character == "_", let (end, width) = emphasis(in: characters, at: index) {
                let inner = render(String(characters[(index + width)..<end]))
                output += width == 2 ? "<strong>\(inner)</strong>" : "<em>\(inner)</em>"
                index = end + width
                continue
            }
            output += SafeMarkdown.escape(String(character))
            index += 1
        }
        return output
    }

    /// The closing delimiter of emphasis opened at `start` and its width (1 `<em>`, 2 `<strong>`), following
    /// CommonMark's flanking rules for the common cases: an opener is followed and a closer preceded by
    /// non-space, `_` does not open or close inside a word, and a closer is a run of the opener's width.
    private static func emphasis(in characters: [Character], at start: Int) -> (end: Int, width: Int)? {
        let mark = characters[start]
        let run = runLength(of: mark, in: characters, at: start)
        guard run <= 2, start + run < characters.count, !characters[start + run].isWhitespace else { return nil }
        if mark == "_", start > 0, characters[start - 1].isLetter || characters[start - 1].isNumber { return nil }
        var index = start + run
        while index < characters.count {
            let character = characters[index]
            if character == "\\" {
                index += 2
                continue
            }
            if character == "`", let end = find("`", in: characters, from: index + 1) {
                index = end + 1
                continue
            }
            guard character == mark else {
                index += 1
                continue
            }
            let length = runLength(of: mark, in: characters, at: index)
            let after = index + length < characters.count ? characters[index + length] : nil
            let closes = length == run && index > start + run && !characters[index - 1].isWhitespace
                && (mark == "*" || !(after.map { $0.isLetter || $0.isNumber } ?? false))
            if closes { return (index, run) }
            index += length
        }
        return nil
    }

    private static func runLength(of mark: Character, in characters: [Character], at start: Int) -> Int {
        var end = start
        while end < characters.count, characters[end] == mark { end += 1 }
        return end - start
    }

    /// A code span's text: line breaks become spaces, and one space is stripped from each end when both ends
    /// have one and the span is not all spaces.
    private static func codeSpan(_ characters: ArraySlice<Character>) -> String {
        let text = String(characters).replacingOccurrences(of: "\n", with: " ")
        guard text.count >= 2, text.hasPrefix(" "), text.hasSuffix(" "), text.contains(where: { $0 != " " }) else { return text }
        return String(text.dropFirst().dropLast())
    }

    /// `<scheme:…>` or `<name@host>` starting at `start` (the `<`): the address and the index after `>`.
    private static func autolink(in characters: [Character], at start: Int) -> (String, Int)? {
        guard let close = characters[(start + 1)...].firstIndex(where: { $0 == ">" || $0 == "<" || $0.isWhitespace }),
            characters[close] == ">", close > start + 1
        else { return nil }
        let address = String(characters[(start + 1)..<close])
        guard address.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value != 0x7F }) else { return nil }
        return isURI(address) || isEmail(address) ? (address, close + 1) : nil
    }

    private static func isURI(_ text: String) -> Bool {
        guard let colon = text.firstIndex(of: ":") else { return false }
        let scheme = text[..<colon]
        guard (2...32).contains(scheme.count), let first = scheme.first, first.isASCII, first.isLetter else { return false }
        return scheme.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "+.-".contains($0)) }
    }

    private static func isEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { return false }
        let local = parts[0].allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || ".!#$%&'*+/=?^_`{|}~-".contains($0)) }
        let labels = parts[1].split(separator: ".", omittingEmptySubsequences: false)
        let host = labels.allSatisfy { label in
            (1...63).contains(label.count) && label.first != "-" && label.last != "-"
                && label.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
        }
        return local && host
    }

    /// Autolinks may use only `http`, `https` and `mailto`, whatever `isSafeURL` allows elsewhere.
    private static func isAutolinkScheme(_ href: String) -> Bool {
        let lower = href.lowercased()
        return (lower.hasPrefix("https://") || lower.hasPrefix("http://") || lower.hasPrefix("mailto:")) && SafeMarkdown.isSafeURL(href)
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
