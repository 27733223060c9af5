import ContentHash
import Foundation

/// A parsed safetensors file: its string metadata and its tensors, floats converted to float32.
///
/// Layout: 8-byte little-endian header length N, N bytes of JSON header, then the data section.
/// The header maps each tensor name to `dtype` (F32, F16 or I32), `shape` and `data_offsets` (relative
/// to the data section); `__metadata__` holds strings. See `Training/MODEL_FORMAT.md`.
struct SafeTensorsFile {
    struct Tensor {
        let shape: [Int]
        /// F32 and F16 data as float32; empty for I32 tensors.
        let values: [Float]
        /// I32 data (the language model's indices); empty for float tensors.
        var integers: [Int32] = []
    }

    let path: String
    let metadata: [String: String]
    let tensors: [String: Tensor]

    /// Reads and checks the file; `verifyChecksum` compares the data section with `data_sha256`.
    init(path: String, verifyChecksum: Bool = true) throws(AcousticModelError) {
        self.path = path
        let data = try Self.map(path)
        let (header, headerEnd) = try Self.header(of: data, path: path)
        metadata = header["__metadata__"] as? [String: String] ?? [:]
        let payload = data[headerEnd...]

        if verifyChecksum, let expected = metadata["data_sha256"] {
            let actual = SHA256.hex(of: payload)
            guard actual == expected else { throw .checksumMismatch(path: path, expected: expected, actual: actual) }
        }

        var tensors: [String: Tensor] = [:]
        for (name, entry) in header where name != "__metadata__" {
            guard let entry = entry as? [String: Any], let dtype = entry["dtype"] as? String,
                let shape = entry["shape"] as? [Int], let offsets = entry["data_offsets"] as? [Int], offsets.count == 2
            else { throw .malformed(path: path, detail: "bad header entry for '\(name)'") }
            let count = shape.reduce(1, *)
            let width: Int
            switch dtype {
            case "F32": width = 4
            case "F16": width = 2
            case "I32": width = 4
            default:
                throw .unsupportedFormat(
                    path: path, detail: "tensor '\(name)' has dtype \(dtype); F32, F16 and I32 are supported")
            }
            let (begin, end) = (offsets[0], offsets[1])
            guard begin >= 0, end == begin + count * width, end <= payload.count else {
                throw .malformed(
                    path: path,
                    detail: "tensor '\(name)' lies outside the data (\(begin)..<\(end) of \(payload.count) bytes)")
            }
            let bytes = payload[(payload.startIndex + begin)..<(payload.startIndex + end)]
            tensors[name] =
                dtype == "I32"
                ? Tensor(shape: shape, values: [], integers: Self.integers(bytes, count: count))
                : Tensor(shape: shape, values: Self.decode(bytes, width: width, count: count))
        }
        self.tensors = tensors
    }

    /// The string metadata alone, without reading the tensors or verifying the checksum.
    static func metadata(path: String) throws(AcousticModelError) -> [String: String] {
        try header(of: map(path), path: path).json["__metadata__"] as? [String: String] ?? [:]
    }

    /// The file, memory-mapped (pages are read only when touched).
    private static func map(_ path: String) throws(AcousticModelError) -> Data {
        do { return try Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped) } catch {
            throw .unreadable(
                path: path, detail: FileManager.default.fileExists(atPath: path) ? "\(error)" : "no such file")
        }
    }

    /// The JSON header and the offset where the data section starts.
    private static func header(
        of data: Data, path: String
    ) throws(AcousticModelError) -> (json: [String: Any], end: Int) {
        guard data.count >= 8 else { throw .malformed(path: path, detail: "only \(data.count) bytes") }
        let headerLength = data.prefix(8).enumerated().reduce(UInt64(0)) {
            $0 | UInt64($1.element) << (8 * UInt64($1.offset))
        }
        guard headerLength > 1, headerLength <= UInt64(data.count - 8) else {
            throw .malformed(path: path, detail: "header length \(headerLength) does not fit in \(data.count) bytes")
        }
        let headerEnd = 8 + Int(headerLength)
        guard let header = try? JSONSerialization.jsonObject(with: data[8..<headerEnd]) as? [String: Any] else {
            throw .malformed(path: path, detail: "the header is not a JSON object")
        }
        return (header, headerEnd)
    }

    private static func integers(_ bytes: Data, count: Int) -> [Int32] {
        bytes.withUnsafeBytes { raw in
            (0..<count).map { Int32(littleEndian: raw.loadUnaligned(fromByteOffset: 4 * $0, as: Int32.self)) }
        }
    }

    private static func decode(_ bytes: Data, width: Int, count: Int) -> [Float] {
        bytes.withUnsafeBytes { raw in
            if width == 4 {
                return (0..<count).map {
                    Float(bitPattern: raw.loadUnaligned(fromByteOffset: 4 * $0, as: UInt32.self).littleEndian)
                }
            }
            return (0..<count).map {
                halfToFloat(raw.loadUnaligned(fromByteOffset: 2 * $0, as: UInt16.self).littleEndian)
            }
        }
    }
}

/// IEEE 754 binary16 → binary32, exactly (subnormals, infinities and NaN included).
func halfToFloat(_ bits: UInt16) -> Float {
    let sign = UInt32(bits & 0x8000) << 16
    let exponent = Int((bits >> 10) & 0x1f)
    let mantissa = UInt32(bits & 0x3ff)
    switch exponent {
    case 0:
        // Zero or subnormal: mantissa × 2^-24.
        let magnitude = Float(mantissa) * Float(sign: .plus, exponent: -24, significand: 1)
        return sign != 0 ? -magnitude : magnitude
    case 0x1f:
        return Float(bitPattern: sign | 0x7f80_0000 | mantissa << 13)
    default:
        return Float(bitPattern: sign | UInt32(exponent - 15 + 127) << 23 | mantissa << 13)
    }
}
