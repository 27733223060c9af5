import Foundation
import Testing
import Validation

@testable import Catalog
@testable import Checkpoints
@testable import Pipeline

/// `validate --hyp <broadcast id>`: broadcast ids resolve to their checkpointed transcripts.
struct TranscriptResolverTests {
    /// A loader that knows the broadcasts of `workspace`.
    private func loader(_ workspace: Workspace) -> TranscriptLoader {
        TranscriptLoader(resolvers: [WorkspaceTranscriptResolver(workspace: workspace)])
    }

    /// A finished broadcast's id loads its transcript.json, as one document scored against a reference.
    @Test func idLoadsTheCheckpointedTranscript() throws {
        let (runner, summary) = try Fixtures.processedClip()
        let transcript = try loader(runner.workspace).load(summary.broadcast)
        let direct = try TranscriptLoader().load(summary.folder + "/" + CheckpointFile.transcript.name)
        #expect(transcript == direct && transcript.layout == .document)
        let report = TranscriptValidator.validate(
            reference: try TranscriptLoader().load(Fixtures.file("ref.txt", "오늘 특가")),
            hypothesis: transcript)
        #expect(report.items.count == 1 && report.unmatchedHypothesisIDs.isEmpty)
    }

    /// An id the workspace does not have is "no such file or broadcast", naming the workspace and how to list it.
    @Test func unknownIDNamesTheWorkspace() throws {
        let (runner, _) = try Fixtures.processedClip()
        let root = runner.workspace.root
        #expect {
            try loader(runner.workspace).load("0123456789abcdef")
        } throws: { error in
            let text = (error as? TranscriptError)?.description ?? ""
            return text.hasPrefix("no such file or broadcast: 0123456789abcdef (")
                && text.contains(
                    "or one of the broadcasts of workspace \(root) "
                        + "(`liveinsight status --workspace \(root)` lists them)"
                )
        }
    }

    /// A broadcast whose transcript stage has not finished says so, and why.
    @Test func noTranscriptYet() throws {
        let (runner, summary) = try Fixtures.processedClip()
        var manifest = try #require(try Manifest.load(folder: summary.folder))
        manifest.stages["transcript"]?.status = .failed
        manifest.stages["transcript"]?.error = "posteriors.bin: truncated"
        try manifest.save(folder: summary.folder)
        #expect(
            throws: TranscriptError.noTranscriptYet(
                broadcast: summary.broadcast,
                reason: "the transcript stage failed: posteriors.bin: truncated")
        ) {
            try loader(runner.workspace).load(summary.broadcast)
        }
        manifest.stages["transcript"] = nil
        try manifest.save(folder: summary.folder)
        let error = TranscriptError.noTranscriptYet(
            broadcast: summary.broadcast, reason: "the transcript stage has not run on it")
        #expect(throws: error) { try loader(runner.workspace).load(summary.broadcast) }
        #expect(
            error.description
                == "broadcast \(summary.broadcast) has no transcript yet (the transcript stage has not run on it); "
                + "run `liveinsight run` on its recording (or let the watcher finish it), then validate again")
    }
}
