import Markup
import Testing

/// The shared HTML/SVG/XML escaper.
struct MarkupTextTests {
    /// Every markup character becomes a character reference; `'` numeric by default.
    @Test func escapesEveryMarkupCharacter() {
        #expect(MarkupText.escape("<a href=\"x\">'&'</a>") == "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;")
    }

    /// `.named` writes XML's `&apos;` and changes nothing else.
    @Test func namedApostrophe() {
        #expect(MarkupText.escape("<b>&\"'", apostrophe: .named) == "&lt;b&gt;&amp;&quot;&apos;")
    }

    /// Text without markup characters, Korean included, passes through unchanged.
    @Test func plainTextUnchanged() {
        #expect(MarkupText.escape("할인 39,000원 · ok") == "할인 39,000원 · ok")
        #expect(MarkupText.escape("") == "")
    }

    /// A quote carrying a combining mark (one Character, two scalars) is still escaped.
    @Test func escapesQuotesInsideGraphemeClusters() {
        #expect(MarkupText.escape("\"\u{301}'\u{301}") == "&quot;\u{301}&#39;\u{301}")
    }
}
