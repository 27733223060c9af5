import Foundation
import Markup

/// How a page gets its stylesheet and script.
public enum AssetMode: Sendable {
    /// `<link>`/`<script src>` to the server's `/static/` files.
    case linked
    /// Inlined, so the HTML file stands alone (the exported report).
    case inline
}

/// The HTML document around every page: head, Korean font stack, header bar, assets.
struct PageShell {
    var title: String
    var assets: AssetMode

    /// Static file names the server serves under `/static/`.
    static let stylesheetName = "dashboard.css", scriptName = "dashboard.js"

    func render(header: String, body: String) -> String {
        let style =
            assets == .inline
            ? "<style>\(Assets.css)</style>" : "<link rel=\"stylesheet\" href=\"/static/\(Self.stylesheetName)\">"
        let script =
            assets == .inline
            ? "<script>\(Assets.javascript)</script>" : "<script src=\"/static/\(Self.scriptName)\"></script>"
        return """
            <!DOCTYPE html>
            <html lang="ko"><head><meta charset="utf-8">\
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <link rel="icon" href="data:,"><title>\(MarkupText.escape(title))</title>\(style)</head>
            <body><header>\(Bilingual.split(header))\(Bilingual.toggle)</header>\
            <main>\(Bilingual.split(body))</main>\(script)</body></html>
            """
    }

    /// `id` made safe for a URL path segment (and then for an attribute).
    static func pathSegment(_ id: String) -> String {
        MarkupText.escape(
            id.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~")))
                ?? "")
    }
}
