import Acoustic
import ArgumentParser
import AudioIO
import Foundation
import Checkpoints
import ModelLookup
import Transcription

extension LiveInsight {
    /// `liveinsight transcribe <audio>`: Korean speech to text with word times.
    struct Transcribe: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Transcribe a recording (Korean) with word timestamps.",
            discussion: """
                The recording is cut at pauses into utterances of at most 20 s, each recognised by the \
                acoustic model (pure Swift) and decoded with CTC prefix beam search. Times are seconds \
                from the start of the recording. --hotwords favours listed keywords (one per line; \
                a CSV keyword list's first column also works). The acoustic model's language model \
                (<model>.lm.safetensors beside it) is fused into the search unless --no-lm is given.
                """)

        @Argument(help: "A recording in any format libsndfile reads.")
        var audio: String

        @Option(help: "Output format: \(TranscriptFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
        var format: TranscriptFormat = .text

        @Option(help: "A file of keywords to favour, one per line.")
        var hotwords: String?

        @Option(help: "The acoustic model file (default: $LIVEINSIGHT_MODEL or Models/\(ModelLocator.shippedModelName)).")
        var model: String?

        @Option(help: "Beam width; 1 decodes the best path only.")
        var beam = Transcriber.Options().beamWidth

        @OptionGroup var languageModel: LanguageModelOption

        @Option(help: "Threads for the acoustic model.")
        var threads = ProcessInfo.processInfo.activeProcessorCount

        @Option(name: .shortAndLong, help: "Write to this file instead of standard output.")
        var out: String?

        func validate() throws {
            guard beam >= 1 else { throw ValidationError("--beam must be at least 1") }
            guard threads >= 1 else { throw ValidationError("--threads must be at least 1") }
        }

        func run() throws {
            let modelPath = try ModelLocator.resolver.require(explicit: model)
            var options = Transcriber.Options()
            options.beamWidth = beam
            if let hotwords { options.hotwords = try KeywordFile.keywords(at: hotwords) }
            options.languageModel = try languageModel.load(forModel: modelPath)
            let transcriber = try Transcriber(model: try AcousticModel(path: modelPath, threads: threads), options: options)
            let duration = try AudioFileReader(path: audio).info.duration
            let progress = ProgressReporter(label: "transcribe", total: duration, unit: "s")
            let transcript = try transcriber.transcribe(path: audio, progress: progress.update)
            progress.finish()
            let rendered = try format.render(transcript)
            if let out {
                try AtomicFile.write(Data(rendered.utf8), to: out)
            } else {
                print(rendered, terminator: "")
            }
        }
    }
}

extension TranscriptFormat: ExpressibleByArgument {}
