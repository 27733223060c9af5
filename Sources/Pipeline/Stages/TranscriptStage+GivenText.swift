import Acoustic
import Checkpoints
import TranscriptAlignment
import Transcription
import Validation

/// The transcript stage with text from elsewhere (`Docs/transcripts.md`): captions (`run --transcript`) whose
/// cues all have times are force-aligned cue by cue in place of recognition; a cue sheet (`run --script`), or
/// captions without times, is matched against the freely recognised transcript, and only the passages that
/// were said replace the recognised words there. Every word records where its text came from.
extension TranscriptStage {
    /// The text a broadcast was given and the origin its words will record.
    struct GivenText {
        let cues: [TextCue]
        let origin: WordOrigin
    }

    /// The broadcast's captions or cue sheet, or nil. Given one after the other, the later replaces the
    /// earlier (`UserInputKind.replaces`); given together (watched-folder companions), the captions win.
    func givenText(_ context: StageContext) throws -> GivenText? {
        if let path = context.userInput(.transcript) {
            return GivenText(cues: try TextCueReader.cues(path: path), origin: .caption)
        }
        if let path = context.userInput(.script) {
            return GivenText(cues: try TextCueReader.cues(path: path), origin: .script)
        }
        return nil
    }

    /// The segments of a transcript made from `given` and the posteriors of `reader` (a recording of
    /// `duration` seconds).
    func transcribe(
        _ given: GivenText, reader: PosteriorsReader, transcriber: Transcriber, duration: Double,
        context: StageContext
    ) throws -> [TranscriptSegment] {
        let configuration = transcriber.model.configuration
        let vocabulary = TokenVocabulary(tokens: configuration.vocabulary)
        let timed = given.cues.compactMap { cue in cue.span.map { CueAligner.Cue(text: cue.text, span: $0) } }
        if given.origin == .caption, !timed.isEmpty, timed.count == given.cues.count {
            // Every time lies inside the recording: cues running past its end are cut there, cues after it dropped.
            let inside = timed.filter { $0.span.lowerBound < duration }.map { cue in
                CueAligner.Cue(text: cue.text, span: cue.span.lowerBound...min(cue.span.upperBound, duration))
            }
            let aligner = CueAligner(cues: inside, origin: .caption, vocabulary: vocabulary, clock: transcriber.clock)
            return try align(aligner, on: reader, duration: duration, context: context)
        }
        let recognised = try recognise(reader, with: transcriber, duration: duration, context: context)
        let match = ScriptMatcher().match(
            script: given.cues.map(\.text), recognised: recognised,
            vocabulary: vocabulary)
        let aligner = CueAligner(
            cues: match.passages, origin: given.origin, vocabulary: vocabulary,
            clock: transcriber.clock)
        let passages = try align(aligner, on: PosteriorsReader(path: reader.path), duration: duration, context: context)
        return (passages + match.kept).sorted { $0.start < $1.start }
    }

    /// Feeds every utterance of `reader` to `aligner` and returns its segments.
    private func align(
        _ aligner: CueAligner, on reader: PosteriorsReader, duration: Double,
        context: StageContext
    ) throws -> [TranscriptSegment] {
        var aligner = aligner
        let progress = context.progress("aligning the given text", total: duration, unit: "s")
        defer { progress?.finish() }
        while let utterance = try reader.next() {
            let posteriors = utterance.posteriors
            aligner.add(UtterancePosteriors(start: utterance.start, end: utterance.end, posteriors: posteriors))
            progress?.update(utterance.end)
        }
        return aligner.finish()
    }
}
