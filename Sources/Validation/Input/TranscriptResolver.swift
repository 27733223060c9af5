/// Finds a transcript that is not a file path — the extension point for `--hyp <broadcast id>`.
///
/// The pipeline provides one (`Pipeline.WorkspaceTranscriptResolver`) that looks a broadcast id up in a
/// workspace and returns the broadcast's checkpointed `transcript.json`. ``TranscriptLoader`` asks its
/// resolvers, in order, when a name is not an existing path, and reports "no such file or broadcast",
/// naming where each resolver looked, when none knows it.
public protocol TranscriptResolver: Sendable {
    /// Where this resolver looks, for the "no such file or broadcast" message: e.g. "the broadcasts of
    /// workspace /data/ws (`liveinsight status --workspace /data/ws` lists them)".
    var searched: String { get }

    /// The transcript called `name`, or `nil` when this resolver does not know the name. Throws when it knows
    /// the name but cannot give a transcript (e.g. ``TranscriptError/noTranscriptYet(broadcast:reason:)``).
    func transcript(named name: String) throws(TranscriptError) -> ItemizedTranscript?
}
