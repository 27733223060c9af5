import Catalog
import Checkpoints
import Foundation

extension PipelineRunner {
    /// Reruns the stages `names`, and those that read them, on broadcast `id` from its checkpoints alone.
    /// Every stage they read is taken as the manifest records it — done, outputs verified, made with the
    /// current model — and never run, so neither the recording nor the acoustic model is needed:
    /// `rerun(broadcast: id, from: ["mentions"], inputs: [.keywords: path])` re-spots a new keyword list
    /// in the checkpointed transcript and posteriors and re-aligns it with the events, in seconds.
    ///
    /// `inputs` replace the broadcast's copies of those kinds first and stay for later runs, as with `run`
    /// (a later full run decodes the transcript again with the new keywords as hotwords). Stages run,
    /// are reused or wait exactly as in `run`, and are recorded in the manifest and the catalog.
    /// Throws `.unknownBroadcast`, `.outdatedCheckpoint` when a stage they read was made with another
    /// model, `.invalidGraph` for an unknown stage name, or what a stage throws.
    public func rerun(
        broadcast id: String, from names: Set<String>, inputs given: [UserInputKind: String] = [:],
        stop: StopSignal? = nil
    ) throws(PipelineError) -> RunSummary {
        let folder = try workspace.existingBroadcastFolder(id)
        let lock = try FileLock(path: folder + "/" + CheckpointFile.lockFile)
        defer { withExtendedLifetime(lock) {} }
        return try rerunLocked(broadcast: id, folder: folder, from: names, inputs: given, stop: stop)
    }

    /// ``rerun(broadcast:from:inputs:stop:)`` once the broadcast's lock is held.
    func rerunLocked(
        broadcast id: String, folder: String, from names: Set<String>, inputs given: [UserInputKind: String],
        stop: StopSignal?
    ) throws(PipelineError) -> RunSummary {
        let selected = try graph.downstream(of: names)
        AtomicFile.removeLeftovers(in: folder)
        AtomicFile.removeLeftovers(in: folder + "/" + CheckpointFile.inputsFolder)
        guard var manifest = try Manifest.load(folder: folder) else {
            throw .unknownBroadcast(id: id, workspace: workspace.root)
        }
        manifest.toolVersion = toolVersion
        let recording = try RecordingInfo.load(folder: folder)
        let known = try catalog.broadcast(id: id)
        if known == nil {  // a broadcast folder copied in from another workspace
            try catalog.recordBroadcast(
                id: id, name: manifest.name, sourcePath: recording.audio.path, bytes: recording.content.bytes)
        }
        try catalog.closeInterruptedStageRuns(broadcast: id)
        let inputs = try storeInputs(given, folder: folder)
        let source = workspace.absolutePath(of: known?.sourcePath ?? recording.audio.path)
        let context = StageContext(
            broadcastID: id, folder: folder, recording: source,
            recordingDigest: recording.content, settings: settings, models: models,
            userInputs: inputs, progress: labelled(manifest.name))
        let read = graph.upstream(of: selected).subtracting(selected)
        var keys: [String: String] = [:]
        var outcomes: [StageOutcome] = []
        for stage in graph.stages {
            if selected.contains(stage.name) {
                outcomes.append(
                    try advance(
                        stage, keys: &keys, inputs: inputs, context: context, manifest: &manifest, job: nil, stop: stop)
                )
            } else if read.contains(stage.name),
                let key = try checkpointedKey(of: stage, manifest: manifest, folder: folder)
            {
                keys[stage.name] = key
            }
        }
        return RunSummary(broadcast: id, folder: folder, name: manifest.name, stages: outcomes)
    }

    /// The key `stage`'s checkpoint is current under: nil when the manifest does not record it done or its
    /// outputs no longer verify (the stages reading it then wait); `.outdatedCheckpoint` when it was made
    /// with another model than the current one.
    private func checkpointedKey(
        of stage: any Stage, manifest: Manifest, folder: String
    ) throws(PipelineError) -> String? {
        guard let entry = manifest.stages[stage.name], entry.status == .done,
            OutputCheck.verify(entry.outputs, expected: stage.outputs, folder: folder)
        else { return nil }
        if stage.usesAcousticModel, let made = entry.modelDigest {
            let current = try models.acoustic.digest()
            guard made == current else {
                throw .outdatedCheckpoint(
                    broadcast: manifest.broadcast, stage: stage.name,
                    detail: "made with model \(made.prefix(12))…, the current model is \(current.prefix(12))…")
            }
        }
        return entry.key
    }
}
