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
        #expect(html.contains("<pre><code class=\"language-swift\">let x = 1 &lt; 2\n</code></pre>"))
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
            "<javascript:alert(1)>",
            "<JavaScript:alert(1)>",
            "<vbscript:msgbox>",
            "<data:text/html;base64,PHNjcmlwdD4=>",
            "<https://ok.example/\"onmouseover=\"alert(1)>",
            "<//evil.example/path>",
            "*<script>alert(1)</script>\nacross a line*",
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

    @Test("emphasis and strong span a line break inside a paragraph or list item")
    func emphasisAcrossLines() {
        #expect(SafeMarkdown.html("Some *emphasis\nacross* lines") == "<p>Some <em>emphasis\nacross</em> lines</p>\n")
        #expect(SafeMarkdown.html("**strong\ntoo**") == "<p><strong>strong\ntoo</strong></p>\n")
        #expect(SafeMarkdown.html("- *item\n  continued*") == "<ul>\n<li><em>item\ncontinued</em></li>\n</ul>\n")
        #expect(SafeMarkdown.html("snake_case_name and 2 * 3 * 4") == "<p>snake_case_name and 2 * 3 * 4</p>\n")
    }

    @Test("autolinks link http, https and mailto addresses and show any other scheme as text")
    func autolinks() {
        #expect(
            SafeMarkdown.html("<https://example.org/a?b=1&c=2>")
                == "<p><a href=\"https://example.org/a?b=1&amp;c=2\" rel=\"nofollow noopener\">https://example.org/a?b=1&amp;c=2</a></p>\n"
        )
        #expect(SafeMarkdown.html("<ada@example.org>").contains("<a href=\"mailto:ada@example.org\" rel=\"nofollow noopener\">ada@example.org</a>"))
        #expect(SafeMarkdown.html("<mailto:ada@example.org>").contains("href=\"mailto:ada@example.org\""))
        #expect(SafeMarkdown.html("<ftp://example.org/file>") == "<p>&lt;ftp://example.org/file&gt;</p>\n")
        #expect(SafeMarkdown.html("<not an autolink>") == "<p>&lt;not an autolink&gt;</p>\n")
    }

    @Test("relative and mailto links survive; unsafe ones keep only their text")
    func links() {
        #expect(SafeMarkdown.html("[a](/courses/x)").contains("href=\"/courses/x\""))
        #expect(SafeMarkdown.html("[a](mailto:t@example.org)").contains("href=\"mailto:t@example.org\""))
        #expect(SafeMarkdown.html("[label](javascript:x)") == "<p>label</p>\n")
    }
}
