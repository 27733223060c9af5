import Acoustic
import Foundation

/// How `posteriors.bin` stores each utterance's log-probabilities.
public enum PosteriorsEncoding: String, CaseIterable, Codable, Sendable {
    /// IEEE half precision, 2 bytes per value: about 3 significant digits at every magnitude. The default.
    case float16
    /// 1 byte per value plus a float32 scale per frame: log-prob ≈ −q · scale with q in 0…255 and
    /// scale = −(frame minimum) / 255. Half the size; the step is about 0.1 nat for typical frames.
    case int8
    /// The `sparseKeep` likeliest units of each frame (UInt16 id + float16 value) and a float32 floor for
    /// all others (`Acoustic.SparsePosteriors`): 36 bytes a frame whatever the vocabulary, a few MB for
    /// a two-hour broadcast; exact wherever the answer lies among the likeliest units.
    case sparse

    /// Units per frame the sparse encoding keeps.
    public static let sparseKeep = 8

    /// The header byte.
    var code: UInt8 {
        switch self {
        case .float16: 1
        case .int8: 2
        case .sparse: 3
        }
    }

    init?(code: UInt8) {
        guard let match = Self.allCases.first(where: { $0.code == code }) else { return nil }
        self = match
    }

    /// The header's parameter byte: units kept per frame for `sparse`, else 0.
    func parameter(vocabularySize: Int) -> Int { self == .sparse ? min(Self.sparseKeep, vocabularySize) : 0 }

    /// Bytes one frame takes (`keep`: the header's parameter).
    func frameBytes(vocabularySize: Int, keep: Int) -> Int {
        switch self {
        case .float16: 2 * vocabularySize
        case .int8: 4 + vocabularySize
        case .sparse: 4 + 4 * keep
        }
    }

    /// Appends the encoding of every frame of `posteriors` to `bytes`.
    func encode(_ posteriors: Posteriors, keep: Int, into bytes: inout [UInt8]) {
        let size = posteriors.vocabularySize
        switch self {
        case .float16:
            for value in posteriors.values { Self.appendHalf(value, to: &bytes) }
        case .int8:
            for frame in 0..<posteriors.frames {
                let row = posteriors.values[(frame * size)..<((frame + 1) * size)]
                let lowest = row.reduce(Float(0)) { $1.isFinite ? min($0, $1) : $0 }
                let scale = max(-lowest, .leastNormalMagnitude) / 255
                bytes += ByteOrder.littleEndianBytes(scale.bitPattern)
                for value in row {
                    let magnitude = value.isFinite ? (-min(value, 0) / scale).rounded() : 255
                    bytes.append(UInt8(min(magnitude, 255)))
                }
            }
        case .sparse:
            let sparse = SparsePosteriors(posteriors, keep: keep)
            for frame in 0..<sparse.frames {
                bytes += ByteOrder.littleEndianBytes(sparse.floors[frame].bitPattern)
                for entry in (frame * keep)..<((frame + 1) * keep) {
                    bytes += ByteOrder.littleEndianBytes(sparse.units[entry])
                    Self.appendHalf(sparse.values[entry], to: &bytes)
                }
            }
        }
    }

    /// Decodes `frames` frames starting at `offset` of `raw` into dense log-probabilities.
    func decode(
        _ raw: UnsafeRawBufferPointer, at offset: Int, frames: Int, vocabularySize size: Int, keep: Int
    ) -> [Float] {
        func half(_ at: Int) -> Float {
            Float(Float16(bitPattern: raw.loadUnaligned(fromByteOffset: at, as: UInt16.self).littleEndian))
        }
        func single(_ at: Int) -> Float {
            Float(bitPattern: raw.loadUnaligned(fromByteOffset: at, as: UInt32.self).littleEndian)
        }
        switch self {
        case .float16:
            return (0..<(frames * size)).map { half(offset + 2 * $0) }
        case .int8:
            var values: [Float] = []
            values.reserveCapacity(frames * size)
            for frame in 0..<frames {
                let start = offset + frame * (4 + size)
                let scale = single(start)
                for unit in 0..<size { values.append(-Float(raw[start + 4 + unit]) * scale) }
            }
            return values
        case .sparse:
            var values = [Float](repeating: 0, count: frames * size)
            for frame in 0..<frames {
                let start = offset + frame * (4 + 4 * keep)
                let floor = single(start)
                for unit in 0..<size { values[frame * size + unit] = floor }
                for entry in 0..<keep {
                    let unit = Int(
                        raw.loadUnaligned(fromByteOffset: start + 4 + 4 * entry, as: UInt16.self).littleEndian)
                    if unit < size { values[frame * size + unit] = half(start + 6 + 4 * entry) }
                }
            }
            return values
        }
    }

    private static func appendHalf(_ value: Float, to bytes: inout [UInt8]) {
        bytes += ByteOrder.littleEndianBytes(Float16(value).bitPattern)
    }
}

/// Little-endian byte helpers for the checkpoint formats.
enum ByteOrder {
    static func littleEndianBytes<T: FixedWidthInteger>(_ value: T) -> [UInt8] {
        (0..<MemoryLayout<T>.size).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) }
    }
}
