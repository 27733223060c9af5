import Foundation

/// The ways a transcript can be written out.
public enum TranscriptFormat: String, CaseIterable, Sendable {
    /// One utterance per line, numbers as digits (the readable form).
    case text
    /// The whole `Transcript` (segments → words with start, end, confidence).
    case json
    /// SubRip subtitles.
    case srt
    /// WebVTT subtitles.
    case vtt

    /// Renders `transcript` in this format.
    public func render(_ transcript: Transcript) throws -> String {
        switch self {
        case .text:
            return transcript.segments.map(\.readable).joined(separator: "\n") + "\n"
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            return String(decoding: try encoder.encode(transcript), as: UTF8.self) + "\n"
        case .srt:
            return transcript.segments.enumerated().map { index, segment in
                "\(index + 1)\n\(Self.timestamp(segment.start, separator: ",")) --> "
                    + "\(Self.timestamp(segment.end, separator: ","))\n\(segment.readable)\n"
            }.joined(separator: "\n")
        case .vtt:
            return "WEBVTT\n\n"
                + transcript.segments.map { segment in
                    "\(Self.timestamp(segment.start, separator: ".")) --> "
                        + "\(Self.timestamp(segment.end, separator: "."))\n\(segment.readable)\n"
                }.joined(separator: "\n")
        }
    }

    /// HH:MM:SS,mmm (SRT) or HH:MM:SS.mmm (VTT).
    static func timestamp(_ seconds: Double, separator: String) -> String {
        let milliseconds = Int((max(0, seconds) * 1_000).rounded())
        let (hours, minutes) = (milliseconds / 3_600_000, milliseconds / 60_000 % 60)
        let (wholeSeconds, fraction) = (milliseconds / 1_000 % 60, milliseconds % 1_000)
        return String(format: "%02d:%02d:%02d%@%03d", hours, minutes, wholeSeconds, separator, fraction)
    }
}
