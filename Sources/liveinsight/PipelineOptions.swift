import Acoustic
import ArgumentParser
import Catalog
import Checkpoints
import Foundation
import Insight
import Pipeline
import Reviews
import Transcription

/// The acoustic model a command uses: `transcribe`, `run`, `watch`, and `align` on a broadcast (spotting
/// spells keywords in the model's units; it never runs the model there).
struct ModelOptions: ParsableArguments {
    @Option(help: "The acoustic model file (default: $LIVEINSIGHT_MODEL or Models/\(ModelLocator.shippedModelName)).")
    var model: String?

    @Option(help: "Threads for the acoustic model (default: every core, shared between parallel jobs).")
    var threads: Int?

    func validate() throws {
        guard (threads ?? 1) >= 1 else { throw ValidationError("--threads must be at least 1") }
    }

    /// Builds a runner for `workspace` with `settings` and the models resolved once (`StageModels.resolve`:
    /// `--model`, else the lookup; the language model as `language` says), its catalog opened (and created
    /// if new); model threads are divided between `parallelJobs`.
    func runner(
        workspace: Workspace, catalog: CatalogLocation, settings: PipelineSettings,
        language: StageModels.LanguageModelChoice = .none,
        parallelJobs: Int = 1, progress: ProgressFactory?,
        log: (@Sendable (String) -> Void)?
    ) throws -> PipelineRunner {
        let models = try StageModels.resolve(
            acoustic: model, language: language,
            threads: threadCount(parallelJobs: parallelJobs))
        try workspace.create()
        return PipelineRunner(
            workspace: workspace, catalog: try Catalog(catalog),
            graph: try StageGraph.standard(), settings: settings, models: models,
            toolVersion: LiveInsight.configuration.version, progress: progress, log: log)
    }

    /// `--threads`, else every core divided between `parallelJobs` (at least 1 each).
    func threadCount(parallelJobs: Int = 1) -> Int {
        threads ?? max(1, ProcessInfo.processInfo.activeProcessorCount / max(1, parallelJobs))
    }
}

/// The language model fused into decoding, for `run`, `watch` and `transcribe`.
struct LanguageModelOption: ParsableArguments {
    @Option(
        name: .customLong("lm"),
        help: ArgumentHelp(
            "The language model file (default: the acoustic model's, <model>.lm.safetensors beside it, when present).",
            valueName: "file"))
    var languageModel: String?

    @Flag(name: .customLong("no-lm"), help: "Decode with the acoustic model alone.")
    var withoutLanguageModel = false

    func validate() throws {
        if withoutLanguageModel, languageModel != nil { throw ValidationError("--lm and --no-lm exclude each other") }
    }

    /// The language model these options choose for the pipeline.
    var choice: StageModels.LanguageModelChoice {
        if withoutLanguageModel { return .none }
        return languageModel.map { .file($0) } ?? .companion
    }

    /// The language model to decode with for the acoustic model at `modelPath`, or nil.
    func load(forModel modelPath: String) throws -> NgramLanguageModel? {
        if withoutLanguageModel { return nil }
        guard let path = languageModel ?? ModelLocator.languageModelPath(forModel: modelPath) else { return nil }
        return try NgramLanguageModel(path: path)
    }
}

/// The keyword spotter's sensitivity, for `run`, `watch` and `align`.
struct SpottingOption: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Keyword-spotting threshold, mean log score per unit (≤ 0): higher finds fewer false "
                + "mentions and misses more.",
            discussion:
                "Default: the threshold calibrated for the model (Training/liveinsight_train/calibrate_mentions.py), "
                + "or \(KeywordSpotter.defaultThreshold)."
        ))
    var spottingThreshold: Float?

    func validate() throws {
        if let spottingThreshold, !(spottingThreshold <= 0) {
            throw ValidationError("--spotting-threshold \(spottingThreshold): expected a log score ≤ 0, e.g. -1")
        }
    }
}

/// How the transcript is decoded, for `transcribe`, `run` and `watch`: the beam and the language model.
struct DecodingOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Beam width for decoding the transcript; 1 keeps one hypothesis (the best path "
                + "when there are no hotwords and no language model)."))
    var beam = Transcriber.Options().beamWidth

    @OptionGroup var languageModel: LanguageModelOption

    func validate() throws {
        guard beam >= 1 else { throw ValidationError("--beam must be at least 1") }
    }
}

/// Model and decoding choices shared by `run` and `watch`.
struct PipelineOptions: ParsableArguments {
    @OptionGroup var model: ModelOptions

    @OptionGroup var decoding: DecodingOptions

    @Option(
        help: ArgumentHelp(
            "How posteriors.bin stores log-probabilities: "
                + "\(PosteriorsEncoding.allCases.map(\.rawValue).joined(separator: ", ")).")
    )
    var posteriors = PosteriorsSettingDefault.encoding

    @OptionGroup var spotting: SpottingOption

    /// The settings these options describe.
    var settings: PipelineSettings {
        var settings = PipelineSettings()
        settings.beamWidth = decoding.beam
        settings.posteriorsEncoding = posteriors
        settings.spottingThreshold = spotting.spottingThreshold
        return settings
    }

    /// Builds the runner for `workspace`, its catalog at `catalog` opened (and created if new); model threads are
    /// divided between `parallelJobs`.
    func runner(
        workspace: Workspace, catalog: CatalogLocation, parallelJobs: Int = 1, progress: ProgressFactory?,
        log: (@Sendable (String) -> Void)?, alertSender: WebhookSender? = nil
    ) throws -> PipelineRunner {
        var settings = settings
        settings.alertSender = alertSender
        return try model.runner(
            workspace: workspace, catalog: catalog, settings: settings, language: decoding.languageModel.choice,
            parallelJobs: parallelJobs, progress: progress, log: log)
    }
}

/// Where the `--posteriors` default comes from (`PipelineSettings`).
private enum PosteriorsSettingDefault {
    static let encoding = PipelineSettings().posteriorsEncoding
}

extension PosteriorsEncoding: ExpressibleByArgument {}

/// Writes one line to standard error (stage events, watcher events).
@Sendable func printToStandardError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}
