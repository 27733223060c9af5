import Formatting
import Insight
import Markup
import Transcription

/// The transcript with timestamps, keyword mentions highlighted, and an audio player: clicking a time,
/// a word or a mention seeks the recording (streamed by the server with range requests).
public struct TranscriptPage {
    /// The broadcast shown.
    public var broadcast: Broadcast

    /// Creates the page.
    public init(broadcast: Broadcast) { self.broadcast = broadcast }

    /// The page's HTML (assets linked from the server).
    public func html() -> String {
        let entry = broadcast.entry
        let base = "/broadcasts/" + PageShell.pathSegment(entry.id)
        let mentions = broadcast.report.ments.map(\.mention)
        let mentionList = mentions.map { mention in
            "<tr id=\"t\(Int(mention.time))\"><td><span class=\"time\" data-seek=\"\(mention.time)\">"
                + "\(NumberText.clock(mention.time))</span></td>"
                + "<td><mark data-seek=\"\(mention.time)\" class=\"word\">"
                + "\(MarkupText.escape(mention.keyword))</mark></td>"
                + "<td>\(MarkupText.escape(mention.topic))</td></tr>"
        }.joined()
        var segments = ""
        for segment in broadcast.transcript?.segments ?? [] {
            let text: String
            if segment.words.isEmpty {
                text = MarkupText.escape(segment.readable)
            } else {
                text = segment.words.map { word in
                    let spoken = MarkupText.escape(word.text)
                    let hit = mentions.contains { $0.time < word.end && $0.end > word.start }
                    let classes = TranscriptSource.cssClass(word.origin).map { "word " + $0 } ?? "word"
                    return hit
                        ? "<mark class=\"\(classes)\" data-seek=\"\(word.start)\">\(spoken)</mark>"
                        : "<span class=\"\(classes)\" data-seek=\"\(word.start)\">\(spoken)</span>"
                }.joined(separator: " ")
            }
            segments +=
                "<div class=\"segment\" data-start=\"\(segment.start)\" data-end=\"\(segment.end)\">"
                + "<span class=\"time\" data-seek=\"\(segment.start)\">\(NumberText.clock(segment.start))</span>"
                + "\(text)</div>"
        }
        if segments.isEmpty { segments = "<p>대본이 아직 없습니다. No transcript yet.</p>" }
        if let transcript = broadcast.transcript, TranscriptSource(transcript).hasGivenText {
            segments = Self.legend(TranscriptSource(transcript)) + segments
        }
        let body = """
            <section class="player">\
            <audio id="player" controls preload="metadata" src="\(base)/audio"></audio></section>
            <div class="grid"><section><h2>대본 Transcript</h2><div id="transcript">\(segments)</div></section>
            <section><h2>키워드 언급 Mentions (\(mentions.count))</h2><div class="scroll"><table id="mentions">\
            <thead><tr><th>시간 Time</th>
            <th>키워드 Keyword</th><th>주제 Topic</th></tr></thead><tbody>\(mentionList)</tbody></table></div>\
            </section></div>
            """
        let header = "<h1>\(MarkupText.escape(entry.title))</h1><span><a href=\"\(base)\">대시보드 Dashboard</a></span>"
        return PageShell(title: entry.title + " · 대본 Transcript", assets: .linked).render(header: header, body: body)
    }

    /// The origins' shares and how their words are marked.
    static func legend(_ source: TranscriptSource) -> String {
        let marks = source.shares.map { origin, _ in
            let label = TranscriptSource.label(origin)
            let name = Bilingual.both(label.korean, label.english)
            return TranscriptSource.cssClass(origin).map { "<span class=\"\($0)\">\(name)</span>" } ?? name
        }
        return "<p class=\"legend\" id=\"transcript-source\">\(source.summary) — \(marks.joined(separator: " · "))</p>"
    }
}
