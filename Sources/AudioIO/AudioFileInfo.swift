/// What a recording's header says: its rate, channels, length and format.
public struct AudioFileInfo: Sendable, Equatable, Codable {
    /// The path the file was opened from.
    public var path: String
    /// Samples per second per channel.
    public var sampleRate: Int
    /// Number of interleaved channels.
    public var channels: Int
    /// Frames (samples per channel) as reported by the container.
    public var frames: Int64
    /// Container name as libsndfile reports it, e.g. "WAV (Microsoft)", "FLAC (Free Lossless Audio Codec)".
    public var container: String
    /// Encoding name as libsndfile reports it, e.g. "Signed 16 bit PCM", "Vorbis".
    public var encoding: String

    /// Length in seconds.
    public var duration: Double { sampleRate > 0 ? Double(frames) / Double(sampleRate) : 0 }

    public init(path: String, sampleRate: Int, channels: Int, frames: Int64, container: String, encoding: String) {
        self.path = path
        self.sampleRate = sampleRate
        self.channels = channels
        self.frames = frames
        self.container = container
        self.encoding = encoding
    }
}
