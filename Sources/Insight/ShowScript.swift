import Foundation
import SeededRandom
import Transcription

/// A seller's script for a simulated show of any length, composed from a bank of lines (the demo kit's
/// `script.tsv` format: product, spoken, written): what the demo kit speaks with espeak-ng for its longer
/// shows, and what the tests read as the perfect transcript of those shows. Deterministic for a seed.
///
/// Each keyword of the list is said `mentionsPerKeyword` times, at seeded uniform times, each time in a
/// bank line holding that one mention and no other (so one keyword's windows are not another's); lines
/// with no keyword fill the time between. Products go on air in turn, `segmentLength` seconds each; a line
/// belongs to a product or to the whole show (`-`), and lines of products not in the show are never said.
/// Lines start at their composed times, which leave room for the slowest speech the kit produces, so the
/// audio the kit speaks keeps these start times whatever espeak-ng version speaks it.
public struct ShowScript: Sendable {
    /// One line of the bank.
    public struct Line: Sendable, Equatable {
        public var product: String
        public var spoken: String
        public var written: String
        public init(product: String, spoken: String, written: String) {
            (self.product, self.spoken, self.written) = (product, spoken, written)
        }
    }

    /// One line of the script, placed in time (`end` is an upper estimate until the kit speaks it).
    public struct Row: Sendable, Equatable {
        public var start: Double
        public var end: Double
        public var line: Line
    }

    /// The knobs.
    public struct Setup: Sendable {
        /// Length of the show in seconds.
        public var duration: Double
        /// Product ids on air, in turn.
        public var products: [String]
        /// Times each keyword is said. Default 6: the acceptance sweep's (`AcceptanceSimulationTests`).
        public var mentionsPerKeyword = 6
        /// Seconds each product stays on air before the next. Default 600.
        public var segmentLength = 600.0
        public var seed: UInt64 = 1
        public init(duration: Double, products: [String]) { (self.duration, self.products) = (duration, products) }
    }

    /// Seconds per spoken character (spaces left out) and per line: above the slowest line the demo kit's
    /// espeak-ng voice spoke in the 7.7-minute demo (0.27 s per character, ≤ 0.5 s per line).
    static let secondsPerCharacter = 0.3, secondsPerLine = 0.6
    /// Silence before the first line, and the pause range between lines (the seller showing the product).
    static let leadIn = 12.0, pauses = (2.0, 6.0)

    public let rows: [Row]

    public init(bank: [Line], keywords: KeywordList, setup: Setup) {
        var random = SplitMix64(seed: setup.seed &* 6_151 &+ 29)
        let finder = MentionFinder(keywords: keywords)
        let onShow = bank.filter { $0.product == "-" || setup.products.contains($0.product) }
        var fillers: [Line] = [], carriers: [String: [Line]] = [:]
        for line in onShow {
            let said = finder.mentions(in: Self.transcript(of: [Row(start: 0, end: 1, line: line)]))
            if said.isEmpty {
                fillers.append(line)
            } else if said.count == 1 {
                carriers[said[0].keyword, default: []].append(line)
            }
        }
        var schedule: [(time: Double, keyword: String)] = []
        for keyword in keywords.keywords where carriers[keyword.text] != nil {
            for _ in 0..<setup.mentionsPerKeyword {
                schedule.append((Self.leadIn + random.uniform() * (setup.duration - Self.leadIn - 60), keyword.text))
            }
        }
        schedule.sort { $0.time < $1.time }
        func onAir(_ time: Double) -> String {
            setup.products.isEmpty ? "-" : setup.products[Int(time / setup.segmentLength) % setup.products.count]
        }
        func pick(_ lines: [Line], at time: Double) -> Line? {
            let current = lines.filter { $0.product == onAir(time) || $0.product == "-" }
            let choices = current.isEmpty ? lines : current
            return choices.isEmpty ? nil : choices[Int(random.uniform() * Double(choices.count)) % choices.count]
        }
        var rows: [Row] = [], cursor = Self.leadIn, next = 0
        while true {
            let due = next < schedule.count && schedule[next].time <= cursor
            guard let line = pick(due ? carriers[schedule[next].keyword]! : fillers, at: cursor) else { break }
            let characters = Double(line.spoken.filter { $0 != " " }.count)
            let end = cursor + Self.secondsPerLine + Self.secondsPerCharacter * characters
            guard end < setup.duration - 5 else { break }
            if due { next += 1 }
            rows.append(Row(start: cursor, end: end, line: line))
            cursor = end + Self.pauses.0 + random.uniform() * (Self.pauses.1 - Self.pauses.0)
        }
        self.rows = rows
    }

    /// The script as a transcript, word times spread evenly over each line (as `ReferenceScript` reads one).
    public var transcript: Transcript { Self.transcript(of: rows) }

    private static func transcript(of rows: [Row]) -> Transcript {
        let segments = rows.map { ReferenceScript.segment(start: $0.start, end: $0.end, spoken: $0.line.spoken) }
        return Transcript(duration: segments.last?.end ?? 0, modelDigest: "reference", segments: segments)
    }

    /// The script in the reference format the demo kit reads and writes (`start, end, product, spoken, written`).
    public var tsv: String {
        let lines = rows.map { row in
            let times = [String(format: "%.3f", row.start), String(format: "%.3f", row.end)]
            return (times + [row.line.product, row.line.spoken, row.line.written]).joined(separator: "\t")
        }
        return (["start\tend\tproduct\tspoken\twritten"] + lines).joined(separator: "\n") + "\n"
    }

    /// Reads a bank of lines (`product<TAB>spoken<TAB>written`, header row).
    public static func bank(path: String) throws(InsightError) -> [Line] {
        let text = try InsightError.readText(path: path)
        var lines: [Line] = []
        for (index, row) in text.split(separator: "\n", omittingEmptySubsequences: true).enumerated().dropFirst() {
            let fields = row.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count >= 2, !fields[1].isEmpty else {
                throw .badRow(path: path, line: index + 1, detail: "expected product, spoken, written")
            }
            lines.append(Line(product: fields[0], spoken: fields[1], written: fields.count > 2 ? fields[2] : fields[1]))
        }
        return lines
    }
}
