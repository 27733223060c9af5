import Catalog
import Checkpoints
import Foundation
import TextDecoding

/// Runs the stage graph on one recording: hashes it (the broadcast id), locks its broadcast folder,
/// copies the user's inputs in, then for each stage in order either reuses its outputs (same cache key
/// in the manifest, outputs verify) or runs it, recording everything in the manifest and the catalog.
///
/// Safe against crashes at any point: every file is written atomically and the manifest marks a stage
/// done only after its outputs are in place, so a rerun redoes at most the stage that was in flight.
public final class PipelineRunner: Sendable {
    /// The workspace it writes into.
    public let workspace: Workspace
    /// The workspace's catalog.
    public let catalog: Catalog
    /// The stages it runs.
    public let graph: StageGraph
    /// The settings stages take their parameters from.
    public let settings: PipelineSettings
    /// The models, resolved once for every broadcast and stage.
    public let models: StageModels
    /// Version of the tool, recorded in manifests.
    public let toolVersion: String
    private let progress: ProgressFactory?
    private let log: (@Sendable (String) -> Void)?

    /// - Parameters:
    ///   - progress: makes progress reporters for long stages; nil for none.
    ///   - log: receives one line per stage event ("acoustic: ran in 3.2 s"); nil for none.
    public init(
        workspace: Workspace, catalog: Catalog, graph: StageGraph, settings: PipelineSettings, models: StageModels,
        toolVersion: String, progress: ProgressFactory? = nil, log: (@Sendable (String) -> Void)? = nil
    ) {
        (self.workspace, self.catalog, self.graph, self.settings, self.models) = (
            workspace, catalog, graph, settings, models
        )
        (self.toolVersion, self.progress, self.log) = (toolVersion, progress, log)
    }

    /// Processes `request`. `job` links the catalog's stage runs to a job; `stop` is checked before
    /// each stage (a stage in flight always finishes). Throws `PipelineError.stageFailed` naming the
    /// stage, or `.cancelled`.
    public func run(
        _ request: RunRequest, job: Int64? = nil, stop: StopSignal? = nil
    ) throws(PipelineError) -> RunSummary {
        let recordingDigest = try catalog.digest(ofRecording: request.recording)
        let id = String(recordingDigest.sha256.prefix(16))
        let folder = workspace.broadcastFolder(id)
        let name = (request.recording as NSString).lastPathComponent
        try Workspace.createFolder(folder + "/" + CheckpointFile.inputsFolder)
        let lock = try FileLock(path: folder + "/" + CheckpointFile.lockFile)
        defer { withExtendedLifetime(lock) {} }
        AtomicFile.removeLeftovers(in: folder)
        AtomicFile.removeLeftovers(in: folder + "/" + CheckpointFile.inputsFolder)

        var manifest = loadManifest(folder: folder) ?? Manifest(broadcast: id, name: name, toolVersion: toolVersion)
        manifest.toolVersion = toolVersion
        try catalog.recordBroadcast(
            id: id, name: manifest.name, sourcePath: workspace.sharedPath(of: request.recording),
            bytes: recordingDigest.bytes)
        try catalog.closeInterruptedStageRuns(broadcast: id)
        if let job { try catalog.attachJob(job, broadcast: id) }
        defer {  // the duration is known once decode has run, even if a later stage fails
            if let recording = try? RecordingInfo.load(folder: folder) {
                try? catalog.setDuration(recording.duration, broadcast: id)
            }
        }
        let inputs = try storeInputs(request.inputs, folder: folder)
        let context = StageContext(
            broadcastID: id, folder: folder, recording: request.recording, recordingDigest: recordingDigest,
            settings: settings, models: models, userInputs: inputs, progress: labelled(name))
        var keys: [String: String] = [:]
        var outcomes: [StageOutcome] = []
        for stage in graph.stages {
            outcomes.append(
                try advance(
                    stage, keys: &keys, inputs: inputs, context: context, manifest: &manifest, job: job, stop: stop))
        }
        return RunSummary(broadcast: id, folder: folder, name: manifest.name, stages: outcomes)
    }

    /// Brings one stage up to date: waiting when an input is missing, reused when the manifest records it done
    /// under the same key and its outputs verify, otherwise run. Adds its key to `keys` unless it waits.
    func advance(
        _ stage: any Stage, keys: inout [String: String], inputs: [UserInputKind: StoredInput], context: StageContext,
        manifest: inout Manifest, job: Int64?, stop: StopSignal?
    ) throws(PipelineError) -> StageOutcome {
        if let missing = missingInput(of: stage, inputs: inputs, available: keys) {
            log?("\(stage.name): waiting (needs \(missing))")
            return StageOutcome(stage: stage.name, status: .waiting, outputs: [], note: "needs \(missing)")
        }
        let key = try cacheKey(of: stage, recording: context.recordingDigest, keys: keys, inputs: inputs)
        keys[stage.name] = key
        let outputs = stage.outputs.map(context.path)
        if let entry = manifest.stages[stage.name], entry.key == key, entry.status == .done,
            OutputCheck.verify(entry.outputs, expected: stage.outputs, folder: context.folder)
        {
            try catalog.recordReusedStage(broadcast: context.broadcastID, job: job, stage: stage.name, key: key)
            if let figures = stage as? any CatalogFigures,
                try figures.recordedKey(broadcast: context.broadcastID, in: catalog) != key
            {
                try figures.recordFigures(context, key: key, in: catalog)
            }
            log?("\(stage.name): reused")
            return StageOutcome(stage: stage.name, status: .reused, key: key, outputs: outputs)
        }
        if stop?.isRequested == true { throw .cancelled }
        let seconds = try execute(stage, key: key, context: context, manifest: &manifest, job: job)
        if let figures = stage as? any CatalogFigures { try figures.recordFigures(context, key: key, in: catalog) }
        log?("\(stage.name): ran in \(String(format: "%.2f", seconds)) s")
        return StageOutcome(stage: stage.name, status: .ran, key: key, seconds: seconds, outputs: outputs)
    }

    /// Progress reporters whose labels name the recording.
    func labelled(_ name: String) -> ProgressFactory? {
        progress.map { factory in { @Sendable label, total, unit in factory("\(name): \(label)", total, unit) } }
    }

    /// Runs one stage, recording its start, end and outputs. Returns its wall-clock seconds.
    private func execute(
        _ stage: any Stage, key: String, context: StageContext, manifest: inout Manifest,
        job: Int64?
    ) throws(PipelineError) -> Double {
        let started = Date()
        let modelDigest = stage.usesAcousticModel ? try models.acoustic.digest() : nil
        manifest.stages[stage.name] = Manifest.StageEntry(
            key: key, version: stage.version, modelDigest: modelDigest,
            status: .running, started: started)
        try manifest.save(folder: context.folder)
        let runID = try catalog.startStageRun(
            broadcast: context.broadcastID, job: job, stage: stage.name, key: key, now: started)
        do {
            try stage.run(context)
            var outputs: [String: FileDigest] = [:]
            for file in stage.outputs {
                guard FileDigest.size(of: context.path(file)) != nil else {
                    throw PipelineError.io(path: context.path(file), detail: "the stage finished without writing it")
                }
                outputs[file] = try FileDigest(path: context.path(file))
            }
            let seconds = Date().timeIntervalSince(started)
            manifest.stages[stage.name]?.status = .done
            manifest.stages[stage.name]?.finished = Date()
            manifest.stages[stage.name]?.seconds = seconds
            manifest.stages[stage.name]?.outputs = outputs
            try manifest.save(folder: context.folder)
            try catalog.finishStageRun(runID, status: .done, seconds: seconds)
            return seconds
        } catch {
            let detail = context.describe(error)
            let seconds = Date().timeIntervalSince(started)
            manifest.stages[stage.name]?.status = .failed
            manifest.stages[stage.name]?.finished = Date()
            manifest.stages[stage.name]?.seconds = seconds
            manifest.stages[stage.name]?.error = detail
            try? manifest.save(folder: context.folder)
            try? catalog.finishStageRun(runID, status: .failed, seconds: seconds, error: detail)
            log?("\(stage.name): failed: \(detail)")
            throw .stageFailed(stage: stage.name, broadcast: context.broadcastID, detail: detail)
        }
    }

    /// The manifest in `folder`; a damaged one (which atomic writes should make impossible) is set aside
    /// and the broadcast starts afresh.
    private func loadManifest(folder: String) -> Manifest? {
        do { return try Manifest.load(folder: folder) } catch {
            log?("\(error); starting the broadcast afresh")
            return nil
        }
    }

    /// Copies the given inputs into the broadcast folder (replacing earlier copies, and removing the copies of
    /// the kinds each one replaces: `UserInputKind.replaces`) and returns every
    /// copy present, given now or before, with its digest.
    func storeInputs(
        _ given: [UserInputKind: String], folder: String
    ) throws(PipelineError) -> [UserInputKind: StoredInput] {
        for (kind, source) in given.sorted(by: { $0.key < $1.key }) {
            if let problem = FileDigest.problem(reading: source) {
                throw .badInput(path: source, detail: "cannot use it as the \(kind.rawValue) file: \(problem)")
            }
            guard let data = FileManager.default.contents(atPath: source) else {
                throw .badInput(path: source, detail: "cannot read the \(kind.rawValue) file (check its permissions)")
            }
            try AtomicFile.write(data, to: folder + "/" + kind.pathInBroadcast)
            for replaced in kind.replaces where given[replaced] == nil {
                let stale = folder + "/" + replaced.pathInBroadcast
                guard FileDigest.size(of: stale) != nil else { continue }
                do { try FileManager.default.removeItem(atPath: stale) } catch {
                    let detail = "cannot remove the \(replaced.rawValue) file the \(kind.rawValue) replaces: \(error)"
                    throw .io(path: stale, detail: detail)
                }
            }
            if kind == .keywords {
                try catalog.recordKeywordList(
                    name: (source as NSString).lastPathComponent, path: source,
                    content: (try? TextDecoder.decode(data).text) ?? String(decoding: data, as: UTF8.self),
                    sha256: try FileDigest(path: source).sha256)
            }
        }
        var stored: [UserInputKind: StoredInput] = [:]
        for kind in UserInputKind.allCases {
            let path = folder + "/" + kind.pathInBroadcast
            if FileDigest.size(of: path) != nil {
                stored[kind] = StoredInput(path: path, digest: try FileDigest(path: path), origin: given[kind])
            }
        }
        return stored
    }

    /// What keeps `stage` from running: a required user input that is absent or an input stage that
    /// could not run; nil when it can run.
    private func missingInput(
        of stage: any Stage, inputs: [UserInputKind: StoredInput], available: [String: String]
    ) -> String? {
        for input in stage.inputs {
            switch input {
            case .user(let kind, required: true) where inputs[kind] == nil: return "the \(kind.rawValue) file"
            case .stage(let name) where available[name] == nil: return "stage \(name)"
            default: continue
            }
        }
        return nil
    }

    /// The stage's cache key from the recording's hash, earlier stages' keys, input hashes, parameters
    /// and the digests of the models it uses: the acoustic model's as the key's `model`, any other as the
    /// parameter `<role>Model` (a model the run lacks is left out).
    private func cacheKey(
        of stage: any Stage, recording: FileDigest, keys: [String: String],
        inputs: [UserInputKind: StoredInput]
    ) throws(PipelineError) -> String {
        var parts: [String: String] = [:]
        for input in stage.inputs {
            switch input {
            case .recording: parts["recording"] = recording.sha256
            case .stage(let name): parts["stage:" + name] = keys[name]
            case .user(let kind, _): parts["user:" + kind.rawValue] = inputs[kind]?.digest.sha256 ?? "absent"
            }
        }
        var parameters = stage.parameters(settings)
        for role in stage.models where role != .acoustic {
            // An unreadable model is reported when the stage loads it, as that stage's failure.
            if let digest = try? models.digest(role) { parameters[role.parameterName] = digest }
        }
        return CacheKey(
            stage: stage.name, version: stage.version,
            model: stage.usesAcousticModel ? try models.acoustic.digest() : nil,
            inputs: parts, parameters: parameters
        ).value
    }
}

/// A user input copied into the broadcast folder.
struct StoredInput {
    /// The copy in the broadcast's `inputs/` folder.
    let path: String
    let digest: FileDigest
    /// The user's file it was copied from, when given in this run (errors name it rather than the copy).
    var origin: String? = nil
}
