import Acoustic
import Foundation

/// `posteriors.bin`: the acoustic model's CTC log-probabilities for every utterance of a broadcast, so
/// decoding and keyword spotting never rerun the model. Little-endian throughout:
///
/// ```
/// header     8  magic "LIPOSTRS"
///            2  format version (UInt16) = 1
///            1  encoding (1 = float16, 2 = int8 + per-frame scale, 3 = sparse; see PosteriorsEncoding)
///            1  parameter: units kept per frame for sparse, else 0
///            4  vocabulary size V (UInt32)
///            2  model digest length n (UInt16), then n bytes: hex SHA-256 of the model's weights
/// utterance  4  tag "UTTR"
///            8  start seconds (Float64), 8  end seconds (Float64)
///            4  frames F (UInt32), then F frames in the header's encoding
/// trailer    4  tag "DONE", 4  utterance count (UInt32)
/// ```
/// A file without its trailer, or whose trailer count disagrees, is reported as truncated.
public enum PosteriorsFile {
    /// File name inside the broadcast folder.
    public static let fileName = CheckpointFile.posteriors.name
    static let magic = Array("LIPOSTRS".utf8)
    static let formatVersion: UInt16 = 1
    static let utteranceTag = Array("UTTR".utf8)
    static let trailerTag = Array("DONE".utf8)

    /// One utterance read back.
    public struct Utterance: Sendable, Equatable {
        /// Seconds from the start of the recording.
        public var start: Double
        /// End, seconds from the start of the recording.
        public var end: Double
        /// Its log-probabilities.
        public var posteriors: Posteriors
    }
}

/// Streams utterances into a new `posteriors.bin`; the file appears, complete, only on `commit()`.
public final class PosteriorsWriter {
    /// How values are stored.
    public let encoding: PosteriorsEncoding
    /// Units per frame.
    public let vocabularySize: Int
    private let keep: Int
    private let file: AtomicFileWriter
    private var count: UInt32 = 0

    /// Starts a file at `path` for a model with `vocabularySize` units and weights digest `modelDigest`.
    public init(
        path: String, vocabularySize: Int, modelDigest: String, encoding: PosteriorsEncoding
    ) throws(PipelineError) {
        (self.encoding, self.vocabularySize) = (encoding, vocabularySize)
        keep = encoding.parameter(vocabularySize: vocabularySize)
        file = try AtomicFileWriter(path: path)
        let digest = Array(modelDigest.utf8)
        var header = PosteriorsFile.magic
        header += ByteOrder.littleEndianBytes(PosteriorsFile.formatVersion)
        header += [encoding.code, UInt8(keep)]
        header += ByteOrder.littleEndianBytes(UInt32(vocabularySize))
        header += ByteOrder.littleEndianBytes(UInt16(digest.count))
        header += digest
        try file.write(Data(header))
    }

    /// Appends one utterance spanning `start`…`end` seconds.
    public func append(_ posteriors: Posteriors, start: Double, end: Double) throws(PipelineError) {
        guard posteriors.vocabularySize == vocabularySize else {
            file.abandon()
            throw .io(
                path: file.path, detail: "utterance has \(posteriors.vocabularySize) units, the file \(vocabularySize)")
        }
        var bytes = PosteriorsFile.utteranceTag
        bytes.reserveCapacity(24 + posteriors.frames * encoding.frameBytes(vocabularySize: vocabularySize, keep: keep))
        bytes += ByteOrder.littleEndianBytes(start.bitPattern)
        bytes += ByteOrder.littleEndianBytes(end.bitPattern)
        bytes += ByteOrder.littleEndianBytes(UInt32(posteriors.frames))
        encoding.encode(posteriors, keep: keep, into: &bytes)
        try file.write(Data(bytes))
        count += 1
    }

    /// Writes the trailer and moves the file into place.
    public func commit() throws(PipelineError) {
        try file.write(Data(PosteriorsFile.trailerTag + ByteOrder.littleEndianBytes(count)))
        try file.commit()
    }
}

/// Reads `posteriors.bin` one utterance at a time (the file is memory-mapped; memory holds one
/// utterance), checking every length against the file's size.
public final class PosteriorsReader {
    /// The file.
    public let path: String
    /// How values are stored.
    public let encoding: PosteriorsEncoding
    /// Units per frame.
    public let vocabularySize: Int
    /// Hex SHA-256 of the weights of the model that wrote the file.
    public let modelDigest: String
    private let keep: Int
    private let data: Data
    private var offset: Int
    private var utterancesRead: UInt32 = 0
    private var finished = false

    /// Opens `path` and checks its header.
    public init(path: String) throws(PipelineError) {
        self.path = path
        do { data = try Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped) } catch {
            throw .io(
                path: path,
                detail: FileManager.default.fileExists(atPath: path)
                    ? "cannot read (\(error.localizedDescription))" : "no such file; run the acoustic stage first")
        }
        let fixed = PosteriorsFile.magic.count + 10
        guard data.count >= fixed else {
            throw Self.truncated(path, "the header needs \(fixed) bytes, the file has \(data.count)")
        }
        guard Array(data.prefix(PosteriorsFile.magic.count)) == PosteriorsFile.magic else {
            throw .corruptCheckpoint(path: path, detail: "not a posteriors file (bad magic)")
        }
        var cursor = PosteriorsFile.magic.count
        let version: UInt16 = Self.integer(data, at: cursor)
        guard version == PosteriorsFile.formatVersion else {
            throw .corruptCheckpoint(
                path: path, detail: "format version \(version); this build reads \(PosteriorsFile.formatVersion)")
        }
        guard let encoding = PosteriorsEncoding(code: data[data.startIndex + cursor + 2]) else {
            throw .corruptCheckpoint(path: path, detail: "unknown encoding \(data[data.startIndex + cursor + 2])")
        }
        self.encoding = encoding
        keep = Int(data[data.startIndex + cursor + 3])
        vocabularySize = Int(Self.integer(data, at: cursor + 4) as UInt32)
        let digestLength = Int(Self.integer(data, at: cursor + 8) as UInt16)
        cursor += 10
        guard vocabularySize > 0 else { throw .corruptCheckpoint(path: path, detail: "vocabulary size 0") }
        guard keep == encoding.parameter(vocabularySize: vocabularySize) else {
            throw .corruptCheckpoint(
                path: path,
                detail:
                    "\(keep) units kept per frame; \(encoding.rawValue) "
                    + "keeps \(encoding.parameter(vocabularySize: vocabularySize))"
            )
        }
        guard data.count >= cursor + digestLength else {
            throw Self.truncated(path, "the header's model digest runs past the end of the file")
        }
        modelDigest = String(
            decoding: data[(data.startIndex + cursor)..<(data.startIndex + cursor + digestLength)], as: UTF8.self)
        offset = cursor + digestLength
    }

    /// The next utterance, or nil after the last (once the trailer has been checked).
    public func next() throws(PipelineError) -> PosteriorsFile.Utterance? {
        guard !finished else { return nil }
        guard data.count >= offset + 4 else {
            throw Self.truncated(path, "ends after \(utterancesRead) utterances without the closing trailer")
        }
        let tag = Array(data[(data.startIndex + offset)..<(data.startIndex + offset + 4)])
        if tag == PosteriorsFile.trailerTag {
            guard data.count == offset + 8 else {
                throw data.count < offset + 8
                    ? Self.truncated(path, "the trailer is cut short")
                    : .corruptCheckpoint(path: path, detail: "\(data.count - offset - 8) stray bytes after the trailer")
            }
            let declared: UInt32 = Self.integer(data, at: offset + 4)
            guard declared == utterancesRead else {
                throw .corruptCheckpoint(
                    path: path, detail: "trailer counts \(declared) utterances, the file holds \(utterancesRead)")
            }
            finished = true
            return nil
        }
        guard tag == PosteriorsFile.utteranceTag else {
            throw .corruptCheckpoint(path: path, detail: "bad record tag at byte \(offset)")
        }
        let index = utterancesRead + 1
        guard data.count >= offset + 24 else { throw Self.truncated(path, "utterance \(index)'s header is cut short") }
        let start = Double(bitPattern: Self.integer(data, at: offset + 4))
        let end = Double(bitPattern: Self.integer(data, at: offset + 12))
        let frames = Int(Self.integer(data, at: offset + 20) as UInt32)
        let frameBytes = encoding.frameBytes(vocabularySize: vocabularySize, keep: keep)
        let payloadStart = offset + 24
        guard data.count - payloadStart >= frames * frameBytes else {
            throw Self.truncated(
                path,
                "utterance \(index) needs \(frames * frameBytes) bytes of log-probabilities, "
                    + "\(data.count - payloadStart) remain")
        }
        let values = data.withUnsafeBytes { raw in
            encoding.decode(raw, at: payloadStart, frames: frames, vocabularySize: vocabularySize, keep: keep)
        }
        offset = payloadStart + frames * frameBytes
        utterancesRead = index
        return .init(
            start: start, end: end,
            posteriors: Posteriors(frames: frames, vocabularySize: vocabularySize, values: values))
    }

    private static func truncated(_ path: String, _ detail: String) -> PipelineError {
        .corruptCheckpoint(path: path, detail: "truncated: \(detail)")
    }

    private static func integer<T: FixedWidthInteger>(_ data: Data, at offset: Int) -> T {
        data.withUnsafeBytes { T(littleEndian: $0.loadUnaligned(fromByteOffset: offset, as: T.self)) }
    }
}
