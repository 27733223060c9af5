import Acoustic
import AudioIO
import Foundation
import Testing

@testable import Transcription

/// The posteriors stream runs its front end on a thread of its own; what it yields must not depend on that.
struct PosteriorsStreamTests {
    /// The threaded stream gives exactly what decoding, cutting and the model give one after another on
    /// one thread, utterance for utterance and in order, on a recording long enough to have several utterances,
    /// whether one model thread or several work on them.
    @Test(arguments: [1, 3])
    func threadedStreamEqualsTheSerialLoop(modelThreads: Int) throws {
        let path = TranscriberTests.repository.appendingPathComponent("AudioSamples/demo-broadcast.ogg").path
        let model = try AcousticModel(path: TranscriberTests.tinyModel)
        let serialStream = try PosteriorsStream(model: model)
        let stream = try PosteriorsStream(model: model.withThreads(modelThreads))
        var serial: [PosteriorsStream.Utterance] = []
        let audio = try AudioDecoder(path: path)
        let segmenter = PauseSegmenter(options: stream.segmentation)
        func add(_ pieces: [PauseSegmenter.Segment]) {
            for piece in pieces {
                serial.append(
                    .init(start: piece.start, end: piece.end, posteriors: serialStream.posteriors(piece.samples)))
            }
        }
        while let block = try audio.nextBlock() { add(segmenter.process(block)) }
        add(segmenter.finish())

        var threaded: [PosteriorsStream.Utterance] = []
        var reported: [Double] = []
        let duration = try stream.stream(
            path: path, progress: { reported.append($0) }, utterance: { threaded.append($0) })
        #expect(serial.count > PosteriorsStream.lookahead * 3, "the recording should outrun the lookahead")
        #expect(threaded.map(\.start) == serial.map(\.start))
        #expect(threaded.map(\.end) == serial.map(\.end))
        #expect(threaded.map(\.posteriors) == serial.map(\.posteriors))
        #expect(duration == audio.info.duration)
        #expect(reported == reported.sorted() && reported.last == duration)
    }

    /// A damaged file fails with libsndfile's error, not a hang, after the utterances before the damage.
    @Test func decodeErrorReachesTheCaller() throws {
        let source = TranscriberTests.repository.appendingPathComponent("AudioSamples/greeting-44k-stereo.flac")
        var bytes = try Data(contentsOf: source)
        bytes.replaceSubrange(bytes.count / 2..<bytes.count, with: Data(repeating: 0x5A, count: bytes.count / 2))
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("damaged-\(UUID().uuidString).flac")
        try bytes.write(to: path)
        defer { try? FileManager.default.removeItem(at: path) }
        let stream = try TranscriberTests.transcriber().posteriorsStream
        #expect(throws: AudioIOError.self) { try stream.stream(path: path.path) { _ in } }
    }

    /// The hand-off delivers every item in order through a small buffer, and a consumer that stops early
    /// releases a producer blocked on a full buffer.
    @Test func handOffKeepsOrderAndReleasesTheProducer() async throws {
        let handOff = FrontEndHandOff<Int>(capacity: 2)
        let done = DispatchSemaphore(value: 0)
        Thread {
            for item in 0..<500 { _ = handOff.put(item) }
            handOff.close()
            done.signal()
        }.start()
        var received: [Int] = []
        while let item = handOff.take() { received.append(item) }
        done.wait()
        #expect(received == Array(0..<500))

        let stopped = FrontEndHandOff<Int>(capacity: 1)
        let refused = DispatchSemaphore(value: 0)
        Thread {
            var item = 0
            while stopped.put(item) { item += 1 }
            refused.signal()
        }.start()
        #expect(stopped.take() == 0)
        stopped.cancel()
        #expect(refused.wait(timeout: .now() + 10) == .success, "a cancelled hand-off must release its producer")
    }
}
