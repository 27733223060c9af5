import Hangul
/// Transcript validation (placeholder until the QA work lands).
public enum Validation {}
