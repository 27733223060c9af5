import Acoustic
import Foundation
import Transcription

/// A reference script with line times (`start<TAB>end<TAB>product<TAB>spoken[<TAB>written]`, header
/// row), as the demo kit writes it, read as a transcript whose word times are spread evenly over
/// each line. Used to place simulated mentions and to score mention detection.
public enum ReferenceScript {
    public static func transcript(path: String) throws(InsightError) -> Transcript {
        let text = try InsightError.readText(path: path)
        var segments: [TranscriptSegment] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: true).enumerated().dropFirst() {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count >= 4, let start = Double(fields[0]), let end = Double(fields[1]), end >= start else {
                throw .badRow(path: path, line: index + 1, detail: "expected start, end, product, spoken")
            }
            segments.append(segment(start: start, end: end, spoken: fields[3]))
        }
        return Transcript(duration: segments.last?.end ?? 0, modelDigest: "reference", segments: segments)
    }

    /// One line of a script as a transcript segment, its words spread evenly from `start` to `end`.
    public static func segment(start: Double, end: Double, spoken: String) -> TranscriptSegment {
        let words = spoken.split(separator: " ").map(String.init)
        let step = (end - start) / Double(max(words.count, 1))
        let timed = words.enumerated().map { i, word in
            TimedWord(text: word, start: start + Double(i) * step, end: start + Double(i + 1) * step, confidence: 1)
        }
        return TranscriptSegment(start: start, end: end, text: spoken, words: timed)
    }
}
