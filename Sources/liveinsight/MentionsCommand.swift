import ArgumentParser
import Checkpoints
import Formatting
import Foundation
import Insight
import Pipeline
import Report

extension LiveInsight {
    /// `liveinsight mentions`: a broadcast's keyword mentions, least certain first, and analysts' verdicts on them.
    struct Mentions: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List a broadcast's keyword mentions, least certain first; confirm or reject them.",
            discussion: """
                Without a verdict: prints every mention (time, keyword, confidence, the sentence), the least \
                certain first, so they can be listened to in that order, then the mentions analysts rejected. \
                --reject KEYWORD@SECONDS says the keyword was not said there (the recogniser misheard): the \
                mention leaves the alignment. --confirm says it was: it stays, at confidence 1. --withdraw takes a \
                verdict back. Verdicts are kept in the broadcast's inputs/verdicts.json, and the mentions and the \
                alignment are rerun from the checkpoints in seconds; the recording is not needed. The dashboard \
                gives the same verdicts from its mention table.
                """)

        @Argument(help: "A broadcast id in --workspace, or its folder (<workspace>/broadcasts/<id>).")
        var broadcast: String

        @Option(name: .customLong("reject"), help: "KEYWORD@SECONDS: the keyword was not said there (repeatable).")
        var rejected: [String] = []
        @Option(name: .customLong("confirm"), help: "KEYWORD@SECONDS: the keyword was said there (repeatable).")
        var confirmed: [String] = []
        @Option(name: .customLong("withdraw"), help: "KEYWORD@SECONDS: take the verdict back (repeatable).")
        var withdrawn: [String] = []
        @Option(help: "Who gives the verdicts (recorded beside them).") var by: String?
        @OptionGroup var workspace: WorkspaceOption
        @OptionGroup var model: ModelOptions

        func validate() throws { _ = try changes() }

        func run() throws {
            let reference = BroadcastReference(broadcast, workspace: workspace.resolved)
            let changes = try changes()
            if !changes.isEmpty {
                let runner = try model.runner(
                    workspace: reference.workspace, catalog: try workspace.catalogLocation(of: reference.workspace),
                    settings: PipelineSettings(), progress: nil, log: nil)
                let summary = try runner.recordVerdicts(broadcast: reference.id, changes: changes, by: by)
                let ran = summary.stages.filter { $0.status == .ran }.map(\.stage).joined(separator: ", ")
                let waiting = summary.stages.filter { $0.status == .waiting }.map {
                    "; \($0.stage) waits (\($0.note ?? "an input is missing"))"
                }
                printToStandardError(
                    "\(reference.id): \(changes.count) verdict(s) recorded; rerun: \(ran)\(waiting.joined())")
            }
            print(try listing(reference))
        }

        /// The verdict options as changes, in the order reject, confirm, withdraw.
        private func changes() throws -> [MentionVerdicts.Change] {
            let given: [(String, MentionVerdicts.Verdict?)] =
                rejected.map { ($0, .rejected) } + confirmed.map { ($0, .confirmed) } + withdrawn.map { ($0, nil) }
            return try given.map { text, verdict in
                guard let at = text.lastIndex(of: "@"), let time = Double(text[text.index(after: at)...]),
                    time.isFinite, time >= 0, at > text.startIndex
                else {
                    throw ValidationError(
                        "'\(text)': expected KEYWORD@SECONDS, e.g. 할인@723.48 (`liveinsight mentions` lists them)")
                }
                return MentionVerdicts.Change(keyword: String(text[..<at]), time: time, verdict: verdict)
            }
        }

        /// The mentions, least certain first, and the rejected ones.
        private func listing(_ reference: BroadcastReference) throws -> String {
            let folder = try reference.workspace.existingBroadcastFolder(reference.id)
            let mentions = try CheckpointJSON.read([Mention].self, from: folder + "/" + CheckpointFile.mentions.name)
            var lines = ["time\tseconds\tkeyword\tconfidence\tsentence"]
            for mention in mentions.sorted(by: { ($0.confidence, $0.time) < ($1.confidence, $1.time) }) {
                let confidence =
                    mention.confirmedBy != nil ? "confirmed" : NumberText.percent(mention.confidence, decimals: 0)
                lines.append(
                    "\(NumberText.clock(mention.time))\t\(String(format: "%.2f", mention.time))\t\(mention.keyword)\t"
                        + "\(confidence)\t\(mention.ment)")
            }
            let rejected = try BroadcastFolder(workspace: reference.workspace.root, id: reference.id).verdicts()
                .rejected
            if !rejected.isEmpty {
                lines.append("rejected by analysts (--withdraw KEYWORD@SECONDS gives one back):")
                for entry in rejected.sorted(by: { $0.time < $1.time }) {
                    lines.append(
                        "\(NumberText.clock(entry.time))\t\(String(format: "%.2f", entry.time))\t\(entry.keyword)\t"
                            + "rejected\(entry.by.map { " by " + $0 } ?? "")")
                }
            }
            return lines.joined(separator: "\n")
        }
    }
}
