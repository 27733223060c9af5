import Catalog
import Checkpoints
import Formatting
import Foundation
import Pipeline

/// Progress of a long operation on stderr: a redrawn bar on a terminal, a line every few seconds
/// otherwise (logs, CI), each with the rate and the time left at that rate. Short operations (under two
/// seconds) print nothing.
final class ProgressReporter {
    private let label: String
    private let total: Double
    private let unit: String
    private let isTerminal: Bool
    private let started = Date()
    private var lastPrinted = Date.distantPast
    private var printedAny = false

    /// `bar`: redraw a bar (default: when standard error is a terminal); else print periodic lines.
    init(label: String, total: Double, unit: String, bar: Bool = isatty(STDERR_FILENO) != 0) {
        (self.label, self.total, self.unit, isTerminal) = (label, total, unit, bar)
    }

    /// Reports that `done` of `total` units are finished.
    func update(_ done: Double) {
        let now = Date()
        let interval = isTerminal ? 0.2 : 5
        guard now.timeIntervalSince(started) > 2, now.timeIntervalSince(lastPrinted) >= interval else { return }
        lastPrinted = now
        printedAny = true
        let fraction = total > 0 ? min(1, done / total) : 0
        let figures = Self.figures(done: done, total: total, unit: unit, elapsed: now.timeIntervalSince(started))
        if isTerminal {
            let width = 30, filled = Int(fraction * Double(width))
            let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
            FileHandle.standardError.write(Data("\r\(label) \(bar) \(figures)".utf8))
        } else {
            FileHandle.standardError.write(Data("\(label): \(figures)\n".utf8))
        }
    }

    /// "42.0%  84/200 s  12.0 s/s  ETA 0:10": share done, units, rate, and the time left at that rate
    /// (`ETA --` until there is a rate).
    static func figures(done: Double, total: Double, unit: String, elapsed: Double) -> String {
        let fraction = total > 0 ? min(1, done / total) : 0
        let speed = elapsed > 0 ? done / elapsed : 0
        var eta = "--"
        if speed > 0 {
            eta = NumberText.clock((max(0, total - done) / speed).rounded())
        }
        return String(
            format: "%5.1f%%  %.0f/%.0f %@  %.1f %@/s  ETA %@", fraction * 100, done, total, unit, speed, unit, eta)
    }

    /// Ends the bar's line on a terminal.
    func finish() {
        if isTerminal && printedAny { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}

extension ProgressReporter: StageProgress {}
