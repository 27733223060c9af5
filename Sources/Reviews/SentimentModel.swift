import Foundation

/// What the sentiment model says about one text.
public struct SentimentScore: Sendable, Equatable, Codable {
    /// Probability that the text is positive (trained as ratings 9–10 against 1–4 of 10).
    public let probability: Double
    /// Expected rating on the training scale 1…10 (from the 10-way rating head).
    public let expectedRating: Double

    /// `probability >= 0.5`.
    public var isPositive: Bool { probability >= 0.5 }
    /// The expected rating mapped to 0…5: `(rating − 1) · 5 / 9`.
    public var stars: Double { (expectedRating - 1) * 5 / 9 }

    /// A score from its two outputs.
    public init(probability: Double, expectedRating: Double) {
        (self.probability, self.expectedRating) = (probability, expectedRating)
    }
}

/// The review sentiment model, in pure Swift: mean of hashed n-gram embeddings → ReLU layer →
/// a binary (positive) head and a 10-way rating head. Twin of `Training/liveinsight_train/sentiment/train.py`.
/// Immutable once loaded, so one instance serves many threads.
public final class SentimentModel: Sendable {
    /// The featurizer whose buckets index this model's embedding.
    public let featurizer: ReviewFeaturizer
    /// SHA-256 of the weights (the file header's `data_sha256`): the model's version, for cache keys.
    public let dataSHA256: String
    private let file: SentimentModelFile

    /// The `dataSHA256` of the `.lisent` file at `path`, read from its header alone (the weights are
    /// neither loaded nor verified): cheap enough for a cache key computed on every run.
    public static func recordedDigest(path: String) throws(ReviewsError) -> String {
        try SentimentModelFile.recordedDigest(path: path)
    }

    /// Loads a `.lisent` file; throws `ReviewsError.badModel` naming the file and the problem.
    public init(path: String, verifyChecksum: Bool = true) throws(ReviewsError) {
        file = try SentimentModelFile(path: path, verifyChecksum: verifyChecksum)
        guard let featurizer = ReviewFeaturizer(buckets: file.buckets, maxCharacterN: file.maxCharacterN) else {
            throw .badModel(path: path, detail: "buckets \(file.buckets) is not a power of two")
        }
        self.featurizer = featurizer
        dataSHA256 = file.dataSHA256
    }

    /// Scores raw text (normalised here).
    public func score(_ text: String) -> SentimentScore {
        score(normalized: ReviewText.normalize(text))
    }

    /// Scores text already passed through `ReviewText.normalize`.
    public func score(normalized: String) -> SentimentScore {
        var ids: [Int32] = [], scratch: [UInt32] = []
        ids.reserveCapacity(4 * normalized.unicodeScalars.count + 16)
        featurizer.features(ofNormalized: normalized, into: &ids, scratch: &scratch)
        return score(featureIDs: ids)
    }

    /// Scores a bag of feature ids (each in `0..<featurizer.buckets`).
    public func score(featureIDs ids: [Int32]) -> SentimentScore {
        let (d, h) = (file.dimension, file.hidden)
        var mean = d == 16 ? meanOf16(ids) : [Float](repeating: 0, count: d)
        if d != 16 {
            file.embedding.withUnsafeBufferPointer { table in
                file.scales.withUnsafeBufferPointer { scales in
                    mean.withUnsafeMutableBufferPointer { sum in
                        for id in ids {
                            let row = Int(id), scale = scales[row], base = row * d
                            for k in 0..<d { sum[k] += Float(table[base + k]) * scale }
                        }
                    }
                }
            }
            let inverse = ids.isEmpty ? 0 : 1 / Float(ids.count)
            for k in 0..<d { mean[k] *= inverse }
        }
        var hiddenOut = [Float](repeating: 0, count: h)
        for j in 0..<h {
            var z = file.hiddenBias[j]
            for k in 0..<d { z += file.hiddenWeight[j * d + k] * mean[k] }
            hiddenOut[j] = max(0, z)
        }
        var logit = file.binaryBias
        for j in 0..<h { logit += file.binaryWeight[j] * hiddenOut[j] }
        var ratingLogits = file.ratingBias
        for r in 0..<file.ratings {
            for j in 0..<h { ratingLogits[r] += file.ratingWeight[r * h + j] * hiddenOut[j] }
        }
        let top = ratingLogits.max() ?? 0
        var total: Float = 0, weighted: Float = 0
        for r in 0..<file.ratings {
            let e = exp(ratingLogits[r] - top)
            total += e
            weighted += e * Float(r + 1)
        }
        return SentimentScore(probability: Double(1 / (1 + exp(-logit))), expectedRating: Double(weighted / total))
    }

    /// The mean embedding for the shipped width (16): one 16-lane int8 → float multiply-add per feature.
    private func meanOf16(_ ids: [Int32]) -> [Float] {
        var sum = SIMD16<Float>()
        file.embedding.withUnsafeBytes { table in
            file.scales.withUnsafeBufferPointer { scales in
                for id in ids {
                    let row = Int(id)
                    sum +=
                        SIMD16<Float>(table.loadUnaligned(fromByteOffset: row * 16, as: SIMD16<Int8>.self))
                        * scales[row]
                }
            }
        }
        if !ids.isEmpty { sum /= Float(ids.count) }
        return (0..<16).map { sum[$0] }
    }
}
