import Foundation

/// Reading and writing the JSON checkpoints of the later stages, one way everywhere.
package enum CheckpointJSON {
    /// Encodes `value` (sorted keys, readable) and writes it atomically to `path`.
    package static func write(_ value: some Encodable, to path: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        try AtomicFile.write(try encoder.encode(value), to: path)
    }

    /// Decodes the checkpoint at `path`, naming it when it is missing or unreadable.
    package static func read<Value: Decodable>(_ type: Value.Type, from path: String) throws(PipelineError) -> Value {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .io(path: path, detail: "no such file; run the stage that writes it first")
        }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        do { return try decoder.decode(Value.self, from: data) } catch {
            throw .corruptCheckpoint(path: path, detail: "\(error)")
        }
    }
}
