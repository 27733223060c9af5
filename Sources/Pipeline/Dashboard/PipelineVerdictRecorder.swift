import Checkpoints
import Insight
import Report

/// The dashboard's verdicts on mentions, recorded by a runner over the served workspace: each one reruns the
/// broadcast's mentions and alignment from its checkpoints (`PipelineRunner.recordVerdicts`).
public struct PipelineVerdictRecorder: MentionVerdictRecorder {
    /// The runner over the served workspace, with the model its broadcasts were transcribed with.
    public let runner: PipelineRunner

    /// A recorder through `runner`.
    public init(runner: PipelineRunner) { self.runner = runner }

    public func record(_ change: MentionVerdicts.Change, broadcast id: String, by reviewer: String?) throws(ReportError)
    {
        do { _ = try runner.recordVerdicts(broadcast: id, changes: [change], by: reviewer) } catch {
            if case .unknownBroadcast = error { throw .unknownBroadcast(id) }
            throw .refusedVerdict(error.description)
        }
    }
}
