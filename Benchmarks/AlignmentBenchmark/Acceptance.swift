// Issue #22's acceptance sweep: `swift run -c release AlignmentBenchmark --acceptance [runs]` (default 200).
//
// Simulates `runs` 100-minute shows (SimulatedShow: the demo's keyword list, 6 mentions per keyword, a perfect
// transcript; 2,500 peak viewers as the demo kit; 할인 ×2.5, 사은품 ×2.0, 무료 배송 ×1.8 planted, seeds 1…runs) and analyses
// each with every multiple-comparison correction. Prints per correction: runs where the three planted keywords are the
// significant leaders, the 95 % intervals' coverage of the planted factors, and runs with any unplanted keyword
// significant (the family-wise error; the target is at most one in twenty). The unit
// tests run seeds 1–20 of the same (Tests/InsightTests/AcceptanceSimulationTests).
import Foundation
import Insight

func runAcceptanceSweep(runs: Int) throws {
    let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("AudioSamples").path
    let keywords = try KeywordList.load(path: samples + "/demo-broadcast.keywords.csv")
    let planted: [String: Double] = ["할인": 2.5, "사은품": 2.0, "무료 배송": 1.8]
    var tallies = Dictionary(
        uniqueKeysWithValues: MultipleComparison.allCases.map {
            ($0, (leading: 0, covered: 0, cases: 0, falseRuns: 0, falseKeywords: 0))
        })
    let begin = Date()
    for seed in 1...runs {
        var setup = SimulatedShow.Setup(keywords: keywords, planted: planted)
        setup.seed = UInt64(seed)
        setup.peakViewers = 2_500  // as the demo kit
        let show = SimulatedShow(setup: setup)
        for correction in MultipleComparison.allCases {
            var options = AlignmentOptions()
            options.correction = correction
            let report = show.analyse(options: options)
            var tally = tallies[correction]!
            let top = report.keywords.prefix(3)
            if Set(top.map(\.name)) == Set(planted.keys) && top.allSatisfy(\.significant) { tally.leading += 1 }
            for impact in report.keywords {
                if let truth = planted[impact.name] {
                    tally.cases += 1
                    if let low = impact.upliftLow, let high = impact.upliftHigh, low <= truth, truth <= high {
                        tally.covered += 1
                    }
                } else if impact.significant {
                    tally.falseKeywords += 1
                }
            }
            if report.keywords.contains(where: { $0.significant && planted[$0.name] == nil }) { tally.falseRuns += 1 }
            tallies[correction] = tally
        }
    }
    print(
        "\(runs) simulated 100-minute shows, \(keywords.keywords.count) keywords, planted 할인 "
            + "×2.5, 사은품 ×2.0, 무료 배송 ×1.8 "
            + String(format: "(%.1f s)", Date().timeIntervalSince(begin)))
    print("correction           planted lead   intervals cover   runs with a false keyword   false keywords")
    for correction in MultipleComparison.allCases {
        let t = tallies[correction]!
        let name = correction.rawValue.padding(toLength: 20, withPad: " ", startingAt: 0)
        print(
            name
                + String(
                    format: " %5.1f %%        %5.1f %%           %5.1f %% (%d of %d)              %d",
                    100 * Double(t.leading) / Double(runs), 100 * Double(t.covered) / Double(t.cases),
                    100 * Double(t.falseRuns) / Double(runs), t.falseRuns, runs, t.falseKeywords))
    }
}
