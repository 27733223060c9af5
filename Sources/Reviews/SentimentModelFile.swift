import ContentHash
import Foundation

/// The parsed `.lisent` weights file written by `Training/liveinsight_train/sentiment/export.py`.
///
/// Layout (little-endian): magic `LISENT1\n`; UInt32 header length N; N bytes of JSON header (`buckets`,
/// `dim`, `hidden`, `ratings`, `max_char_n`, `tensors` {name: dtype, shape, offset}, `data_sha256`, `metrics` —
/// the recipe's figures, not read here); then the data section. The format is documented in `Docs/reviews.md`.
struct SentimentModelFile {
    static let magic = Array("LISENT1\n".utf8)

    let buckets: Int, dimension: Int, hidden: Int, ratings: Int, maxCharacterN: Int
    /// Embedding rows as int8, `buckets × dimension`, row r scaled by `scales[r]`.
    let embedding: [Int8]
    let scales: [Float]
    let hiddenWeight: [Float], hiddenBias: [Float]
    let binaryWeight: [Float], binaryBias: Float
    let ratingWeight: [Float], ratingBias: [Float]
    /// The header's SHA-256 of the data section.
    let dataSHA256: String

    // The header's own (snake_case) key names.
    // swift-format-ignore: AlwaysUseLowerCamelCase
    private struct Header: Decodable {
        struct Entry: Decodable { let dtype: String, shape: [Int], offset: Int }
        let format: String, version: Int
        let buckets: Int, dim: Int, hidden: Int, ratings: Int, max_char_n: Int
        let tensors: [String: Entry]
        let data_sha256: String
    }

    /// The header's `data_sha256`, reading only the magic and the header.
    static func recordedDigest(path: String) throws(ReviewsError) -> String {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            let exists = FileManager.default.fileExists(atPath: path)
            throw .badModel(path: path, detail: exists ? "unreadable" : "no such file")
        }
        defer { try? handle.close() }
        let start = (try? handle.read(upToCount: 12)) ?? Data()
        guard start.count == 12, Array(start.prefix(8)) == magic else {
            throw .badModel(path: path, detail: "not a review sentiment file (no LISENT1 magic)")
        }
        let length = start[8..<12].enumerated().reduce(0) { $0 | Int($1.element) << (8 * $1.offset) }
        // swift-format-ignore: AlwaysUseLowerCamelCase
        struct Digest: Decodable { let data_sha256: String }
        guard let header = try? handle.read(upToCount: length), header.count == length,
            let digest = try? JSONDecoder().decode(Digest.self, from: header)
        else {
            throw .badModel(path: path, detail: "unreadable header")
        }
        return digest.data_sha256
    }

    /// Reads and checks the file; `verifyChecksum` compares the data section with `data_sha256`.
    init(path: String, verifyChecksum: Bool = true) throws(ReviewsError) {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw .badModel(
                path: path,
                detail: FileManager.default.fileExists(atPath: path) ? "unreadable: \(error)" : "no such file")
        }
        guard data.count >= 12, Array(data.prefix(8)) == Self.magic else {
            throw .badModel(path: path, detail: "not a review sentiment file (no LISENT1 magic)")
        }
        let length = data[8..<12].enumerated().reduce(0) { $0 | Int($1.element) << (8 * $1.offset) }
        guard length > 1, 12 + length <= data.count else {
            throw .badModel(path: path, detail: "header length \(length) does not fit in \(data.count) bytes")
        }
        let header: Header
        do { header = try JSONDecoder().decode(Header.self, from: data[12..<(12 + length)]) } catch {
            throw .badModel(path: path, detail: "unreadable header: \(error)")
        }
        guard header.format == "liveinsight-review-sentiment", header.version == 1 else {
            throw .badModel(
                path: path, detail: "format \(header.format) version \(header.version); this build reads version 1")
        }
        guard header.buckets > 0, header.buckets & (header.buckets - 1) == 0, header.dim > 0, header.hidden > 0,
            header.ratings == 10, header.max_char_n >= 1
        else {
            throw .badModel(
                path: path,
                detail: "bad configuration (buckets \(header.buckets), dim \(header.dim), hidden \(header.hidden))")
        }
        dataSHA256 = header.data_sha256
        let payload = data[(12 + length)...]
        let widths = ["i8": 1, "f16": 2, "f32": 4]
        let needed =
            header.tensors.values.map { $0.offset + $0.shape.reduce(1, *) * (widths[$0.dtype] ?? 4) }.max() ?? 0
        guard payload.count >= needed else {
            throw .badModel(
                path: path, detail: "truncated: the data section has \(payload.count) bytes, the tensors need \(needed)"
            )
        }
        if verifyChecksum {
            let actual = SHA256.hex(of: payload)
            guard actual == header.data_sha256 else {
                throw .badModel(
                    path: path,
                    detail: "corrupt: data SHA-256 \(actual.prefix(12))…, header says \(header.data_sha256.prefix(12))…"
                )
            }
        }
        func tensor(_ name: String, _ dtype: String, _ shape: [Int]) throws(ReviewsError) -> Data {
            guard let entry = header.tensors[name] else {
                throw .badModel(path: path, detail: "missing tensor '\(name)'")
            }
            guard entry.dtype == dtype, entry.shape == shape else {
                throw .badModel(
                    path: path, detail: "tensor '\(name)' is \(entry.dtype) \(entry.shape), expected \(dtype) \(shape)")
            }
            let width = widths[dtype] ?? 4
            let begin = payload.startIndex + entry.offset, end = begin + shape.reduce(1, *) * width
            guard entry.offset >= 0, end <= payload.endIndex else {
                throw .badModel(path: path, detail: "tensor '\(name)' lies outside the data section")
            }
            return payload[begin..<end]
        }
        let (b, d, h, r) = (header.buckets, header.dim, header.hidden, header.ratings)
        (buckets, dimension, hidden, ratings, maxCharacterN) = (b, d, h, r, header.max_char_n)
        embedding = try tensor("embedding.q", "i8", [b, d]).withUnsafeBytes { Array($0.bindMemory(to: Int8.self)) }
        scales = Self.halves(try tensor("embedding.scale", "f16", [b]))
        hiddenWeight = Self.floats(try tensor("hidden.weight", "f32", [h, d]))
        hiddenBias = Self.floats(try tensor("hidden.bias", "f32", [h]))
        binaryWeight = Self.floats(try tensor("binary.weight", "f32", [h]))
        binaryBias = Self.floats(try tensor("binary.bias", "f32", [1]))[0]
        ratingWeight = Self.floats(try tensor("rating.weight", "f32", [r, h]))
        ratingBias = Self.floats(try tensor("rating.bias", "f32", [r]))
    }

    private static func floats(_ bytes: Data) -> [Float] {
        bytes.withUnsafeBytes { raw in
            (0..<(raw.count / 4)).map {
                Float(bitPattern: raw.loadUnaligned(fromByteOffset: 4 * $0, as: UInt32.self).littleEndian)
            }
        }
    }

    private static func halves(_ bytes: Data) -> [Float] {
        bytes.withUnsafeBytes { raw in
            (0..<(raw.count / 2)).map {
                Float(Float16(bitPattern: raw.loadUnaligned(fromByteOffset: 2 * $0, as: UInt16.self).littleEndian))
            }
        }
    }
}
