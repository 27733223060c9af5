/// Where a transcript word's text came from. Its time always comes from the recording's posteriors (forced
/// alignment), or, where the text could not be aligned, from the span its source gave it.
public enum WordOrigin: String, Codable, Sendable, CaseIterable {
    /// Recognised freely by the model (the default: a word that records no origin is recognised).
    case recognised
    /// Taken from captions given with the recording (`run --transcript`: SRT, WebVTT, JSON or text).
    case caption
    /// Taken from the host's cue sheet where the recording follows it (`run --script`).
    case script
}
