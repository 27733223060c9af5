import Formatting
import Foundation
import Testing

@testable import Report

/// The pages say where a transcript's words came from when some came from captions or a cue sheet.
@Suite struct TranscriptSourceTests {
    /// Three words in four from captions: the dashboard's header gives both shares, and the transcript page
    /// marks exactly the caption words and explains the mark.
    @Test func captionWordsAreCountedAndMarked() throws {
        let workspace = try DemoWorkspace()
        defer { workspace.remove() }
        var broadcast = try WorkspaceStore(root: workspace.root).broadcast(id: "demo-b")
        var transcript = try #require(broadcast.transcript)
        var count = 0
        for segment in transcript.segments.indices {
            for word in transcript.segments[segment].words.indices {
                if count % 4 != 0 { transcript.segments[segment].words[word].origin = .caption }
                count += 1
            }
        }
        try #require(count >= 4)
        broadcast.transcript = transcript
        let captions = transcript.words.filter { $0.origin == .caption }.count
        let share = NumberText.percent(Double(captions) / Double(count))
        let recognisedShare = NumberText.percent(Double(count - captions) / Double(count))

        let dashboard = DashboardPage(broadcast: broadcast, assets: .inline).html()
        #expect(dashboard.contains("id=\"transcript-source\""))
        #expect(dashboard.contains("음성 인식 \(recognisedShare) · 자막 \(share)"), "\(share)")
        #expect(dashboard.contains("recognised \(recognisedShare) · captions \(share)"))
        let page = TranscriptPage(broadcast: broadcast).html()
        #expect(page.components(separatedBy: "from-caption\" data-seek").count - 1 == captions)
        #expect(page.contains("class=\"legend\""))
    }

    /// A transcript recognised freely (words that record no origin, as older transcripts) gets no note.
    @Test func recognisedTranscriptsGetNoNote() throws {
        let workspace = try DemoWorkspace()
        defer { workspace.remove() }
        let broadcast = try WorkspaceStore(root: workspace.root).broadcast(id: "demo-b")
        #expect(try #require(broadcast.transcript).words.allSatisfy { $0.origin == nil })
        #expect(!DashboardPage(broadcast: broadcast, assets: .inline).html().contains("transcript-source"))
        #expect(!TranscriptPage(broadcast: broadcast).html().contains("from-caption"))
    }
}
