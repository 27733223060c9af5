import ArgumentParser
import Catalog
import Checkpoints
import Formatting
import Foundation
import Hangul
import Pipeline
import Validation

extension LiveInsight {
    /// `liveinsight validate`: CER/WER of a hypothesis transcript against a reference.
    ///
    /// Exit codes: 0 when validated (and within `--max-cer`), 1 when the corpus CER exceeds `--max-cer`,
    /// 2 when an input cannot be read, the reference has nothing to score (no text, or no id the hypothesis
    /// shares: ``ValidationReport/unscorableReason``) or the HTML file cannot be written.
    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Score a transcript against a reference: CER, WER, sentence errors, aligned errors.",
            discussion: """
                Inputs are TSV (id<TAB>text), plain text, SRT, WebVTT or JSON transcripts, or directories of \
                <id>.<ext> files; items pair by id. --hyp may also be a broadcast id in --workspace: its \
                checkpointed transcript is scored. Both sides are normalised the same way before scoring \
                (NFC, full-width forms, web markers, numbers, punctuation, case, spacing); see Docs/validation.md. \
                Exit status: 0 ok, 1 corpus CER above --max-cer, 2 unreadable input or nothing to score (an \
                empty reference, or no id shared with the hypothesis).
                """)

        @Option(name: .customLong("ref"), help: "Reference transcript: a file or a directory.")
        var reference: String

        @Option(
            name: .customLong("hyp"),
            help: "Hypothesis transcript: a file, a directory or a broadcast id in --workspace (its transcript).")
        var hypothesis: String

        @OptionGroup var workspace: WorkspaceOption

        @Flag(help: "Print the report as JSON instead of tables.")
        var json = false

        @Option(help: ArgumentHelp("Also write an HTML error view to this file.", valueName: "file"))
        var html: String?

        @Option(
            help: ArgumentHelp(
                "Exit with status 1 when the corpus CER is above this fraction (0.1 or 10%).",
                valueName: "rate"))
        var maxCER: String?

        @Option(help: "Aligned view unit: words or characters.")
        var view: AlignmentView.Unit = .words

        @Option(help: "Items with an aligned view: none, errors or all.")
        var show: AlignmentView.Selection = .errors

        @Flag(help: "Make each subtitle cue an item, paired by cue number or identifier.")
        var cuesAsItems = false

        @Option(help: "Number form both sides are converted to: spoken, digits or keep.")
        var numbers: NumberForm = .spoken

        @Flag(help: "Keep punctuation and symbols.")
        var keepPunctuation = false

        @Flag(help: "Keep letter case.")
        var keepCase = false

        @Flag(help: "Keep web markers (ㅋㅋ, ㅠㅠ, ^^, ;;).")
        var keepWebMarkers = false

        @Flag(help: "Do not apply NFC composition.")
        var noNFC = false

        @Flag(help: "Do not fold full-width forms.")
        var noWidthFold = false

        @Flag(help: "Compose typed compatibility jamo (ㅎㅏㄴ → 한).")
        var composeJamo = false

        @Option(help: "Colour in the terminal: auto (a tty without NO_COLOR), always or never.")
        var color: ColorChoice = .auto

        /// When to colour terminal output.
        enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
            case auto, always, never
        }

        /// Rejects a `--max-cer` that is not a rate before any file is read.
        func validate() throws {
            if let maxCER, Self.parseRate(maxCER) == nil {
                throw ValidationError(
                    "--max-cer '\(maxCER)' is not a rate; give a fraction such as 0.1 or a percentage such as 10%")
            }
        }

        /// Loads both sides, validates, prints or writes the report, and maps the outcome to the exit status.
        func run() throws {
            let loader = TranscriptLoader(options: TranscriptLoader.Options(cuesAsItems: cuesAsItems))
            var hypotheses = loader
            hypotheses.resolvers = [WorkspaceTranscriptResolver(workspace: workspace.resolved)]
            let report: ValidationReport
            do {
                report = TranscriptValidator.validate(
                    reference: try loader.load(reference), hypothesis: try hypotheses.load(hypothesis), options: options
                )
            } catch {
                Self.printError(error.description)
                throw ExitCode(2)
            }
            if let reason = report.unscorableReason {
                Self.printError(reason)
                throw ExitCode(2)
            }
            let selection = AlignmentView(unit: view, selection: show)
            if json {
                print(String(decoding: try report.jsonData(), as: UTF8.self))
            } else {
                print(TerminalReportRenderer(useColor: useColor, view: selection).render(report), terminator: "")
            }
            if let html {
                do {
                    try Data(HTMLReportRenderer(view: selection).render(report).utf8)
                        .write(to: URL(fileURLWithPath: html), options: .atomic)
                } catch {
                    Self.printError(
                        "cannot write \(html): \(error.localizedDescription); "
                            + "check that its folder exists and is writable"
                    )
                    throw ExitCode(2)
                }
            }
            if let maxCER, let limit = Self.parseRate(maxCER), report.exceeds(maxCER: limit) {
                Self.printError(
                    "corpus CER \(NumberText.percent(report.corpus.cer, decimals: 2)) is above --max-cer "
                        + NumberText.percent(limit, decimals: 2))
                throw ExitCode(1)
            }
        }

        /// The validation options the flags describe.
        var options: ValidationOptions {
            ValidationOptions(
                normalization: TextNormalizer.Options(
                    unicodeNFC: !noNFC, composeCompatibilityJamo: composeJamo, foldWidth: !noWidthFold,
                    removeWebMarkers: !keepWebMarkers, numberForm: numbers, removePunctuation: !keepPunctuation,
                    foldCase: !keepCase, foldWhitespace: true))
        }

        /// Whether to colour: `always`, or `auto` with stdout a terminal and `NO_COLOR` unset.
        var useColor: Bool {
            switch color {
            case .always: return true
            case .never: return false
            case .auto: return isatty(STDOUT_FILENO) != 0 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
            }
        }

        /// A rate from "0.1" or "10%"; `nil` when not a non-negative number.
        static func parseRate(_ text: String) -> Double? {
            let isPercent = text.hasSuffix("%")
            guard let value = Double(isPercent ? String(text.dropLast()) : text), value >= 0, value.isFinite else {
                return nil
            }
            return isPercent ? value / 100 : value
        }

        /// Writes `message` to standard error.
        static func printError(_ message: String) {
            FileHandle.standardError.write(Data(("error: " + message + "\n").utf8))
        }
    }
}

/// `--view words|characters`.
extension AlignmentView.Unit: ExpressibleByArgument {}
/// `--show none|errors|all`.
extension AlignmentView.Selection: ExpressibleByArgument {}
/// `--numbers spoken|digits|keep`.
extension NumberForm: ExpressibleByArgument {}
