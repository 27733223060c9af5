import Dispatch

/// C (M × N) = A (M × K) · B (K × N) [+ bias], single precision, row-major A and C.
///
/// A 6 × 16 register-blocked kernel (12 eight-wide accumulators, B streamed from a `PackedMatrix`,
/// A broadcast) over row blocks that are shared among `threads` workers. Compiled with AVX2/FMA on
/// x86-64 (see Package.swift). No allocation happens here except for an N-tail scratch tile.
public enum MatrixMultiply {
    /// Rows per kernel call.
    static let rowBlock = 6

    /// Computes `c = a · b + bias` (bias broadcast over rows, if given).
    /// - Parameters:
    ///   - a: M rows of K values, consecutive rows `lda` floats apart.
    ///   - c: M rows of N values, consecutive rows `ldc` floats apart.
    ///   - threads: workers to split the rows among (1 runs inline).
    public static func multiply(
        _ a: UnsafePointer<Float>, rows m: Int, lda: Int,
        _ b: PackedMatrix, bias: UnsafePointer<Float>? = nil,
        into c: UnsafeMutablePointer<Float>, ldc: Int, threads: Int = 1
    ) {
        guard m > 0, b.n > 0 else { return }
        let blocks = (m + rowBlock - 1) / rowBlock
        let workers = max(1, min(threads, blocks / 4 + 1))
        let aAddress = UInt(bitPattern: a), cAddress = UInt(bitPattern: c)
        let biasAddress = bias.map { UInt(bitPattern: $0) }
        b.values.withUnsafeBufferPointer { packed in
            let packedAddress = UInt(bitPattern: packed.baseAddress!)
            let work: @Sendable (Int) -> Void = { worker in
                let first = blocks * worker / workers, last = blocks * (worker + 1) / workers
                let a = UnsafePointer<Float>(bitPattern: aAddress)!
                let c = UnsafeMutablePointer<Float>(bitPattern: cAddress)!
                let packed = UnsafePointer<Float>(bitPattern: packedAddress)!
                let bias = biasAddress.map { UnsafePointer<Float>(bitPattern: $0)! }
                for block in first..<last {
                    let row = block * rowBlock
                    let height = min(rowBlock, m - row)
                    multiplyRowBlock(
                        a + row * lda, lda: lda, height: height, b: b, packed: packed,
                        bias: bias, c: c + row * ldc, ldc: ldc)
                }
            }
            if workers == 1 { work(0) } else { DispatchQueue.concurrentPerform(iterations: workers, execute: work) }
        }
    }

    private static func multiplyRowBlock(
        _ a: UnsafePointer<Float>, lda: Int, height: Int, b: PackedMatrix, packed: UnsafePointer<Float>,
        bias: UnsafePointer<Float>?, c: UnsafeMutablePointer<Float>, ldc: Int
    ) {
        let width = PackedMatrix.panelWidth
        for panel in 0..<b.panels {
            let column = panel * width
            let columns = min(width, b.n - column)
            let panelValues = packed + panel * b.k * width
            let panelBias = bias.map { $0 + column }
            if columns == width && height == rowBlock {
                kernel6x16(a, lda: lda, b: panelValues, k: b.k, c: c + column, ldc: ldc, bias: panelBias)
            } else if columns == width {
                for r in 0..<height {
                    kernel1x16(a + r * lda, b: panelValues, k: b.k, c: c + r * ldc + column, bias: panelBias)
                }
            } else {
                // The last, partial panel: compute 16 lanes into a stack tile, keep the valid ones.
                var tile = SIMD16<Float>()
                for r in 0..<height {
                    withUnsafeMutableBytes(of: &tile) { bytes in
                        let lanes = bytes.baseAddress!.assumingMemoryBound(to: Float.self)
                        kernel1x16(a + r * lda, b: panelValues, k: b.k, c: lanes, bias: nil)
                        for j in 0..<columns { c[r * ldc + column + j] = lanes[j] + (panelBias?[j] ?? 0) }
                    }
                }
            }
        }
    }

    @inline(__always)
    private static func load8(_ p: UnsafePointer<Float>) -> SIMD8<Float> {
        UnsafeRawPointer(p).loadUnaligned(as: SIMD8<Float>.self)
    }

    @inline(__always)
    private static func store8(_ v: SIMD8<Float>, _ p: UnsafeMutablePointer<Float>) {
        UnsafeMutableRawPointer(p).storeBytes(of: v, as: SIMD8<Float>.self)
    }

    /// Six rows of A times one 16-column panel: 12 accumulators live in registers across k.
    @inline(__always)
    private static func kernel6x16(
        _ a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, k: Int,
        c: UnsafeMutablePointer<Float>, ldc: Int, bias: UnsafePointer<Float>?
    ) {
        var c00 = SIMD8<Float>(), c01 = SIMD8<Float>(), c10 = SIMD8<Float>(), c11 = SIMD8<Float>()
        var c20 = SIMD8<Float>(), c21 = SIMD8<Float>(), c30 = SIMD8<Float>(), c31 = SIMD8<Float>()
        var c40 = SIMD8<Float>(), c41 = SIMD8<Float>(), c50 = SIMD8<Float>(), c51 = SIMD8<Float>()
        let a0 = a, a1 = a + lda, a2 = a + 2 * lda, a3 = a + 3 * lda, a4 = a + 4 * lda, a5 = a + 5 * lda
        var p = b
        for i in 0..<k {
            let b0 = load8(p), b1 = load8(p + 8)
            var s = SIMD8<Float>(repeating: a0[i]); c00.addProduct(s, b0); c01.addProduct(s, b1)
            s = SIMD8<Float>(repeating: a1[i]); c10.addProduct(s, b0); c11.addProduct(s, b1)
            s = SIMD8<Float>(repeating: a2[i]); c20.addProduct(s, b0); c21.addProduct(s, b1)
            s = SIMD8<Float>(repeating: a3[i]); c30.addProduct(s, b0); c31.addProduct(s, b1)
            s = SIMD8<Float>(repeating: a4[i]); c40.addProduct(s, b0); c41.addProduct(s, b1)
            s = SIMD8<Float>(repeating: a5[i]); c50.addProduct(s, b0); c51.addProduct(s, b1)
            p += 16
        }
        if let bias {
            let bias0 = load8(bias), bias1 = load8(bias + 8)
            c00 += bias0; c10 += bias0; c20 += bias0; c30 += bias0; c40 += bias0; c50 += bias0
            c01 += bias1; c11 += bias1; c21 += bias1; c31 += bias1; c41 += bias1; c51 += bias1
        }
        store8(c00, c); store8(c01, c + 8)
        store8(c10, c + ldc); store8(c11, c + ldc + 8)
        store8(c20, c + 2 * ldc); store8(c21, c + 2 * ldc + 8)
        store8(c30, c + 3 * ldc); store8(c31, c + 3 * ldc + 8)
        store8(c40, c + 4 * ldc); store8(c41, c + 4 * ldc + 8)
        store8(c50, c + 5 * ldc); store8(c51, c + 5 * ldc + 8)
    }

    /// One row of A times one panel: writes 16 values (plus 16 biases, if given).
    @inline(__always)
    private static func kernel1x16(
        _ a: UnsafePointer<Float>, b: UnsafePointer<Float>, k: Int, c: UnsafeMutablePointer<Float>,
        bias: UnsafePointer<Float>?
    ) {
        var c0 = SIMD8<Float>(), c1 = SIMD8<Float>()
        var p = b
        for i in 0..<k {
            let s = SIMD8<Float>(repeating: a[i])
            c0.addProduct(s, load8(p))
            c1.addProduct(s, load8(p + 8))
            p += 16
        }
        if let bias {
            c0 += load8(bias)
            c1 += load8(bias + 8)
        }
        store8(c0, c)
        store8(c1, c + 8)
    }
}
