import SeededRandom

/// Alternating least squares for implicit feedback (Hu, Koren & Volinsky 2008, "Collaborative Filtering
/// for Implicit Feedback Datasets"): preference pᵤᵢ = 1 when u bought i, confidence cᵤᵢ = 1 + α·rᵤᵢ (r = the
/// purchase count), minimising Σ cᵤᵢ (pᵤᵢ − xᵤ·yᵢ)² + λ(Σ‖xᵤ‖² + Σ‖yᵢ‖²) by solving each customer's and then
/// each item's factors in turn: (YᵀY + λI + Σᵢ (cᵤᵢ − 1) yᵢyᵢᵀ) xᵤ = Σᵢ cᵤᵢ yᵢ, where YᵀY is computed once per
/// sweep. The solve is a few conjugate-gradient steps warm-started from the previous factors (as Takács et
/// al. 2011 and the `implicit` library do) or an exact Cholesky factorisation. Pure Swift, one core.
public struct ALSRecommender: Recommender {
    public enum Solver: String, Sendable, Equatable { case conjugateGradient = "cg", cholesky }

    /// Defaults from issue #18 (the source documents' setting): 30 factors, λ = 0.1, α = 40, 30 iterations.
    public struct Options: Sendable, Equatable {
        public var factors = 30
        public var regularization: Float = 0.1
        public var alpha: Float = 40
        public var iterations = 30
        public var solver = Solver.conjugateGradient
        /// Conjugate-gradient steps per solve. Default 3, as the `implicit` library's.
        public var cgSteps = 3
        public var seed: UInt64 = 42
        public init(
            factors: Int = 30, regularization: Float = 0.1, alpha: Float = 40, iterations: Int = 30,
            solver: Solver = .conjugateGradient, cgSteps: Int = 3, seed: UInt64 = 42
        ) {
            (self.factors, self.regularization, self.alpha, self.iterations) = (
                factors, regularization, alpha, iterations
            )
            (self.solver, self.cgSteps, self.seed) = (solver, cgSteps, seed)
        }
    }

    /// Customer factors, row-major `customers × factors`.
    public private(set) var customerFactors: [Float]
    /// Item factors, row-major `items × factors`.
    public private(set) var itemFactors: [Float]
    public let factors: Int

    public init(_ data: Interactions, options: Options = Options()) {
        let f = options.factors
        var random = SplitMix64(state: options.seed)
        func initial(_ rows: Int) -> [Float] { (0..<rows * f).map { _ in Float.random(in: 0..<0.01, using: &random) } }
        var x = initial(data.customers.count), y = initial(data.items.count)
        let solve = ALSSolve(
            factors: f, regularization: options.regularization, alpha: options.alpha,
            solver: options.solver, cgSteps: options.cgSteps)
        for _ in 0..<options.iterations {
            solve.sweep(
                &x, fixed: y, offsets: data.customerOffsets, columns: data.customerItems, counts: data.customerCounts)
            solve.sweep(&y, fixed: x, offsets: data.itemOffsets, columns: data.itemCustomers, counts: data.itemCounts)
        }
        (customerFactors, itemFactors, factors) = (x, y, f)
    }

    public func score(customer u: Int, into scores: inout [Float]) {
        let f = factors
        customerFactors.withUnsafeBufferPointer { x in
            itemFactors.withUnsafeBufferPointer { y in
                for i in scores.indices {
                    var sum: Float = 0
                    for k in 0..<f { sum += x[u * f + k] * y[i * f + k] }
                    scores[i] = sum
                }
            }
        }
    }
}

/// One half-sweep of ALS: every row of `solved` re-solved against the fixed factors.
struct ALSSolve {
    let factors: Int
    let regularization: Float
    let alpha: Float
    let solver: ALSRecommender.Solver
    let cgSteps: Int

    func sweep(_ solved: inout [Float], fixed: [Float], offsets: [Int], columns: [Int32], counts: [Float]) {
        let f = factors, rows = offsets.count - 1
        var gram = [Float](repeating: 0, count: f * f)
        fixed.withUnsafeBufferPointer { y in
            for row in 0..<(y.count / f) {
                let base = row * f
                for a in 0..<f { let ya = y[base + a]; for b in 0..<f { gram[a * f + b] += ya * y[base + b] } }
            }
        }
        for a in 0..<f { gram[a * f + a] += regularization }
        var work = [Float](repeating: 0, count: f * f + 4 * f)
        solved.withUnsafeMutableBufferPointer { x in
            fixed.withUnsafeBufferPointer { y in
                gram.withUnsafeBufferPointer { g in
                    work.withUnsafeMutableBufferPointer { w in
                        for row in 0..<rows {
                            let range = offsets[row]..<offsets[row + 1]
                            let target = x.baseAddress! + row * f
                            if solver == .cholesky {
                                cholesky(target, y: y, gram: g, range: range, columns: columns, counts: counts, work: w)
                            } else {
                                conjugateGradient(
                                    target, y: y, gram: g, range: range, columns: columns, counts: counts, work: w)
                            }
                        }
                    }
                }
            }
        }
    }

    @inline(__always) private func dot(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>) -> Float {
        var sum: Float = 0
        for k in 0..<factors { sum += a[k] * b[k] }
        return sum
    }

    /// x ← a few CG steps on A x = b from the current x (A, b as in the type's comment), never forming A.
    private func conjugateGradient(
        _ x: UnsafeMutablePointer<Float>, y: UnsafeBufferPointer<Float>, gram: UnsafeBufferPointer<Float>,
        range: Range<Int>, columns: [Int32], counts: [Float], work: UnsafeMutableBufferPointer<Float>
    ) {
        let f = factors
        let r = work.baseAddress!, p = r + f, ap = p + f
        let g = gram.baseAddress!, yBase = y.baseAddress!
        // r = b − A x
        for a in 0..<f { var s: Float = 0; for b in 0..<f { s -= g[a * f + b] * x[b] }; r[a] = s }
        for position in range {
            let yi = yBase + Int(columns[position]) * f
            let confidence = 1 + alpha * counts[position]
            let weight = confidence - (confidence - 1) * dot(yi, x)
            for k in 0..<f { r[k] += weight * yi[k] }
        }
        for k in 0..<f { p[k] = r[k] }
        var rsOld = dot(r, r)
        for _ in 0..<cgSteps {
            guard rsOld > 1e-20 else { break }
            for a in 0..<f { var s: Float = 0; for b in 0..<f { s += g[a * f + b] * p[b] }; ap[a] = s }
            for position in range {
                let yi = yBase + Int(columns[position]) * f
                let weight = alpha * counts[position] * dot(yi, p)
                for k in 0..<f { ap[k] += weight * yi[k] }
            }
            let step = rsOld / dot(p, ap)
            for k in 0..<f { x[k] += step * p[k]; r[k] -= step * ap[k] }
            let rsNew = dot(r, r)
            for k in 0..<f { p[k] = r[k] + (rsNew / rsOld) * p[k] }
            rsOld = rsNew
        }
    }

    /// x ← the exact solution of A x = b by Cholesky factorisation (A is symmetric positive definite: λ > 0).
    private func cholesky(
        _ x: UnsafeMutablePointer<Float>, y: UnsafeBufferPointer<Float>, gram: UnsafeBufferPointer<Float>,
        range: Range<Int>, columns: [Int32], counts: [Float], work: UnsafeMutableBufferPointer<Float>
    ) {
        let f = factors
        let a = work.baseAddress!, b = a + f * f
        let yBase = y.baseAddress!
        for k in 0..<(f * f) { a[k] = gram[k] }
        for k in 0..<f { b[k] = 0 }
        for position in range {
            let yi = yBase + Int(columns[position]) * f
            let extra = alpha * counts[position], confidence = 1 + extra
            for r in 0..<f {
                let scaled = extra * yi[r]
                for c in 0...r { a[r * f + c] += scaled * yi[c] }
                b[r] += confidence * yi[r]
            }
        }
        // A = L Lᵀ in the lower triangle.
        for j in 0..<f {
            var diagonal = Double(a[j * f + j])
            for k in 0..<j { diagonal -= Double(a[j * f + k] * a[j * f + k]) }
            let l = Float(max(diagonal, 1e-12).squareRoot())
            a[j * f + j] = l
            for i in (j + 1)..<max(f, j + 1) {
                var s = a[i * f + j]
                for k in 0..<j { s -= a[i * f + k] * a[j * f + k] }
                a[i * f + j] = s / l
            }
        }
        // L z = b, then Lᵀ x = z.
        for i in 0..<f {
            var s = b[i]
            for k in 0..<i { s -= a[i * f + k] * b[k] }
            b[i] = s / a[i * f + i]
        }
        for i in stride(from: f - 1, through: 0, by: -1) {
            var s = b[i]
            for k in (i + 1)..<max(f, i + 1) { s -= a[k * f + i] * x[k] }
            x[i] = s / a[i * f + i]
        }
    }
}
