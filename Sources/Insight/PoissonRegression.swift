import Foundation

/// Poisson regression with an exposure offset, fitted by Newton's method (IRLS):
/// log E[yᵢ] = log(exposureᵢ) + β₀ + Σₖ βₖ xᵢₖ.
///
/// A small ridge penalty on βₖ (k ≥ 1) keeps coefficients finite when a covariate's bins hold no
/// events. Standard errors come from the inverse penalised Fisher information, inflated by the
/// Pearson dispersion when the counts vary more than Poisson (quasi-Poisson), never deflated.
struct PoissonRegression {
    /// Coefficients: intercept first.
    let coefficients: [Double]
    /// Standard errors, same order.
    let standardErrors: [Double]
    /// Pearson χ² / (n − p), at least 1.
    let dispersion: Double

    /// - Parameters:
    ///   - counts: events per bin.
    ///   - exposure: exposure per bin (> 0).
    ///   - covariates: one column per covariate, each with a value per bin.
    init(counts: [Double], exposure: [Double], covariates: [[Double]], ridge: Double = 0.05, iterations: Int = 50) {
        let n = counts.count, p = covariates.count + 1
        func x(_ i: Int, _ j: Int) -> Double { j == 0 ? 1 : covariates[j - 1][i] }
        let total = counts.reduce(0, +), totalExposure = exposure.reduce(0, +)
        var beta = [Double](repeating: 0, count: p)
        beta[0] = log(max(total, 0.5) / max(totalExposure, 1e-12))
        var information = [Double](repeating: 0, count: p * p)
        for _ in 0..<iterations {
            var gradient = [Double](repeating: 0, count: p)
            information = [Double](repeating: 0, count: p * p)
            for i in 0..<n {
                var eta = log(exposure[i])
                for j in 0..<p { eta += beta[j] * x(i, j) }
                let mu = exp(min(eta, 50))
                for j in 0..<p {
                    let xj = x(i, j)
                    guard xj != 0 else { continue }
                    gradient[j] += (counts[i] - mu) * xj
                    for k in j..<p { information[j * p + k] += mu * xj * x(i, k) }
                }
            }
            for j in 0..<p { for k in 0..<j { information[j * p + k] = information[k * p + j] } }
            for j in 1..<p {
                gradient[j] -= ridge * beta[j]
                information[j * p + j] += ridge
            }
            guard let step = Self.solve(information, gradient, size: p) else { break }
            var largest = 0.0
            for j in 0..<p {
                let clipped = max(-5, min(5, step[j]))
                beta[j] += clipped
                largest = max(largest, abs(clipped))
            }
            if largest < 1e-8 { break }
        }
        var pearson = 0.0
        for i in 0..<n {
            var eta = log(exposure[i])
            for j in 0..<p { eta += beta[j] * x(i, j) }
            let mu = exp(min(eta, 50))
            pearson += (counts[i] - mu) * (counts[i] - mu) / max(mu, 1e-12)
        }
        let phi = max(1, pearson / Double(max(1, n - p)))
        let inverse = Self.invert(information, size: p)
        dispersion = phi
        coefficients = beta
        standardErrors = (0..<p).map { j in (max(0, inverse?[j * p + j] ?? .infinity) * phi).squareRoot() }
    }

    /// Solves A x = b for symmetric positive definite A (Cholesky); nil if A is not.
    static func solve(_ a: [Double], _ b: [Double], size n: Int) -> [Double]? {
        guard let l = cholesky(a, size: n) else { return nil }
        var y = b
        for i in 0..<n {
            for k in 0..<i { y[i] -= l[i * n + k] * y[k] }
            y[i] /= l[i * n + i]
        }
        for i in stride(from: n - 1, through: 0, by: -1) {
            for k in (i + 1)..<n { y[i] -= l[k * n + i] * y[k] }
            y[i] /= l[i * n + i]
        }
        return y
    }

    static func invert(_ a: [Double], size n: Int) -> [Double]? {
        var inverse = [Double](repeating: 0, count: n * n)
        for column in 0..<n {
            var unit = [Double](repeating: 0, count: n)
            unit[column] = 1
            guard let solution = solve(a, unit, size: n) else { return nil }
            for row in 0..<n { inverse[row * n + column] = solution[row] }
        }
        return inverse
    }

    private static func cholesky(_ a: [Double], size n: Int) -> [Double]? {
        var l = [Double](repeating: 0, count: n * n)
        for i in 0..<n {
            for j in 0...i {
                var sum = a[i * n + j]
                for k in 0..<j { sum -= l[i * n + k] * l[j * n + k] }
                if i == j {
                    guard sum > 1e-300 else { return nil }
                    l[i * n + i] = sum.squareRoot()
                } else {
                    l[i * n + j] = sum / l[j * n + j]
                }
            }
        }
        return l
    }
}

/// The standard normal distribution's tail and quantile.
enum Normal {
    /// P(Z > z).
    static func upperTail(_ z: Double) -> Double { 0.5 * erfc(z / 2.0.squareRoot()) }

    /// z with P(Z ≤ z) = p (bisection on erfc; plenty for confidence levels).
    static func quantile(_ p: Double) -> Double {
        var (low, high) = (-10.0, 10.0)
        for _ in 0..<100 {
            let middle = (low + high) / 2
            if 1 - upperTail(middle) < p { low = middle } else { high = middle }
        }
        return (low + high) / 2
    }
}
