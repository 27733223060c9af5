import ArgumentParser
import Checkpoints
import Foundation
import JobQueue

extension LiveInsight {
    /// `liveinsight submit <recording> [companions…] --queue URL`: queues a recording for the workers.
    struct Submit: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Queue a recording for the workers of a shared job queue (PostgreSQL).",
            discussion: """
                The recording and its companions are made reachable from the shared workspace (copied into \
                <workspace>/submitted/<id>/ unless they already lie inside it), then queued. Companions are \
                known by their names, as in the watched folder: <name>.events.csv, .keywords.csv, .reviews.csv, \
                .ref.txt, .meta.json. Submitting the same recording again (the same bytes, from any machine) \
                changes nothing and says which job it is. `liveinsight worker` processes the queue.
                """)

        @Argument(help: "A recording in any format libsndfile reads.")
        var recording: String

        @Argument(help: "Its companion files (events, keywords, reviews, reference, metadata), known by name.")
        var companions: [String] = []

        @OptionGroup var workspace: WorkspaceOption
        @OptionGroup var queue: QueueOption

        @Option(help: "Attempts before the job is dead-lettered (kept with its last reason, not retried).")
        var maxAttempts = QueueOptions().maxAttempts

        @Flag(help: "Print the job as JSON.")
        var json = false

        func validate() throws {
            guard maxAttempts >= 1 else { throw ValidationError("--max-attempts must be at least 1") }
            for path in [recording] + companions where !FileManager.default.fileExists(atPath: path) {
                throw ValidationError("\(path): no such file")
            }
            for companion in companions where UserInputKind.companion(named: companion) == nil {
                let suffixes = UserInputKind.allCases.flatMap(\.companionSuffixes).joined(separator: ", ")
                throw ValidationError("\(companion): not a companion name (expected one ending in \(suffixes))")
            }
        }

        func run() async throws {
            let workspace = workspace.resolved
            try workspace.create()
            let hash = try FileDigest(path: recording).sha256
            var kinds: [UserInputKind: String] = [:]
            for companion in companions {
                if let kind = UserInputKind.companion(named: companion)?.kind { kinds[kind] = companion }
            }
            var options = QueueOptions()
            options.maxAttempts = maxAttempts
            let outcome = try await JobQueue.open(try queue.address(catalog: self.workspace.catalog), options: options)
            { queue in
                try await RecordingSubmitter(workspace: workspace, queue: queue)
                    .submit(recording, contentHash: hash, companions: kinds, withdrawingCopies: true)
            }
            print(json ? try JSONOutput.encode(outcome.job) : RecordingSubmitter.describe(outcome))
        }
    }
}
