/// A CTC decoder: one utterance's log-probabilities in, the recognised unit sequence out (repeats collapsed,
/// blanks dropped), as sherpa-onnx's `OfflineCtcDecoder` separates search from the model.
///
/// Implementations: `GreedyDecoder` (best path) and `PrefixBeamSearch` (beam search, optionally with
/// hotwords and a fused language model). `Transcription.Transcriber` picks one from its options.
public protocol CTCDecoder: Sendable {
    /// The unit sequence for `posteriors` (`frames × vocabularySize` natural-log probabilities, unit 0 the
    /// blank). Unit ids index the model's vocabulary (`TokenVocabulary`).
    func decode(_ posteriors: Posteriors) -> [Int]
}
