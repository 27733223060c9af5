import Checkpoints
import Foundation
import JobQueue

/// Queues a recording with its companions, as `submit` and `watch --queue` both do: the files are made
/// reachable from the shared workspace (`Workspace.submit`: copied into `submitted/<id>/` unless they lie
/// inside it already), then queued with paths relative to the workspace. Idempotent by the recording's
/// content hash, from any machine.
struct RecordingSubmitter {
    /// The shared workspace the workers read.
    let workspace: Workspace
    /// The queue the workers claim from.
    let queue: JobQueue

    /// Queues `recording` (SHA-256 `contentHash`) and its `companions`; says whether it was new. With
    /// `withdrawingCopies`, a recording already queued under other names leaves no second copy in `submitted/`.
    func submit(
        _ recording: String, contentHash: String, companions: [UserInputKind: String], withdrawingCopies: Bool = false
    ) async throws -> SubmitOutcome {
        var submission = JobSubmission(
            contentHash: contentHash, recording: try workspace.submit(recording, recordingHash: contentHash))
        for (kind, path) in companions {
            submission.companions[kind.rawValue] = try workspace.submit(path, recordingHash: contentHash)
        }
        let outcome = try await queue.submit(submission)
        if withdrawingCopies, case .alreadySubmitted(let job) = outcome {
            let staged = [submission.recording] + submission.companions.values
            let kept = Set([job.recording] + job.companions.values)
            workspace.withdraw(staged, keeping: kept, recordingHash: contentHash)
        }
        return outcome
    }

    /// The outcome in one line: `queued job 3: submitted/…` or `already submitted as job 3 (done): …`.
    static func describe(_ outcome: SubmitOutcome) -> String {
        switch outcome {
        case .queued(let job): "queued job \(job.id): \(job.recording)"
        case .alreadySubmitted(let job):
            "already submitted as job \(job.id) (\(job.state.rawValue)): \(job.recording)"
                + (job.lastError.map { " – \($0)" } ?? "")
        }
    }
}
