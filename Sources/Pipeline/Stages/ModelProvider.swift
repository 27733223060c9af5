import Acoustic
import Foundation
import Synchronization

/// The acoustic model of a run or a watcher, shared by its jobs: the digest is read from the file's
/// header on first use (cache keys need it even when every stage is reused), the weights are loaded
/// and verified only when a stage actually runs the model, and then once.
public final class ModelProvider: Sendable {
    /// The model file.
    public let path: String
    /// Worker threads for the model's matrix multiplies.
    public let threads: Int
    private let state = Mutex<(digest: String?, model: AcousticModel?)>((nil, nil))

    public init(path: String, threads: Int) {
        (self.path, self.threads) = (path, max(1, threads))
    }

    /// Hex SHA-256 of the weights (the file's recorded digest; the whole file's hash if it records none).
    public func digest() throws(PipelineError) -> String {
        if let digest = state.withLock({ $0.digest }) { return digest }
        var digest: String
        do { digest = try AcousticModel.recordedDigest(path: path) } catch {
            throw .modelUnusable(detail: error.description)
        }
        if digest.isEmpty { digest = try FileDigest(path: path).sha256 }
        let found = digest
        state.withLock { $0.digest = found }
        return found
    }

    /// The loaded model (loaded and verified on first call).
    public func model() throws(PipelineError) -> AcousticModel {
        let result: Result<AcousticModel, AcousticModelError> = state.withLock { state in
            if let model = state.model { return .success(model) }
            do throws(AcousticModelError) {
                let model = try AcousticModel(path: path, threads: threads)
                state.model = model
                return .success(model)
            } catch { return .failure(error) }
        }
        switch result {
        case .success(let model): return model
        case .failure(let error): throw .modelUnusable(detail: error.description)
        }
    }
}
