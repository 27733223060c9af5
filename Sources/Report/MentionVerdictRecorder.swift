import Insight

/// Records analysts' verdicts on a broadcast's mentions and brings its figures up to date; the pipeline's
/// (`PipelineRunner.recordVerdicts`) reruns the mentions and the alignment from the checkpoints.
public protocol MentionVerdictRecorder: Sendable {
    /// Records `change` on broadcast `id`, given by `reviewer` (nil: unnamed). Throws `.unknownBroadcast`, or
    /// `.refusedVerdict` saying why (no such mention, nothing to review yet).
    func record(_ change: MentionVerdicts.Change, broadcast id: String, by reviewer: String?) throws(ReportError)
}
