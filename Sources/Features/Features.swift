import AudioIO
/// Features (in progress).
public enum FeaturesPlaceholder {}
