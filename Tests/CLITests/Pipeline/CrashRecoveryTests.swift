import Catalog
import Checkpoints
import Foundation
import Pipeline
import SeededRandom
import Testing

/// `run` killed with SIGKILL at random points: a rerun always completes, no checkpoint is ever damaged,
/// and every stage finished before the kill is reused.
struct CrashRecoveryTests {
    /// 20 SIGKILLs at random points of `run`: checkpoints stay whole, reruns complete and reuse done stages.
    ///
    /// Each trial kills after a random delay spanning a whole run (as measured, shortened whenever a run
    /// ends before its kill), audits every checkpoint, reruns to completion and compares.
    @Test func killedRunsResume() throws {
        let folder = try CLIRunner.temporaryDirectory()
        let recording = folder.appendingPathComponent("clip.wav")
        try TestClips.wav(seconds: 1.2, variant: 0).write(to: recording)
        func arguments(_ workspace: String) -> [String] {
            [
                "run", recording.path, "--workspace", workspace, "--model", CLIRunner.tinyModel, "--threads", "1",
                "--json",
            ]
        }
        let started = Date()
        let calibration = try CLIRunner.run(arguments(folder.path + "/calibration"))
        #expect(calibration.status == 0, "\(calibration.stderr)")
        var wholeRun = Date().timeIntervalSince(started)  // shrinks when a run ends before its kill
        let seed = UInt64(Date().timeIntervalSince1970)
        var random = SplitMix64(state: seed)
        var killedInside = 0
        for trial in 0..<20 {
            let workspace = folder.path + "/trial-\(trial)"
            let delay = Double.random(in: 0...(wholeRun * 1.1), using: &random)
            let process = try CLIRunner.start(
                arguments(workspace), log: folder.appendingPathComponent("trial-\(trial).log"))
            usleep(useconds_t(delay * 1_000_000))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            if process.terminationReason == .uncaughtSignal { killedInside += 1 } else { wholeRun *= 0.8 }
            let broadcasts = CLIRunner.files(in: workspace + "/broadcasts")
            #expect(broadcasts.count <= 1)
            let doneBefore =
                try broadcasts.first.map { try CheckpointAudit.doneStages(in: workspace + "/broadcasts/" + $0) } ?? []

            let rerun = try CLIRunner.run(arguments(workspace))
            #expect(rerun.status == 0, "seed \(seed) trial \(trial): \(rerun.stderr)")
            let summary = try JSONDecoder().decode(RunSummary.self, from: Data(rerun.stdout.utf8))
            for stage in summary.stages where stage.status != .waiting {
                #expect(
                    stage.status == (doneBefore.contains(stage.stage) ? .reused : .ran),
                    """
                    seed \(seed) trial \(trial) after \(delay) s: \(stage.stage) \(stage.status), \
                    done before: \(doneBefore)
                    """
                )
            }
            #expect(try CheckpointAudit.doneStages(in: summary.folder) == ["decode", "acoustic", "transcript"])
            #expect(!CLIRunner.files(in: summary.folder).contains { $0.contains(AtomicFile.temporaryMarker) })
            let runs = try Catalog(path: workspace + "/catalog.sqlite").stageRuns()
            #expect(!runs.contains { $0.status == .running }, "a killed stage run is closed as interrupted")
        }
        #expect(killedInside >= 10, "most kills should land inside a run (whole run \(wholeRun) s)")
    }
}
