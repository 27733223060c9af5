import Testing

@testable import liveinsight

/// The progress line's figures: share, units, rate and the time left.
struct ProgressReporterTests {
    /// Time left is what remains at the rate so far, as m:ss or h:mm:ss.
    @Test func estimatesTimeLeft() {
        #expect(
            ProgressReporter.figures(done: 84, total: 200, unit: "s", elapsed: 7)
                == " 42.0%  84/200 s  12.0 s/s  ETA 0:10")
        #expect(ProgressReporter.figures(done: 10, total: 7210, unit: "s", elapsed: 2).hasSuffix("ETA 24:00"))
        #expect(ProgressReporter.figures(done: 1, total: 40_000, unit: "s", elapsed: 1).hasSuffix("ETA 11:06:39"))
    }

    /// Before anything is done there is no rate, so no estimate.
    @Test func noEstimateWithoutRate() {
        #expect(ProgressReporter.figures(done: 0, total: 100, unit: "s", elapsed: 3).hasSuffix("ETA --"))
    }
}
