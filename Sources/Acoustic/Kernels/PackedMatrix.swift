/// A right-hand matrix B (K × N) rearranged once for the matrix-multiply kernel.
///
/// Columns are grouped in panels of 16; each panel stores its K rows of 16 values contiguously, so
/// the kernel streams one panel with two 8-wide loads per k. Columns past N are zero padding.
public struct PackedMatrix: Sendable {
    /// Width of a column panel (two 8-float SIMD registers).
    static let panelWidth = 16
    /// Rows of B (the reduction length).
    public let k: Int
    /// Columns of B (outputs).
    public let n: Int
    /// panels × k × 16 floats.
    let values: [Float]

    var panels: Int { (n + Self.panelWidth - 1) / Self.panelWidth }

    /// Packs B = Wᵀ from W stored as PyTorch stores a Linear weight: `outputs × inputs`, row-major.
    public init(outputsByInputs weights: UnsafeBufferPointer<Float>, outputs: Int, inputs: Int) {
        precondition(weights.count == outputs * inputs, "weight count \(weights.count) ≠ \(outputs)×\(inputs)")
        self.init(k: inputs, n: outputs) { row, column in weights[column * inputs + row] }
    }

    /// Packs B = Mᵀ for M (`outputs × inputs`) with row stride `stride`, e.g. one head's keys.
    public init(outputsByInputs m: UnsafePointer<Float>, outputs: Int, inputs: Int, stride: Int) {
        self.init(k: inputs, n: outputs) { row, column in m[column * stride + row] }
    }

    /// Packs B given directly as `k × n`, row-major with row stride `stride`.
    public init(rowMajor b: UnsafePointer<Float>, k: Int, n: Int, stride: Int) {
        self.init(k: k, n: n) { row, column in b[row * stride + column] }
    }

    private init(k: Int, n: Int, element: (Int, Int) -> Float) {
        self.k = k
        self.n = n
        let width = Self.panelWidth
        let panels = (n + width - 1) / width
        var values = [Float](repeating: 0, count: panels * k * width)
        for panel in 0..<panels {
            for row in 0..<k {
                for lane in 0..<width where panel * width + lane < n {
                    values[(panel * k + row) * width + lane] = element(row, panel * width + lane)
                }
            }
        }
        self.values = values
    }
}
