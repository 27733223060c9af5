import Checkpoints
import Foundation

/// What a running stage may use: the broadcast folder, the recording, the user's inputs, the settings,
/// the models and a progress reporter.
public final class StageContext {
    /// Broadcast id (content hash prefix of the recording).
    public let broadcastID: String
    /// The broadcast's checkpoint folder.
    public let folder: String
    /// The recording's current path.
    public let recording: String
    /// Size and SHA-256 of the recording.
    public let recordingDigest: FileDigest
    /// The run's settings.
    public let settings: PipelineSettings
    /// The run's models.
    public let models: StageModels
    private let userInputs: [UserInputKind: String]
    /// Copy path → the user's file it was copied from in this run.
    private let origins: [String: String]
    private let progressFactory: ProgressFactory?

    init(
        broadcastID: String, folder: String, recording: String, recordingDigest: FileDigest,
        settings: PipelineSettings, models: StageModels, userInputs: [UserInputKind: StoredInput],
        progress: ProgressFactory?
    ) {
        (self.broadcastID, self.folder, self.recording, self.recordingDigest) = (
            broadcastID, folder, recording, recordingDigest
        )
        (self.settings, self.models, progressFactory) = (settings, models, progress)
        self.userInputs = userInputs.mapValues(\.path)
        origins = Dictionary(
            uniqueKeysWithValues: userInputs.values.compactMap { input in input.origin.map { (input.path, $0) } })
    }

    /// A stage's error as one line for the user: the readers name the file they read, which is the
    /// broadcast's copy of a user input; the user knows the file they passed, so that path is put back.
    func describe(_ error: any Error) -> String {
        origins.reduce(String(describing: error)) { line, origin in
            line.replacingOccurrences(of: origin.key, with: origin.value)
        }
    }

    /// The path of `file` inside the broadcast folder (an output of this or an earlier stage).
    public func path(_ file: String) -> String { folder + "/" + file }

    /// The broadcast's copy of a user input, if one was ever given.
    public func userInput(_ kind: UserInputKind) -> String? { userInputs[kind] }

    /// A progress reporter for a step of `total` units, or nil when the caller wants none.
    public func progress(_ label: String, total: Double, unit: String) -> (any StageProgress)? {
        progressFactory?(label, total, unit)
    }
}
