import LyceumCore
import Testing

@Suite("Safe Markdown")
struct SafeMarkdownTests {
    @Test("renders the common constructs")
    func constructs() {
        let html = SafeMarkdown.html("""
            # Title

            Some *emphasis*, **strong** and `code`.
            Second line with a [link](https://example.org).

            - one
            - two

            1. first
            2. second

            > quoted

            ```swift
            let x = 1 < 2
            ```
            ---
            """)
        #expect(html.contains("<h1>Title</h1>"))
        #expect(html.contains("<p>Some <em>emphasis</em>, <strong>strong</strong> and <code>code</code>.\nSecond line with a <a href=\"https://example.org\" rel=\"nofollow noopener\">link</a>.</p>"))
        #expect(html.contains("<ul>\n<li>one</li>\n<li>two</li>\n</ul>"))
        #expect(html.contains("<ol>\n<li>first</li>\n<li>second</li>\n</ol>"))
        #expect(html.contains("<blockquote>\n<p>quoted</p>\n</blockquote>"))
        #expect(html.contains("<pre><code class=\"language-swift\">let x = 1 &lt; 2</code></pre>"))
        #expect(html.contains("<hr>"))
    }

    @Test(
        "hostile input never yields markup that runs",
        arguments: [
            "<script>alert(1)</script>",
            "<img src=x onerror=alert(1)>",
            "[click](javascript:alert(1))",
            "[click](JaVaScRiPt:alert(1))",
            "[click]( javascript:alert(1))",
            "![x](javascript:alert(1))",
            "[x](data:text/html;base64,PHNjcmlwdD4=)",
            "[x](vbscript:msgbox)",
            "[x](//evil.example/path)",
            "<a href=\"javascript:alert(1)\">x</a>",
            "[x](https://ok.example\" onmouseover=\"alert(1))",
            "**<iframe src=//evil>**",
            "```\n</code></pre><script>alert(1)</script>\n```",
            "# <svg onload=alert(1)>",
        ]
    )
    func hostile(input: String) {
        let html = SafeMarkdown.html(input).lowercased()
        #expect(!html.contains("<script"))
        #expect(!html.contains("<img src=x"))
        #expect(!html.contains("<iframe"))
        #expect(!html.contains("<svg"))
        #expect(!html.contains("href=\"javascript"))
        #expect(!html.contains("src=\"javascript"))
        #expect(!html.contains("href=\"data:"))
        #expect(!html.contains("href=\"vbscript"))
        #expect(!html.contains("href=\"//"))
        #expect(!html.contains("\" onmouseover=\""))
        #expect(!html.contains("<a href=\"javascript"))
    }

    @Test("relative and mailto links survive; unsafe ones keep only their text")
    func links() {
        #expect(SafeMarkdown.html("[a](/courses/x)").contains("href=\"/courses/x\""))
        #expect(SafeMarkdown.html("[a](mailto:t@example.org)").contains("href=\"mailto:t@example.org\""))
        #expect(SafeMarkdown.html("[label](javascript:x)") == "<p>label</p>\n")
    }
}
