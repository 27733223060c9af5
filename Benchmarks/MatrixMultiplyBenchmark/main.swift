// Matrix-multiply benchmark: the Acoustic kernel against OpenBLAS's cblas_sgemm on the model's shapes.
//
//   swift run -c release MatrixMultiplyBenchmark
//
// OpenBLAS is loaded at run time (dlopen), so nothing else in the package depends on it; install it
// for this benchmark only: `apt-get install libopenblas0-pthread`. Both sides run in this process on
// the same inputs; each figure is the best of several repetitions. Reports GFLOP/s and the ratio
// ours / OpenBLAS, on 1 thread and on 2.
import Acoustic
import Foundation

typealias SgemmFunction =
    @convention(c) (
        Int32, Int32, Int32, Int32, Int32, Int32, Float,
        UnsafePointer<Float>, Int32, UnsafePointer<Float>, Int32, Float,
        UnsafeMutablePointer<Float>, Int32
    ) -> Void
typealias SetThreadsFunction = @convention(c) (Int32) -> Void

func loadOpenBLAS() -> (SgemmFunction, SetThreadsFunction)? {
    for name in ["libopenblas.so.0", "/usr/lib/x86_64-linux-gnu/openblas-pthread/libopenblas.so.0", "libopenblas.so"] {
        guard let handle = dlopen(name, RTLD_NOW),
            let sgemm = dlsym(handle, "cblas_sgemm"),
            let threads = dlsym(handle, "openblas_set_num_threads")
        else { continue }
        return (unsafeBitCast(sgemm, to: SgemmFunction.self), unsafeBitCast(threads, to: SetThreadsFunction.self))
    }
    return nil
}

func bestTime(repetitions: Int, _ body: () -> Void) -> Double {
    body()
    var best = Double.infinity
    for _ in 0..<repetitions {
        let start = DispatchTime.now().uptimeNanoseconds
        body()
        best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
    return best
}

// (name, M, K, N): rows are time steps of a 20 s utterance after 4× subsampling (500).
let shapes = [
    ("attention projection", 500, 144, 144),
    ("feed-forward in", 500, 144, 576),
    ("feed-forward out", 500, 576, 144),
    ("conv module pointwise", 500, 144, 288),
    ("subsampling conv 2 (im2col)", 9_481, 1_296, 144),
    ("output layer", 500, 144, 2_000),
]

guard let (sgemm, setThreads) = loadOpenBLAS() else {
    print("OpenBLAS not found: apt-get install libopenblas0-pthread")
    exit(1)
}
print("shape                          M×K×N              threads  ours GFLOP/s  OpenBLAS GFLOP/s  ratio")
for threads in [1, 2] {
    setThreads(Int32(threads))
    for (name, m, k, n) in shapes {
        let a = (0..<(m * k)).map { _ in Float.random(in: -1...1) }
        let w = (0..<(n * k)).map { _ in Float.random(in: -1...1) }
        var c = [Float](repeating: 0, count: m * n)
        let packed = w.withUnsafeBufferPointer { PackedMatrix(outputsByInputs: $0, outputs: n, inputs: k) }
        let repetitions = max(3, Int(2e9 / Double(2 * m * k * n)))
        let ours = bestTime(repetitions: repetitions) {
            a.withUnsafeBufferPointer { a in
                c.withUnsafeMutableBufferPointer { c in
                    MatrixMultiply.multiply(
                        a.baseAddress!, rows: m, lda: k, packed, into: c.baseAddress!, ldc: n,
                        threads: threads)
                }
            }
        }
        // CblasRowMajor = 101, CblasNoTrans = 111, CblasTrans = 112: C = A · Wᵀ with W stored N × K.
        let reference = bestTime(repetitions: repetitions) {
            sgemm(101, 111, 112, Int32(m), Int32(n), Int32(k), 1, a, Int32(k), w, Int32(k), 0, &c, Int32(n))
        }
        let flops = 2 * Double(m * k * n)
        print(
            name.padding(toLength: 30, withPad: " ", startingAt: 0)
                + String(
                    format: " %5d×%4d×%4d  %7d  %12.1f  %16.1f  %5.2f",
                    m, k, n, threads, flops / ours / 1e9, flops / reference / 1e9, reference / ours))
    }
}
