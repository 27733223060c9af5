import Checkpoints

/// What a stage reads.
public enum StageInput: Sendable, Equatable {
    /// The recording itself (its content hash enters the key).
    case recording
    /// The outputs of another stage, which must come earlier in the graph (its key enters the key).
    case stage(String)
    /// A file the user brought. A stage with a `required` input that is absent is not run (nor are the
    /// stages that depend on it); an optional absent input enters the key as absent.
    case user(UserInputKind, required: Bool)
}

/// One unit of the pipeline: declared inputs, outputs and parameters, and the work.
///
/// To add a stage: write one type conforming to `Stage` and add it to `StageGraph.standard`. The runner
/// derives its cache key (see `CacheKey`), skips it when the manifest records it done under the same key
/// and its outputs verify, and otherwise runs it, records it in the manifest and the catalog.
///
/// A stage reads only the recording, user inputs and earlier stages' outputs through its
/// `StageContext`, and writes only its declared `outputs` into the broadcast folder, each atomically
/// (`AtomicFile`, `AtomicFileWriter`), so a crash never leaves a half-written checkpoint.
public protocol Stage: Sendable {
    /// Unique name, e.g. "transcript" (also the manifest and catalog key).
    var name: String { get }
    /// Bump when a code change alters what the stage writes: it invalidates every cached result.
    var version: String { get }
    /// What it reads.
    var inputs: [StageInput] { get }
    /// File names it writes inside the broadcast folder.
    var outputs: [String] { get }
    /// The models its outputs depend on (each one's digest enters the key; see `ModelRole`).
    var models: [ModelRole] { get }
    /// The settings that change its outputs, as name → canonical text (they enter the key).
    func parameters(_ settings: PipelineSettings) -> [String: String]
    /// Does the work. Errors are reported as `PipelineError.stageFailed` with their description.
    func run(_ context: StageContext) throws
}

extension Stage {
    /// Stages depend on no model by default.
    public var models: [ModelRole] { [] }
    /// Stages have no parameters by default.
    public func parameters(_ settings: PipelineSettings) -> [String: String] { [:] }

    /// Whether its outputs depend on the acoustic model (its digest is then the key's and the manifest's).
    var usesAcousticModel: Bool { models.contains(.acoustic) }

    /// Names of the stages this one reads.
    var dependencies: [String] {
        inputs.compactMap { if case .stage(let name) = $0 { name } else { nil } }
    }
}
