/// Hangul text utilities (placeholder until the Hangul work lands).
public enum Hangul {}
