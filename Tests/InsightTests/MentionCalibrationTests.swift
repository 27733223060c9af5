import Acoustic
import Foundation
import Testing
import Transcription

@testable import Insight

/// A mention's confidence as the chance it is right: the logistic map per source and the reporting floor.
struct MentionCalibrationTests {
    /// σ(ln 3) = 3/4 and σ(−ln 3) = 1/4: at a raw confidence of ½ (logit 0) the intercept alone decides.
    static let likely = MentionCalibration.Line(intercept: log(3), slope: 1)
    static let unlikely = MentionCalibration.Line(intercept: -log(3), slope: 1)

    static func mention(_ source: Mention.Source, _ confidence: Double) -> Mention {
        Mention(keyword: "배송", topic: "배송", time: 1, end: 2, confidence: confidence, source: source, ment: "")
    }

    @Test func eachSourceHasItsOwnMap() {
        let calibration = MentionCalibration(lines: [.transcript: Self.likely, .acoustic: Self.unlikely], floor: 0)
        #expect(abs(calibration.probability(raw: 0.5, source: .transcript) - 0.75) < 1e-12)
        #expect(abs(calibration.probability(raw: 0.5, source: .acoustic) - 0.25) < 1e-12)
        #expect(calibration.probability(raw: 0.4, source: .both) == 0.4)  // no map: the raw confidence
    }

    @Test func theMapKeepsTheOrderOfRawConfidences() {
        let calibration = MentionCalibration(lines: [.transcript: .init(intercept: -1, slope: 2)], floor: 0)
        let mapped = [0, 0.1, 0.3, 0.5, 0.9, 1].map { calibration.probability(raw: $0, source: .transcript) }
        #expect(mapped == mapped.sorted())
        #expect(mapped.allSatisfy { $0 > 0 && $0 < 1 })  // finite at raw 0 and 1
    }

    @Test func mentionsUnderTheFloorAreNotReported() {
        let calibration = MentionCalibration(lines: [.transcript: Self.likely, .acoustic: Self.unlikely], floor: 0.5)
        let kept = calibration.apply(to: [Self.mention(.transcript, 0.5), Self.mention(.acoustic, 0.5)])
        #expect(kept.map(\.source) == [.transcript])
        #expect(abs(kept[0].confidence - 0.75) < 1e-12)
        #expect(MentionCalibration.none.apply(to: [Self.mention(.acoustic, 0.01)]).map(\.confidence) == [0.01])
    }

    @Test func aModelFileRecordsItsCalibration() throws {
        let header = """
            {"n_mels": 80, "d_model": 8, "n_layers": 1, "n_heads": 2, "ff_mult": 2, "conv_kernel": 3,
             "subsampling_channels": 4, "subsampling_factor": 4, "rope_base": 10000, "layer_norm_eps": 1e-5,
             "batch_norm_eps": 1e-5, "vocab": ["<blank>", "<unk>", "▁"],
             "mention_calibration": {"transcript": [1.5, 2.0], "acoustic": [-0.5, 1.0], "spoken": [1, 1]},
             "mention_floor": 0.3}
            """
        let configuration = try JSONDecoder().decode(ModelConfiguration.self, from: Data(header.utf8))
        let calibration = MentionCalibration(configuration)
        #expect(calibration.floor == 0.3)
        #expect(
            calibration.lines == [
                .transcript: .init(intercept: 1.5, slope: 2), .acoustic: .init(intercept: -0.5, slope: 1),
            ])
        let plain = try JSONDecoder().decode(
            ModelConfiguration.self,
            from: Data(
                header.replacingOccurrences(of: "\"mention_floor\": 0.3", with: "\"lm_weight\": 0.5")
                    .replacingOccurrences(of: "\"mention_calibration\"", with: "\"unused\"").utf8))
        #expect(MentionCalibration(plain) == .none)
    }

    /// The finder calibrates after merging the sources, so the floor sees a mention's final source.
    @Test func theFinderReportsCalibratedMentionsOnly() {
        let transcript = MentionFinderTests.transcript([("무료", 10, 12), ("배송으로", 14, 17), ("빠른", 40, 42)])
        let raw = MentionFinder(keywords: MentionFinderTests.keywords).mentions(in: transcript)
        #expect(raw.map(\.keyword) == ["무료 배송"])
        let strict = MentionCalibration(lines: [.transcript: Self.unlikely], floor: 0.8)  // σ(logit 0.9 − ln 3) = 0.75
        #expect(
            MentionFinder(keywords: MentionFinderTests.keywords, calibration: strict).mentions(in: transcript).isEmpty)
        let lenient = MentionCalibration(lines: [.transcript: Self.likely], floor: 0.5)
        let kept = MentionFinder(keywords: MentionFinderTests.keywords, calibration: lenient).mentions(in: transcript)
        #expect(kept.count == 1 && kept[0].confidence > raw[0].confidence)
    }
}
