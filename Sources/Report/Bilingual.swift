import Foundation

/// Korean by default, English on request: the pages write their own labels as "한국어 English" (headings, table
/// headers, buttons, form labels). `split` marks each such label's two halves with `lang`, the stylesheet shows
/// one language (Korean unless the page's `data-lang` is `en`), and the header's switch flips it (remembered in
/// the browser). Only those elements are touched, and only a label that starts in Hangul and continues with a
/// capitalised English part, so user text (titles, ments, product names) is never split.
enum Bilingual {
    private static let label = try! NSRegularExpression(
        pattern: #"(<(?:h2|h3|th|button|label)\b[^>]*>)([가-힣][^<>]*?) ([A-Z][^<>]*?)(\s*)<"#)

    /// `html` with every "한국어 English" label of our own elements split into `lang` spans.
    static func split(_ html: String) -> String {
        label.stringByReplacingMatches(
            in: html, range: NSRange(html.startIndex..., in: html),
            withTemplate: "$1<span lang=\"ko\">$2</span><span lang=\"en\">$3</span>$4<")
    }

    /// Korean and English versions of a sentence, one shown at a time.
    static func both(_ korean: String, _ english: String) -> String {
        "<span lang=\"ko\">\(korean)</span><span lang=\"en\">\(english)</span>"
    }

    /// The switch in the page header.
    static let toggle = "<button id=\"lang-toggle\" class=\"noprint\" type=\"button\">English</button>"
}
