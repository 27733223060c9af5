import Acoustic
import Foundation
import Testing

@testable import Catalog
@testable import Checkpoints
@testable import Pipeline

/// `posteriors.bin`: round trips in both encodings, and clear errors for damaged files.
struct PosteriorsFileTests {
    /// Log-softmax rows of a seeded pseudo-random utterance.
    private static func utterance(frames: Int, vocabulary: Int, seed: UInt64) -> Posteriors {
        var state = seed
        var values: [Float] = []
        for _ in 0..<frames {
            let logits = (0..<vocabulary).map { _ -> Float in
                state = state &* 6364136223846793005 &+ 1442695040888963407
                return Float(state >> 40) / Float(1 << 24) * 20 - 10
            }
            let top = logits.max() ?? 0
            let normaliser = top + log(logits.reduce(0) { $0 + exp($1 - top) })
            values += logits.map { $0 - normaliser }
        }
        return Posteriors(frames: frames, vocabularySize: vocabulary, values: values)
    }

    /// Writes three utterances (one empty) and returns the path.
    private static func write(_ encoding: PosteriorsEncoding, to folder: String) throws -> (String, [Posteriors]) {
        let path = folder + "/posteriors.bin"
        let utterances = [
            utterance(frames: 7, vocabulary: 11, seed: 1), utterance(frames: 0, vocabulary: 11, seed: 2),
            utterance(frames: 3, vocabulary: 11, seed: 3),
        ]
        let writer = try PosteriorsWriter(path: path, vocabularySize: 11, modelDigest: "d1g3st", encoding: encoding)
        for (index, posteriors) in utterances.enumerated() {
            try writer.append(posteriors, start: Double(index), end: Double(index) + 0.5)
        }
        try writer.commit()
        return (path, utterances)
    }

    /// Every utterance comes back with its times, shape and values within the encoding's precision.
    @Test(arguments: [(PosteriorsEncoding.float16, Float(0.01)), (.int8, 0.25)])
    func roundTrip(encoding: PosteriorsEncoding, tolerance: Float) throws {
        let (path, written) = try Self.write(encoding, to: try Fixtures.scratchFolder())
        let reader = try PosteriorsReader(path: path)
        #expect(reader.modelDigest == "d1g3st" && reader.vocabularySize == 11 && reader.encoding == encoding)
        var index = 0
        while let utterance = try reader.next() {
            #expect(utterance.start == Double(index) && utterance.end == Double(index) + 0.5)
            #expect(utterance.posteriors.frames == written[index].frames)
            let worst = zip(utterance.posteriors.values, written[index].values).map { abs($0 - $1) }.max() ?? 0
            #expect(worst <= tolerance, "max error \(worst)")
            index += 1
        }
        #expect(index == 3)
        #expect(try reader.next() == nil)
    }

    /// Frame sizes at the shipped vocabulary: int8 about half of float16, sparse a fixed 36 bytes.
    @Test func frameSizes() {
        #expect(PosteriorsEncoding.float16.frameBytes(vocabularySize: 2356, keep: 0) == 4712)
        #expect(PosteriorsEncoding.int8.frameBytes(vocabularySize: 2356, keep: 0) == 2360)
        #expect(PosteriorsEncoding.sparse.frameBytes(vocabularySize: 2356, keep: 8) == 36)
    }

    /// Sparse keeps each frame's likeliest units exactly (to float16) and the floor elsewhere.
    @Test func sparseKeepsTheLikeliestUnits() throws {
        let (path, written) = try Self.write(.sparse, to: try Fixtures.scratchFolder())
        let reader = try PosteriorsReader(path: path)
        let first = try #require(try reader.next())
        let expected = SparsePosteriors(written[0], keep: PosteriorsEncoding.sparseKeep).densified()
        let worst = zip(first.posteriors.values, expected.values).map { abs($0 - $1) }.max() ?? 0
        #expect(worst <= 0.01, "max error \(worst)")
        for frame in 0..<first.posteriors.frames {
            let row = { (p: Posteriors) in p.values[(frame * 11)..<((frame + 1) * 11)] }
            #expect(
                row(first.posteriors).firstIndex(of: row(first.posteriors).max()!)
                    == row(written[0]).firstIndex(of: row(written[0]).max()!))
        }
    }

    /// A file cut anywhere is reported as truncated, never read as shorter data.
    @Test func truncationIsDetected() throws {
        let (path, _) = try Self.write(.float16, to: try Fixtures.scratchFolder())
        let whole = try Data(contentsOf: URL(fileURLWithPath: path))
        for length in [0, 5, 20, 40, 60, 100, whole.count - 9, whole.count - 1] {
            let cut = path + ".cut"
            try whole.prefix(length).write(to: URL(fileURLWithPath: cut))
            #expect {
                let reader = try PosteriorsReader(path: cut)
                while try reader.next() != nil {}
            } throws: { error in
                (error as? PipelineError)?.description.contains("truncated") == true
            }
        }
    }

    /// Other files and other versions are refused with a reason.
    @Test func foreignFilesAreRefused() throws {
        let folder = try Fixtures.scratchFolder()
        let (path, _) = try Self.write(.float16, to: folder)
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        try Data("not posteriors at all".utf8).write(to: URL(fileURLWithPath: folder + "/text.bin"))
        #expect(throws: PipelineError.self) { try PosteriorsReader(path: folder + "/text.bin") }
        bytes[8] = 9  // format version
        try Data(bytes).write(to: URL(fileURLWithPath: folder + "/future.bin"))
        #expect {
            try PosteriorsReader(path: folder + "/future.bin")
        } throws: { error in
            (error as? PipelineError)?.description.contains("format version 9") == true
        }
    }
}
