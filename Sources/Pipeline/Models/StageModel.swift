import Acoustic
import Checkpoints
import Reviews
import Synchronization

/// The models a stage may use. Each one a stage declares enters its cache key by its content digest.
public enum ModelRole: String, CaseIterable, Sendable {
    /// The acoustic model (`Acoustic.AcousticModel`): its digest is the key's `model` and the manifest's.
    case acoustic
    /// The n-gram language model fused into decoding (`Acoustic.NgramLanguageModel`).
    case language
    /// The review sentiment model (`Reviews.SentimentModel`).
    case review

    /// The key parameter holding the digest of a model other than the acoustic one.
    var parameterName: String { rawValue + "Model" }
}

/// One model file of a run or a watcher, shared by its jobs: its digest is read from the file's header on
/// first use (cache keys need it even when every stage is reused), the model is loaded and verified only
/// when a stage actually uses it, and then once.
public final class StageModel<Model: Sendable>: Sendable {
    /// What the model is.
    public let role: ModelRole
    /// The model file.
    public let path: String
    private let readDigest: @Sendable (String) throws -> String
    private let load: @Sendable (String) throws -> Model
    private let state = Mutex<(digest: String?, model: Model?)>((nil, nil))

    init(
        role: ModelRole, path: String, digest: @escaping @Sendable (String) throws -> String,
        load: @escaping @Sendable (String) throws -> Model
    ) {
        (self.role, self.path, readDigest, self.load) = (role, path, digest, load)
    }

    /// Hex SHA-256 identifying the model's content, as its file's header records it.
    public func digest() throws(PipelineError) -> String {
        if let digest = state.withLock({ $0.digest }) { return digest }
        let found: String
        do { found = try readDigest(path) } catch { throw Self.unusable(error) }
        state.withLock { $0.digest = found }
        return found
    }

    /// The loaded model (loaded and verified on first call).
    public func model() throws(PipelineError) -> Model {
        let result: Result<Model, PipelineError> = state.withLock { state in
            if let model = state.model { return .success(model) }
            do {
                let model = try load(path)
                state.model = model
                return .success(model)
            } catch { return .failure(Self.unusable(error)) }
        }
        return try result.get()
    }

    /// A loader's error as the pipeline reports it (the loaders' errors name the file and the problem).
    private static func unusable(_ error: any Error) -> PipelineError {
        error as? PipelineError ?? .modelUnusable(detail: String(describing: error))
    }
}

extension StageModel where Model == AcousticModel {
    /// The acoustic model at `path`, run with `threads` worker threads. Its digest covers the weights and
    /// the configuration (`AcousticModel.digest`); a file that records none is keyed by its whole content.
    public static func acoustic(path: String, threads: Int) -> StageModel {
        StageModel(
            role: .acoustic, path: path,
            digest: { path in
                let recorded = try AcousticModel.recordedDigest(path: path)
                return recorded.isEmpty ? try FileDigest(path: path).sha256 : recorded
            }, load: { path in try AcousticModel(path: path, threads: max(1, threads)) })
    }
}

extension StageModel where Model == NgramLanguageModel {
    /// The language model at `path`.
    public static func language(path: String) -> StageModel {
        StageModel(
            role: .language, path: path, digest: { path in try NgramLanguageModel.recordedDigest(path: path) },
            load: { path in try NgramLanguageModel(path: path) })
    }
}

extension StageModel where Model == SentimentModel {
    /// The review sentiment model at `path`.
    public static func review(path: String) -> StageModel {
        StageModel(
            role: .review, path: path, digest: { path in try SentimentModel.recordedDigest(path: path) },
            load: { path in try SentimentModel(path: path) })
    }
}
