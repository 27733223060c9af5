import Testing

@testable import Acoustic

/// The blocked matrix multiply against a plain double-precision triple loop.
struct MatrixMultiplyTests {
    static func random(_ count: Int, seed: UInt64) -> [Float] {
        var state = seed
        return (0..<count).map { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Float(Int64(bitPattern: state) >> 40) / Float(1 << 23)
        }
    }

    /// Shapes with every kind of edge: rows not a multiple of 6, columns not a multiple of 16, K = 1.
    @Test(arguments: [
        (1, 1, 1), (5, 3, 17), (6, 16, 16), (7, 144, 576), (13, 9, 33), (64, 1_296, 144), (100, 576, 144),
    ])
    func matchesReference(m: Int, k: Int, n: Int) {
        for threads in [1, 2] {
            let a = Self.random(m * k, seed: 1), w = Self.random(n * k, seed: 2), bias = Self.random(n, seed: 3)
            let packed = w.withUnsafeBufferPointer { PackedMatrix(outputsByInputs: $0, outputs: n, inputs: k) }
            var c = [Float](repeating: .nan, count: m * n)
            a.withUnsafeBufferPointer { a in
                bias.withUnsafeBufferPointer { bias in
                    c.withUnsafeMutableBufferPointer { c in
                        MatrixMultiply.multiply(
                            a.baseAddress!, rows: m, lda: k, packed, bias: bias.baseAddress!,
                            into: c.baseAddress!, ldc: n, threads: threads)
                    }
                }
            }
            var worst = 0.0
            for i in 0..<m {
                for j in 0..<n {
                    var sum = Double(bias[j])
                    for p in 0..<k { sum += Double(a[i * k + p]) * Double(w[j * k + p]) }
                    worst = max(worst, abs(sum - Double(c[i * n + j])))
                }
            }
            #expect(worst < 1e-4 * Double(k).squareRoot(), "\(m)×\(k)×\(n), \(threads) threads: error \(worst)")
        }
    }

    /// Row-major B (as used for attention values) packs to the same matrix as its transpose given as W.
    @Test func rowMajorPackingMatchesTransposed() {
        let (k, n) = (5, 19)
        let b = Self.random(k * n, seed: 9)
        var w = [Float](repeating: 0, count: k * n)
        for row in 0..<k { for column in 0..<n { w[column * k + row] = b[row * n + column] } }
        let fromB = b.withUnsafeBufferPointer { PackedMatrix(rowMajor: $0.baseAddress!, k: k, n: n, stride: n) }
        let fromW = w.withUnsafeBufferPointer { PackedMatrix(outputsByInputs: $0, outputs: n, inputs: k) }
        #expect(fromB.values == fromW.values)
    }
}
