import Foundation

/// Row-wise and element-wise operations on row-major float matrices. All work in place or into a
/// caller-provided buffer: nothing here allocates.
public enum Elementwise {
    /// Normalises each of `rows` rows of `width` values to zero mean and unit variance (biased
    /// estimate, as PyTorch's LayerNorm), then scales by `gamma` and shifts by `beta`.
    public static func layerNorm(
        _ x: UnsafePointer<Float>, rows: Int, width: Int, gamma: UnsafePointer<Float>, beta: UnsafePointer<Float>,
        epsilon: Float, into y: UnsafeMutablePointer<Float>
    ) {
        for r in 0..<rows {
            let row = x + r * width, out = y + r * width
            var sum: Float = 0
            for i in 0..<width { sum += row[i] }
            let mean = sum / Float(width)
            var squares: Float = 0
            for i in 0..<width { let d = row[i] - mean; squares += d * d }
            let scale = 1 / (squares / Float(width) + epsilon).squareRoot()
            for i in 0..<width { out[i] = (row[i] - mean) * scale * gamma[i] + beta[i] }
        }
    }

    /// x ← x · sigmoid(x) (SiLU / swish).
    public static func silu(_ x: UnsafeMutablePointer<Float>, count: Int) {
        for i in 0..<count { x[i] = x[i] / (1 + exp(-x[i])) }
    }

    /// x ← max(x, 0).
    public static func relu(_ x: UnsafeMutablePointer<Float>, count: Int) {
        for i in 0..<count { x[i] = max(x[i], 0) }
    }

    /// Gated linear unit over each row of 2·`width` values: y = first half · sigmoid(second half).
    public static func glu(_ x: UnsafePointer<Float>, rows: Int, width: Int, into y: UnsafeMutablePointer<Float>) {
        for r in 0..<rows {
            let row = x + r * 2 * width, out = y + r * width
            for i in 0..<width { out[i] = row[i] / (1 + exp(-row[width + i])) }
        }
    }

    /// y ← y + scale · x.
    public static func addScaled(_ x: UnsafePointer<Float>, scale: Float, to y: UnsafeMutablePointer<Float>, count: Int)
    {
        for i in 0..<count { y[i] += scale * x[i] }
    }

    /// Softmax of each row in place (max-subtracted for stability).
    public static func softmaxRows(_ x: UnsafeMutablePointer<Float>, rows: Int, width: Int) {
        for r in 0..<rows {
            let row = x + r * width
            var peak = -Float.infinity
            for i in 0..<width { peak = max(peak, row[i]) }
            var sum: Float = 0
            for i in 0..<width { row[i] = exp(row[i] - peak); sum += row[i] }
            let inverse = 1 / sum
            for i in 0..<width { row[i] *= inverse }
        }
    }

    /// Log-softmax of each row in place.
    public static func logSoftmaxRows(_ x: UnsafeMutablePointer<Float>, rows: Int, width: Int) {
        for r in 0..<rows {
            let row = x + r * width
            var peak = -Float.infinity
            for i in 0..<width { peak = max(peak, row[i]) }
            var sum: Float = 0
            for i in 0..<width { sum += exp(row[i] - peak) }
            let shift = peak + log(sum)
            for i in 0..<width { row[i] -= shift }
        }
    }
}
