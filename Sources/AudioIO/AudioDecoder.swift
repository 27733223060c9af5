/// Decodes a recording to mono at a fixed rate (16 kHz by default), block by block.
///
/// The front end of every stage: `AudioFileReader` (libsndfile, downmix) followed by a `Resampler`.
/// Memory is one block plus one filter length, whatever the recording's length.
public final class AudioDecoder {
    /// The source file's header.
    public var info: AudioFileInfo { reader.info }
    /// Rate of the samples `nextBlock` returns.
    public let outputRate: Int
    private let reader: AudioFileReader
    private let resampler: Resampler
    private let blockFrames: Int
    private var block: [Float] = []
    private var finished = false

    /// The default output rate: what the acoustic model was trained on.
    public static let modelSampleRate = 16_000

    /// Opens `path`; blocks of about `blockFrames` source frames are decoded per call.
    public init(
        path: String, outputRate: Int = AudioDecoder.modelSampleRate, blockFrames: Int = 16_384
    )
        throws(AudioIOError)
    {
        reader = try AudioFileReader(path: path)
        resampler = try Resampler(inputRate: reader.info.sampleRate, outputRate: outputRate)
        self.outputRate = outputRate
        self.blockFrames = blockFrames
    }

    /// Returns the next samples at `outputRate` (possibly empty while the filter fills), or `nil` when
    /// the whole recording has been delivered.
    public func nextBlock() throws(AudioIOError) -> [Float]? {
        guard !finished else { return nil }
        var output: [Float] = []
        if try reader.readMono(into: &block, maxFrames: blockFrames) {
            resampler.process(block, into: &output)
        } else {
            resampler.finish(into: &output)
            finished = true
        }
        return output
    }

    /// Decodes the whole file into memory. For short clips and tests; stages stream with `nextBlock`.
    public static func decodeAll(
        path: String, outputRate: Int = AudioDecoder.modelSampleRate
    )
        throws(AudioIOError) -> [Float]
    {
        let decoder = try AudioDecoder(path: path, outputRate: outputRate)
        var samples: [Float] = []
        while let block = try decoder.nextBlock() { samples.append(contentsOf: block) }
        return samples
    }
}
