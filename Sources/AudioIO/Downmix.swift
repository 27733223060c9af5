/// Channel downmixing.
enum Downmix {
    /// Appends to `mono` the mean over channels of each of the first `frames` interleaved frames.
    /// The mean (not the sum) keeps full-scale stereo within [-1, 1].
    static func average(_ interleaved: [Float], frames: Int, channels: Int, into mono: inout [Float]) {
        if channels == 1 {
            mono.append(contentsOf: interleaved[0..<frames])
            return
        }
        let scale = 1 / Float(channels)
        interleaved.withUnsafeBufferPointer { source in
            for frame in 0..<frames {
                var sum: Float = 0
                let base = frame * channels
                for channel in 0..<channels { sum += source[base + channel] }
                mono.append(sum * scale)
            }
        }
    }
}
