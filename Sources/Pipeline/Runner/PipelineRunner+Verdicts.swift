import Checkpoints
import Foundation
import Insight

extension PipelineRunner {
    /// Records analysts' verdicts on mentions of broadcast `id` (`Insight.MentionVerdicts`, kept in
    /// `inputs/verdicts.json`) and reruns the mentions and alignment stages from the checkpoints, in seconds: a
    /// rejected mention leaves the alignment, a confirmed one stays at confidence 1, a withdrawn verdict gives the
    /// mention back as it was found.
    ///
    /// Each change must name a mention the broadcast has (its keyword, starting within `MentionVerdicts.tolerance`
    /// of the time) or one it has a verdict on; otherwise `.badInput` lists the keyword's mentions and nothing is
    /// recorded. The broadcast's lock is held from reading the verdicts to the end of the rerun, so verdicts two
    /// analysts give at once are both kept; while a run holds it, `.io` says the broadcast is being processed.
    public func recordVerdicts(
        broadcast id: String, changes: [MentionVerdicts.Change], by reviewer: String? = nil
    ) throws(PipelineError) -> RunSummary {
        let folder = try workspace.existingBroadcastFolder(id)
        let lockPath = folder + "/" + CheckpointFile.lockFile
        // A run on the broadcast can hold its lock for minutes: say so rather than keep the analyst waiting.
        guard !FileLock.isHeld(path: lockPath) else {
            throw .io(
                path: lockPath, detail: "broadcast \(id) is being processed; give the verdict when the run is done")
        }
        let lock = try FileLock(path: lockPath)
        defer { withExtendedLifetime(lock) {} }
        let mentionsPath = folder + "/" + CheckpointFile.mentions.name
        guard FileManager.default.fileExists(atPath: mentionsPath) else {
            throw .badInput(
                path: mentionsPath, detail: "broadcast \(id) has no mentions to review yet: run it with a keyword list")
        }
        let mentions = try CheckpointJSON.read([Mention].self, from: mentionsPath)
        var verdicts = try storedVerdicts(folder: folder)
        for var change in changes {
            let found = mentions.first { MentionVerdicts.sameMention($0.keyword, $0.time, change.keyword, change.time) }
            // Kept at the mention's own time, so a verdict typed to the nearest second still finds it later.
            change.time = found?.time ?? change.time
            guard found != nil || verdicts.hasVerdict(keyword: change.keyword, time: change.time) else {
                let times = mentions.filter { $0.keyword == change.keyword }.map { String(format: "%.2f", $0.time) }
                throw .badInput(
                    path: mentionsPath,
                    detail: "no mention of '\(change.keyword)' at \(String(format: "%.2f", change.time)) s; "
                        + (times.isEmpty
                            ? "the keyword has none" : "its mentions start at " + times.joined(separator: ", ")))
            }
            verdicts.record(change, by: reviewer)
        }
        // The rerun stores this copy as the broadcast's verdicts; it clears the folder's own temporary files first.
        let staged = FileManager.default.temporaryDirectory.appendingPathComponent(
            "liveinsight-verdicts-\(UUID().uuidString).json"
        ).path
        let data: Data
        do { data = try verdicts.encoded() } catch {
            throw .io(path: staged, detail: "cannot encode the verdicts (\(error))")
        }
        try AtomicFile.write(data, to: staged)
        defer { try? FileManager.default.removeItem(atPath: staged) }
        return try rerunLocked(
            broadcast: id, folder: folder, from: ["mentions"], inputs: [.verdicts: staged], stop: nil)
    }

    /// The verdicts broadcast `folder` keeps; none when it has none.
    private func storedVerdicts(folder: String) throws(PipelineError) -> MentionVerdicts {
        let path = folder + "/" + UserInputKind.verdicts.pathInBroadcast
        do { return try MentionVerdicts.stored(at: path) } catch {
            throw .badInput(path: path, detail: "cannot be read as mention verdicts; fix or delete it")
        }
    }
}
