import CFFTW
import Foundation

/// FFTW's planner is not thread-safe: every plan is made and destroyed under this lock.
/// Executing a finished plan on its own buffers is safe from any thread.
private let fftwPlanner = NSLock()

/// A single-precision real-to-complex FFT of one size, planned once and reused for every frame.
///
/// Owns its input and output buffers (FFTW-aligned). Plans use `FFTW_ESTIMATE`, so the algorithm —
/// and hence every output bit — is the same on every run, which keeps stage cache keys honest.
final class RealFFT {
    let size: Int
    /// `size` real inputs; fill before `execute()`.
    let input: UnsafeMutablePointer<Float>
    /// `size / 2 + 1` complex outputs as interleaved (re, im) pairs after `execute()`.
    let output: UnsafeMutablePointer<Float>
    private let plan: OpaquePointer

    init(size: Int) {
        self.size = size
        input = fftwf_alloc_real(size)!
        let complexOutput = fftwf_alloc_complex(size / 2 + 1)!
        output = UnsafeMutableRawPointer(complexOutput).assumingMemoryBound(to: Float.self)
        fftwPlanner.lock()
        plan = fftwf_plan_dft_r2c_1d(Int32(size), input, complexOutput, UInt32(FFTW_ESTIMATE))!
        fftwPlanner.unlock()
    }

    deinit {
        fftwPlanner.lock()
        fftwf_destroy_plan(plan)
        fftwPlanner.unlock()
        fftwf_free(input)
        fftwf_free(output)
    }

    func execute() { fftwf_execute(plan) }
}
