import Foundation

/// Scratch buffers for one forward pass, sized for the utterance; freed when the pass ends.
final class Scratch {
    private var buffers: [UnsafeMutablePointer<Float>] = []

    func buffer(_ count: Int) -> UnsafeMutablePointer<Float> {
        let pointer = UnsafeMutablePointer<Float>.allocate(capacity: max(count, 1))
        pointer.initialize(repeating: 0, count: max(count, 1))
        buffers.append(pointer)
        return pointer
    }

    deinit { for pointer in buffers { pointer.deallocate() } }
}

extension AcousticModel {
    /// CTC log-probabilities for one utterance; an ensemble's combined ones (`ensembleMean`).
    /// - Parameters:
    ///   - features: raw log-mel frames from `LogMelExtractor`, `frames × melBins`, row-major.
    ///   - frames: number of input frames.
    /// - Returns: `outputFrames(forInputFrames: frames)` rows (0 for fewer than 7 frames).
    public func logProbabilities(features: [Float], frames: Int) -> Posteriors {
        let own = ownLogProbabilities(features: features, frames: frames)
        if ensembleMembers.isEmpty { return own }
        return Self.ensembleMean(
            [own] + ensembleMembers.map { $0.ownLogProbabilities(features: features, frames: frames) })
    }

    /// This model's own log-probabilities, without its ensemble members'.
    func ownLogProbabilities(features: [Float], frames: Int) -> Posteriors {
        let c = configuration
        precondition(features.count == frames * c.melBins, "features must be frames × \(c.melBins)")
        let outputFrames = c.outputFrames(forInputFrames: frames)
        let vocabulary = c.vocabulary.count
        guard outputFrames > 0 else { return Posteriors(frames: 0, vocabularySize: vocabulary, values: []) }
        let scratch = Scratch()
        let d = c.modelDimension

        let x = features.withUnsafeBufferPointer { subsample($0.baseAddress!, frames: frames, scratch: scratch) }
        let normed = scratch.buffer(outputFrames * d), temporary = scratch.buffer(outputFrames * d)
        let wide = scratch.buffer(outputFrames * max(c.feedForwardMultiplier * d, 2 * d))
        let attention = AttentionScratch(frames: outputFrames, configuration: c, scratch: scratch)
        for block in blocks {
            feedForward(block.feedForward1, x, frames: outputFrames, normed: normed, wide: wide, temporary: temporary)
            selfAttention(
                block.attention, x, frames: outputFrames, normed: normed, temporary: temporary, scratch: attention)
            convolution(block.convolution, x, frames: outputFrames, normed: normed, wide: wide, temporary: temporary)
            feedForward(block.feedForward2, x, frames: outputFrames, normed: normed, wide: wide, temporary: temporary)
            block.norm.apply(x, rows: outputFrames, into: normed)
            x.update(from: normed, count: outputFrames * d)
        }
        var values = [Float](repeating: 0, count: outputFrames * vocabulary)
        values.withUnsafeMutableBufferPointer { logits in
            output.apply(x, rows: outputFrames, into: logits.baseAddress!, threads: threads)
            Elementwise.logSoftmaxRows(logits.baseAddress!, rows: outputFrames, width: vocabulary)
        }
        return Posteriors(frames: outputFrames, vocabularySize: vocabulary, values: values)
    }

    /// Normalisation, two 3×3 stride-2 convolutions (as matrix multiplies over patches, channels
    /// last) with ReLU, and the projection to d. Returns `outputFrames × d`.
    private func subsample(
        _ features: UnsafePointer<Float>, frames: Int, scratch: Scratch
    ) -> UnsafeMutablePointer<Float> {
        let c = configuration
        let (bins0, channels) = (c.melBins, c.subsamplingChannels)
        let (frames1, bins1) = ((frames - 1) / 2, (bins0 - 1) / 2)
        let (frames2, bins2) = ((frames1 - 1) / 2, (bins1 - 1) / 2)

        let normalised = scratch.buffer(frames * bins0)
        for t in 0..<frames {
            for m in 0..<bins0 {
                normalised[t * bins0 + m] = (features[t * bins0 + m] - featureMean[m]) * featureInverseStd[m]
            }
        }
        let patches1 = scratch.buffer(frames1 * bins1 * 9)
        for t in 0..<frames1 {
            for f in 0..<bins1 {
                let patch = patches1 + (t * bins1 + f) * 9
                for kt in 0..<3 {
                    for kf in 0..<3 { patch[kt * 3 + kf] = normalised[(2 * t + kt) * bins0 + 2 * f + kf] }
                }
            }
        }
        let hidden1 = scratch.buffer(frames1 * bins1 * channels)
        subsampling.convolution1.apply(patches1, rows: frames1 * bins1, into: hidden1, threads: threads)
        Elementwise.relu(hidden1, count: frames1 * bins1 * channels)

        // The second convolution's patches are 9·C wide; build them a few output frames at a time.
        let chunk = 16
        let patches2 = scratch.buffer(chunk * bins2 * 9 * channels)
        let hidden2 = scratch.buffer(frames2 * bins2 * channels)
        for start in stride(from: 0, to: frames2, by: chunk) {
            let count = min(chunk, frames2 - start)
            for dt in 0..<count {
                for f in 0..<bins2 {
                    let patch = patches2 + (dt * bins2 + f) * 9 * channels
                    for kt in 0..<3 {
                        for kf in 0..<3 {
                            let source = hidden1 + ((2 * (start + dt) + kt) * bins1 + 2 * f + kf) * channels
                            (patch + (kt * 3 + kf) * channels).update(from: source, count: channels)
                        }
                    }
                }
            }
            subsampling.convolution2.apply(
                patches2, rows: count * bins2, into: hidden2 + start * bins2 * channels,
                threads: threads)
        }
        Elementwise.relu(hidden2, count: frames2 * bins2 * channels)
        let x = scratch.buffer(frames2 * c.modelDimension)
        subsampling.projection.apply(hidden2, rows: frames2, into: x, threads: threads)
        return x
    }

    private func feedForward(
        _ module: FeedForwardModule, _ x: UnsafeMutablePointer<Float>, frames: Int,
        normed: UnsafeMutablePointer<Float>, wide: UnsafeMutablePointer<Float>, temporary: UnsafeMutablePointer<Float>
    ) {
        module.norm.apply(x, rows: frames, into: normed)
        module.expand.apply(normed, rows: frames, into: wide, threads: threads)
        Elementwise.silu(wide, count: frames * module.expand.outputs)
        module.project.apply(wide, rows: frames, into: temporary, threads: threads)
        Elementwise.addScaled(temporary, scale: 0.5, to: x, count: frames * module.project.outputs)
    }

    private func convolution(
        _ module: ConvolutionModule, _ x: UnsafeMutablePointer<Float>, frames: Int,
        normed: UnsafeMutablePointer<Float>, wide: UnsafeMutablePointer<Float>, temporary: UnsafeMutablePointer<Float>
    ) {
        let d = configuration.modelDimension
        module.norm.apply(x, rows: frames, into: normed)
        module.expand.apply(normed, rows: frames, into: wide, threads: threads)
        Elementwise.glu(wide, rows: frames, width: d, into: normed)
        module.depthwise.apply(normed, frames: frames, into: temporary)
        Elementwise.silu(temporary, count: frames * d)
        module.project.apply(temporary, rows: frames, into: normed, threads: threads)
        Elementwise.addScaled(normed, scale: 1, to: x, count: frames * d)
    }
}
