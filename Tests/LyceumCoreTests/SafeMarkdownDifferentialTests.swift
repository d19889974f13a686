import Foundation
import LyceumCore
import Testing

/// Compares `SafeMarkdown` with the reference CommonMark renderer, `cmark` (Debian's package, installed by
/// `scripts/start-test-services`), over a corpus of the constructs authors may use. Raw HTML is left out by
/// design: SafeMarkdown shows it as text where CommonMark passes it through.
@Suite("Safe Markdown against cmark")
struct SafeMarkdownDifferentialTests {
    /// One document per construct, alone and in combination, written as authors write lessons.
    static let corpus: [String] = [
        "# Title",
        "## Second level\n\n### Third level ###",
        "Setext title\n============",
        "Setext subtitle\n---",
        "A paragraph\nwith a soft break.\n\nAnd a second one.",
        "Some *emphasis*, **strong** and `code`.",
        "Some _emphasis_ and __strong__ with underscores.",
        "*Emphasis that runs\nacross a line break* and **strong that\ndoes too**.",
        "_Underscores\nacross lines_ work the same.",
        "**Strong with *emphasis* inside** and *emphasis with **strong** inside*.",
        "snake_case_names and 2 * 3 * 4 stay as they are.",
        "A lone * star and a lone _ underscore.",
        "Inline `code with *stars* and <tags>` is literal.",
        "A code span `across\na line` becomes one line.",
        "Escaped \\*stars\\* and \\_underscores\\_ and \\`ticks\\`.",
        "A [link](https://example.org) and a [relative one](/courses/astronomy).",
        "A [link with *emphasis*](https://example.org/path?x=1&y=2).",
        "An image: ![The moon](/static/moon.png)",
        "Autolinks: <https://example.org> and <http://example.org/a?b=1&c=2>.",
        "Mail <mailto:ada@example.org> or <ada.lovelace@example.org>.",
        "An autolink <https://example.org/a_b_c> keeps its underscores.",
        "Text with <https://example.org>\nacross *a\nbreak*.",
        "- one\n- two\n- three",
        "* star one\n* star two",
        "1. first\n2. second\n3. third",
        "3. three\n4. four",
        "1) with parentheses\n2) too",
        "- an item\n  that continues\n- another",
        "- item with *emphasis*\n- item with <https://example.org>",
        "> A quote\n> on two lines.",
        "> # Quoted heading\n>\n> Quoted paragraph.",
        "```\nplain code\n```",
        "```swift\nlet x = 1 < 2 && y > 3\nprint(\"done\")\n```",
        "~~~\ntilde fence\n~~~",
        "```\n# not a heading\n*not emphasis*\n```",
        "---",
        "***",
        "Above\n\n---\n\nBelow",
        "Quotes \"double\" and 'single' & ampersands < and >.",
        """
        # Phases of the Moon

        The Moon takes about **29.5 days** to go through its *phases*.
        Read more at <https://en.wikipedia.org/wiki/Lunar_phase>.

        ## Phases

        1. New moon
        2. First quarter
        3. Full moon

        > The Moon does not make light of its own;
        > it *reflects* the Sun's.

        ```
        phase = (days % 29.5) / 29.5
        ```

        ---

        Questions? Write to <teacher@example.org>.
        """,
    ]

    static let cmark: String? = {
        let directories = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        return directories.map { "\($0)/cmark" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    static let isCI = ProcessInfo.processInfo.environment["CI"] == "true"

    @Test(
        "renders every construct of the corpus as cmark does",
        .enabled(
            if: cmark != nil || isCI,
            "cmark is not installed (apt-get install cmark, or run scripts/start-test-services); CI requires it"
        )
    )
    func matchesReference() throws {
        guard let cmark = Self.cmark else {
            Issue.record("cmark is not installed; scripts/start-test-services installs it, and CI must run this comparison")
            return
        }
        for document in Self.corpus {
            let expected = Self.normalized(try Self.render(document, with: cmark))
            let actual = Self.normalized(SafeMarkdown.html(document))
            #expect(actual == expected, "Markdown:\n\(document)")
        }
    }

    @Test("the reference renders links of unsafe schemes, which SafeMarkdown shows as text", .enabled(if: cmark != nil))
    func unsafeAutolinksDifferByDesign() throws {
        let document = "<javascript:alert(1)>"
        #expect(try Self.render(document, with: try #require(Self.cmark)).contains("<a href=\"\""))
        #expect(SafeMarkdown.html(document) == "<p>&lt;javascript:alert(1)&gt;</p>\n")
    }

    /// What cmark prints for `markdown`.
    static func render(_ markdown: String, with cmark: String) throws -> String {
        let process = Process()
        process.executableURL = URL(filePath: cmark)
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data(markdown.utf8))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "cmark failed on:\n\(markdown)")
        return String(decoding: data, as: UTF8.self)
    }

    /// Differences that are not differences: void elements with or without ` /`, the two spellings of `'`,
    /// and the `rel` SafeMarkdown adds to every link.
    static func normalized(_ html: String) -> String {
        html.replacingOccurrences(of: " />", with: ">")
            .replacingOccurrences(of: " rel=\"nofollow noopener\"", with: "")
            .replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&#x27;", with: "'")
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
