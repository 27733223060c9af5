/// How `posteriors.bin` stores each log-probability.
public enum PosteriorsEncoding: String, CaseIterable, Codable, Sendable {
    /// IEEE half precision, 2 bytes per value: about 3 significant digits at every magnitude. The default.
    case float16
    /// 1 byte per value plus a float32 scale per frame: log-prob ≈ −q · scale with q in 0…255 and
    /// scale = −(frame minimum) / 255. Half the size; the step is about 0.1 nat for typical frames.
    case int8

    /// The header byte.
    var code: UInt8 {
        switch self {
        case .float16: 1
        case .int8: 2
        }
    }

    init?(code: UInt8) {
        guard let match = Self.allCases.first(where: { $0.code == code }) else { return nil }
        self = match
    }

    /// Bytes one frame of `vocabularySize` values takes.
    func frameBytes(vocabularySize: Int) -> Int {
        switch self {
        case .float16: 2 * vocabularySize
        case .int8: 4 + vocabularySize
        }
    }

    /// Appends one frame's values to `bytes`.
    func encode(_ frame: ArraySlice<Float>, into bytes: inout [UInt8]) {
        switch self {
        case .float16:
            for value in frame {
                let bits = Float16(value).bitPattern
                bytes.append(UInt8(truncatingIfNeeded: bits))
                bytes.append(UInt8(truncatingIfNeeded: bits >> 8))
            }
        case .int8:
            let lowest = frame.reduce(Float(0)) { $1.isFinite ? min($0, $1) : $0 }
            let scale = max(-lowest, .leastNormalMagnitude) / 255
            bytes.append(contentsOf: ByteOrder.littleEndianBytes(scale.bitPattern))
            for value in frame {
                let magnitude = value.isFinite ? (-min(value, 0) / scale).rounded() : 255
                bytes.append(UInt8(min(magnitude, 255)))
            }
        }
    }

    /// Decodes one frame starting at `offset` of `raw`, appending `vocabularySize` values to `values`.
    func decode(_ raw: UnsafeRawBufferPointer, at offset: Int, vocabularySize: Int, into values: inout [Float]) {
        switch self {
        case .float16:
            for unit in 0..<vocabularySize {
                let bits = raw.loadUnaligned(fromByteOffset: offset + 2 * unit, as: UInt16.self).littleEndian
                values.append(Float(Float16(bitPattern: bits)))
            }
        case .int8:
            let scale = Float(bitPattern: raw.loadUnaligned(fromByteOffset: offset, as: UInt32.self).littleEndian)
            for unit in 0..<vocabularySize {
                values.append(-Float(raw[offset + 4 + unit]) * scale)
            }
        }
    }
}

/// Little-endian byte helpers for the checkpoint formats.
enum ByteOrder {
    static func littleEndianBytes<T: FixedWidthInteger>(_ value: T) -> [UInt8] {
        (0..<MemoryLayout<T>.size).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) }
    }
}
