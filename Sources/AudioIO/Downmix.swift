/// Channel downmixing.
enum Downmix {
    /// Appends to `mono` the mean over channels of each of the first `frames` interleaved frames.
    /// The mean (not the sum) keeps full-scale stereo within [-1, 1].
    static func average(_ interleaved: [Float], frames: Int, channels: Int, into mono: inout [Float]) {
        if channels == 1 {
            mono.append(contentsOf: interleaved[0..<frames])
            return
        }
        // Grow once and write through a pointer: appending sample by sample cost as much as FLAC decoding.
        let written = mono.count
        mono.append(contentsOf: repeatElement(0, count: frames))
        let scale = 1 / Float(channels)
        interleaved.withUnsafeBufferPointer { source in
            mono.withUnsafeMutableBufferPointer { destination in
                if channels == 2 {
                    for frame in 0..<frames {
                        destination[written + frame] = (source[2 * frame] + source[2 * frame + 1]) * scale
                    }
                    return
                }
                for frame in 0..<frames {
                    var sum: Float = 0
                    for channel in 0..<channels { sum += source[frame * channels + channel] }
                    destination[written + frame] = sum * scale
                }
            }
        }
    }
}
