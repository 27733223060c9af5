import Catalog
import Checkpoints
import Foundation
import Pipeline
import Testing
import Transcription

/// Reads back every checkpoint of a broadcast folder with the pipeline's own readers, as a later stage
/// would, and checks the manifest's records against the files.
enum CheckpointAudit {
    /// Names of the stages the manifest records as done, after checking that every checkpoint present
    /// parses completely and that each done stage's outputs match their recorded size and SHA-256.
    static func doneStages(in folder: String) throws -> Set<String> {
        let files = Set(CLIRunner.files(in: folder))
        if files.contains(RecordingInfo.fileName) { _ = try RecordingInfo.load(folder: folder) }
        if files.contains(PosteriorsFile.fileName) {
            let reader = try PosteriorsReader(path: folder + "/" + PosteriorsFile.fileName)
            while try reader.next() != nil {}
        }
        if files.contains("transcript.json") {
            _ = try JSONDecoder().decode(
                Transcript.self, from: Data(contentsOf: URL(fileURLWithPath: folder + "/transcript.json")))
        }
        guard let manifest = try Manifest.load(folder: folder) else { return [] }
        var done: Set<String> = []
        for (stage, entry) in manifest.stages where entry.status == .done {
            for (file, digest) in entry.outputs {
                #expect(
                    try FileDigest(path: folder + "/" + file) == digest, "\(stage): \(file) differs from the manifest")
            }
            done.insert(stage)
        }
        return done
    }
}
