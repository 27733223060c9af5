/// What a running stage may use: the broadcast folder, the recording, the user's inputs, the settings,
/// the model and a progress reporter.
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
    /// The acoustic model.
    public let model: ModelProvider
    private let userInputs: [UserInputKind: String]
    private let progressFactory: ProgressFactory?

    init(broadcastID: String, folder: String, recording: String, recordingDigest: FileDigest,
         settings: PipelineSettings, model: ModelProvider, userInputs: [UserInputKind: String], progress: ProgressFactory?) {
        (self.broadcastID, self.folder, self.recording, self.recordingDigest) = (broadcastID, folder, recording, recordingDigest)
        (self.settings, self.model, self.userInputs, progressFactory) = (settings, model, userInputs, progress)
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
