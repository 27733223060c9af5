import Foundation

/// Buffers and rotary tables for self-attention over one utterance.
struct AttentionScratch {
    let query, key, value, context, scores: UnsafeMutablePointer<Float>
    /// cos and sin of position p × base^(−2i/h), `frames × h/2` each.
    let cosine, sine: [Float]

    init(frames: Int, configuration c: ModelConfiguration, scratch: Scratch) {
        let d = c.modelDimension, half = c.headDimension / 2
        (query, key, value, context) = (
            scratch.buffer(frames * d), scratch.buffer(frames * d), scratch.buffer(frames * d),
            scratch.buffer(frames * d)
        )
        scores = scratch.buffer(frames * frames)
        var cosine = [Float](repeating: 0, count: frames * half), sine = cosine
        for i in 0..<half {
            // Computed in double, as the recipe does, then rounded once.
            let frequency = pow(c.ropeBase, -2 * Double(i) / Double(c.headDimension))
            for p in 0..<frames {
                let angle = Double(p) * frequency
                cosine[p * half + i] = Float(cos(angle))
                sine[p * half + i] = Float(sin(angle))
            }
        }
        (self.cosine, self.sine) = (cosine, sine)
    }
}

extension AcousticModel {
    /// x ← x + W_o · softmax(R(Q) R(K)ᵀ / √h) V per head, R the rotary embedding ("rotate half":
    /// element i pairs with i + h/2 within each head).
    func selfAttention(
        _ module: SelfAttentionModule, _ x: UnsafeMutablePointer<Float>, frames: Int,
        normed: UnsafeMutablePointer<Float>, temporary: UnsafeMutablePointer<Float>, scratch s: AttentionScratch
    ) {
        let c = configuration
        let (d, h, half) = (c.modelDimension, c.headDimension, c.headDimension / 2)
        module.norm.apply(x, rows: frames, into: normed)
        module.query.apply(normed, rows: frames, into: s.query, threads: threads)
        module.key.apply(normed, rows: frames, into: s.key, threads: threads)
        module.value.apply(normed, rows: frames, into: s.value, threads: threads)
        let queryScale = 1 / Float(h).squareRoot()
        for p in 0..<frames {
            for head in 0..<c.heads {
                let base = p * d + head * h
                for i in 0..<half {
                    let (cosine, sine) = (s.cosine[p * half + i], s.sine[p * half + i])
                    let (q1, q2) = (s.query[base + i], s.query[base + i + half])
                    s.query[base + i] = (q1 * cosine - q2 * sine) * queryScale
                    s.query[base + i + half] = (q2 * cosine + q1 * sine) * queryScale
                    let (k1, k2) = (s.key[base + i], s.key[base + i + half])
                    s.key[base + i] = k1 * cosine - k2 * sine
                    s.key[base + i + half] = k2 * cosine + k1 * sine
                }
            }
        }
        for head in 0..<c.heads {
            let keys = PackedMatrix(outputsByInputs: s.key + head * h, outputs: frames, inputs: h, stride: d)
            MatrixMultiply.multiply(
                s.query + head * h, rows: frames, lda: d, keys, into: s.scores, ldc: frames, threads: threads)
            Elementwise.softmaxRows(s.scores, rows: frames, width: frames)
            let values = PackedMatrix(rowMajor: s.value + head * h, k: frames, n: h, stride: d)
            MatrixMultiply.multiply(
                s.scores, rows: frames, lda: frames, values, into: s.context + head * h, ldc: d,
                threads: threads)
        }
        module.output.apply(s.context, rows: frames, into: temporary, threads: threads)
        Elementwise.addScaled(temporary, scale: 1, to: x, count: frames * d)
    }
}
