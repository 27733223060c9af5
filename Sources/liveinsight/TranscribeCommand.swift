import Acoustic
import ArgumentParser
import AudioIO
import Checkpoints
import Foundation
import Insight
import Transcription

extension LiveInsight {
    /// `liveinsight transcribe <audio>`: Korean speech to text with word times.
    struct Transcribe: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Transcribe a recording (Korean) with word timestamps.",
            discussion: """
                The recording is cut at pauses into utterances of at most 20 s, each recognised by the \
                acoustic model (pure Swift) and decoded with CTC prefix beam search. Times are seconds \
                from the start of the recording. --hotwords favours listed keywords: a keyword list \
                (keyword,topic,variants, as `run --keywords` reads it) or one keyword per line. The \
                acoustic model's language model (<model>.lm.safetensors beside it) is fused into the \
                search unless --no-lm is given.
                """)

        @Argument(help: "A recording in any format libsndfile reads.")
        var audio: String

        @Option(help: "Output format: \(TranscriptFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
        var format: TranscriptFormat = .text

        @Option(
            help: ArgumentHelp(
                "A keyword list (CSV keyword,topic,variants: variants and spoken forms count) "
                    + "or a file of keywords to favour, one per line."))
        var hotwords: String?

        @OptionGroup var model: ModelOptions

        @OptionGroup var decoding: DecodingOptions

        @Option(name: .shortAndLong, help: "Write to this file instead of standard output.")
        var out: String?

        func run() throws {
            let modelPath = try ModelLocator.resolver.require(explicit: model.model)
            var options = Transcriber.Options()
            options.beamWidth = decoding.beam
            if let hotwords { options.hotwords = try KeywordList.hotwords(path: hotwords) }
            options.languageModel = try decoding.languageModel.load(forModel: modelPath)
            let acousticModel = try AcousticModel(path: modelPath, threads: model.threadCount())
            let transcriber = try Transcriber(model: acousticModel, options: options)
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
