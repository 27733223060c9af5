/// Finds a transcript that is not a file path — the extension point for `--hyp <broadcast id>`.
///
/// The pipeline will provide a resolver that looks a broadcast id up in its catalog and returns the
/// broadcast's `transcript.json`. ``TranscriptLoader`` asks its resolvers, in order, when a name is not an
/// existing path, and reports "no such file or broadcast" when none knows it.
public protocol TranscriptResolver: Sendable {
    /// The transcript called `name`, or `nil` when this resolver does not know it.
    func transcript(named name: String) throws(TranscriptError) -> Transcript?
}
