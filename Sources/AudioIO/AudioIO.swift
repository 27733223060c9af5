/// Audio decoding (in progress).
public enum AudioIOPlaceholder {}
