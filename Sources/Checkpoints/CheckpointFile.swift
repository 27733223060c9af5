/// The checkpoint files of one broadcast folder, `<workspace>/broadcasts/<id>/`: the one place their names
/// are written. The pipeline's stages write them, the dashboard and the commands read them.
///
/// ```
/// manifest.json     what each stage last did (`Manifest`)
/// recording.json    the recording's name, content hash and audio header (`RecordingInfo`), by `decode`
/// posteriors.bin    every utterance's CTC log-probabilities (`PosteriorsFile`), by `acoustic`
/// transcript.json   segments → words with times and confidences (`Transcription.Transcript`), by `transcript`
/// validation.json   CER/WER against the reference (`Validation.ValidationReport`), by `validation`
/// mentions.json     keyword mentions (`[Insight.Mention]`), by `mentions`
/// alignment.json    mentions × events (`Insight.InsightReport`), by `alignment`
/// summary.json      the headline figures alone (`Insight.HeadlineFigures`), by `alignment`
/// reviews.json      review sentiment per product and topic (`ReviewDigest`), by `reviews`
/// inputs/           the user's files (`UserInputKind.pathInBroadcast`)
/// .lock             held by the run working on the broadcast (`FileLock`)
/// ```
public enum CheckpointFile: String, CaseIterable, Sendable {
    case manifest = "manifest.json"
    case recording = "recording.json"
    case posteriors = "posteriors.bin"
    case transcript = "transcript.json"
    case validation = "validation.json"
    case mentions = "mentions.json"
    case alignment = "alignment.json"
    case summary = "summary.json"
    case reviews = "reviews.json"
    case reviewAlerts = "review-alerts.json"

    /// The file's name inside the broadcast folder.
    public var name: String { rawValue }

    /// Sub-folder of a broadcast holding the copies of the user's inputs.
    public static let inputsFolder = "inputs"
    /// Lock file that serialises runs on one broadcast (held for the whole run).
    public static let lockFile = ".lock"
}
