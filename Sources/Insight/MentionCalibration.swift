import Acoustic
import Foundation

/// What a mention's confidence means. A raw score (mean word confidence, or the acoustic keyword score) is
/// mapped per source to the chance that the mention is right, p = 1 / (1 + e^−(a + b·logit(raw))), as fitted on
/// real dev speech (`Training/liveinsight_train/calibrate_mentions.py`); mentions below `floor` are not reported.
public struct MentionCalibration: Sendable, Equatable {
    /// The logistic map of one source: p = σ(intercept + slope · logit(raw)).
    public struct Line: Sendable, Equatable {
        public var intercept: Double
        public var slope: Double

        public init(intercept: Double, slope: Double) {
            (self.intercept, self.slope) = (intercept, slope)
        }
    }

    /// The map of each source; a source without one keeps its raw confidence.
    public var lines: [Mention.Source: Line]
    /// The least calibrated confidence a reported mention has.
    public var floor: Double

    /// Raw scores are kept this far from 0 and 1, where the logit is infinite.
    private static let epsilon = 1e-4

    /// No calibration: raw confidences, every mention reported.
    public static let none = MentionCalibration(lines: [:], floor: 0)

    public init(lines: [Mention.Source: Line], floor: Double) {
        (self.lines, self.floor) = (lines, floor)
    }

    /// The calibration a model file records (`mention_calibration`, `mention_floor`), or `.none`.
    public init(_ configuration: ModelConfiguration) {
        var lines: [Mention.Source: Line] = [:]
        for (name, coefficients) in configuration.mentionCalibration ?? [:] {
            if let source = Mention.Source(rawValue: name), coefficients.count == 2 {
                lines[source] = Line(intercept: coefficients[0], slope: coefficients[1])
            }
        }
        self.init(lines: lines, floor: configuration.mentionFloor ?? 0)
    }

    /// The chance that a mention with this raw confidence from this source is right.
    public func probability(raw: Double, source: Mention.Source) -> Double {
        guard let line = lines[source] else { return raw }
        let clamped = min(max(raw, Self.epsilon), 1 - Self.epsilon)
        return 1 / (1 + exp(-(line.intercept + line.slope * log(clamped / (1 - clamped)))))
    }

    /// The mentions with calibrated confidences, less those under the floor.
    public func apply(to mentions: [Mention]) -> [Mention] {
        mentions.compactMap { mention in
            var calibrated = mention
            calibrated.confidence = probability(raw: mention.confidence, source: mention.source)
            return calibrated.confidence >= floor ? calibrated : nil
        }
    }
}
